import { fork, type ChildProcess } from 'node:child_process';

/**
 * Request and reply over the IPC channel of a forked process. The parent asks with {@link ChildProcessChannel.call};
 * the child answers with {@link serveParent} and may send events with {@link emitToParent}.
 */

type Message =
  | { type: 'request'; id: number; body: unknown }
  | { type: 'reply'; id: number; ok: true; body: unknown }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'event'; body: unknown };

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return value.type === 'request' || value.type === 'reply' || value.type === 'event';
}

interface Pending {
  resolve: (body: unknown) => void;
  reject: (error: Error) => void;
}

export class ChildProcessChannel {
  readonly name: string;
  readonly #process: ChildProcess;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #listeners: ((body: unknown) => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(name: string, file: string, args: string[], execArgv: string[] = []) {
    this.name = name;
    this.#process = fork(file, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.#process.on('message', (message) => {
      this.#receive(message);
    });
    this.exited = new Promise((resolve) => {
      this.#process.once('exit', (code) => {
        for (const pending of this.#pending.values()) {
          pending.reject(new Error(`${this.name} exited (code ${String(code)}) before answering`));
        }
        this.#pending.clear();
        resolve(code);
      });
    });
  }

  call(body: unknown): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#process.send({ type: 'request', id, body } satisfies Message);
    });
  }

  onEvent(listener: (body: unknown) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  /** Resolves with the first event `accept` takes. */
  nextEvent<T>(accept: (body: unknown) => body is T): Promise<T> {
    return new Promise((resolve, reject) => {
      const off = this.onEvent((body) => {
        if (!accept(body)) return;
        off();
        resolve(body);
      });
      void this.exited.then(() => {
        reject(new Error(`${this.name} exited before it was ready`));
      });
    });
  }

  /** Closes the channel; the child exits when it sees that (see {@link serveParent}). */
  async close(): Promise<void> {
    if (this.#process.connected) this.#process.disconnect();
    await this.exited;
  }

  #receive(message: unknown): void {
    if (!isMessage(message)) return;
    if (message.type === 'event') {
      for (const listener of this.#listeners) listener(message.body);
      return;
    }
    if (message.type !== 'reply') return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (message.ok) pending.resolve(message.body);
    else pending.reject(new Error(`${this.name}: ${message.error}`));
  }
}

function sendToParent(message: Message): void {
  if (!process.send) throw new Error('not started with an IPC channel: run the benchmark through main.ts');
  process.send(message);
}

/** Answers the parent's requests; runs `cleanup` and exits when the parent closes the channel or goes away. */
export function serveParent(
  handle: (body: unknown) => Promise<unknown>,
  cleanup: () => Promise<void> = () => Promise.resolve(),
): void {
  process.on('message', (message) => {
    if (!isMessage(message) || message.type !== 'request') return;
    const { id } = message;
    handle(message.body).then(
      (body) => {
        sendToParent({ type: 'reply', id, ok: true, body });
      },
      (error: unknown) => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        sendToParent({ type: 'reply', id, ok: false, error: text });
      },
    );
  });
  process.on('disconnect', () => {
    cleanup().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

export function emitToParent(body: unknown): void {
  sendToParent({ type: 'event', body });
}
