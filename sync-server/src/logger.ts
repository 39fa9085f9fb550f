/** Fields of a structured log line. Never put a token, a password or a query string here. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface LogLine extends LogFields {
  time: string;
  level: LogLevel;
  message: string;
}

/** A logger that hands each line to `write`; the server writes JSON lines to stdout, tests keep them in memory. */
export function createLogger(write: (line: LogLine) => void, minimum: LogLevel = 'info'): Logger {
  const floor = logLevels.indexOf(minimum);
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (logLevels.indexOf(level) < floor) return;
      write({ ...fields, time: new Date().toISOString(), level, message });
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function jsonLinesTo(stream: NodeJS.WritableStream): (line: LogLine) => void {
  return (line) => {
    stream.write(`${JSON.stringify(line)}\n`);
  };
}

/** Keeps every line, for tests that assert what was logged. */
export function memoryLogger(minimum: LogLevel = 'debug'): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return Object.assign(
    createLogger((line) => lines.push(line), minimum),
    { lines },
  );
}

export function errorFields(error: unknown): LogFields {
  if (error instanceof Error) return { error: error.message, errorName: error.name };
  return { error: String(error) };
}
