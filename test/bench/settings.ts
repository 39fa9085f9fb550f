import { isTargetName, targetNames, type TargetName } from './protocol.ts';

export interface Settings {
  targets: TargetName[];
  /** Client counts for the load workloads. */
  clientCounts: number[];
  measureMs: number;
  warmupMs: number;
  drainMs: number;
  /** Edits per second over all clients when they share one document... */
  oneDocRate: number;
  /** ...but no more than makes this many relays per second, which is what the client process can take. */
  oneDocMaxRelays: number;
  /** Edits per second over all clients when they are spread over many documents. */
  manyDocsRate: number;
  clientsPerDoc: number;
  /** Idle connections (and documents) for the memory workload. */
  idleConnections: number;
}

export const settingsHelp = [
  'BENCH_SECONDS (measured seconds per load run, 5)',
  'BENCH_WARMUP_SECONDS (1)',
  'BENCH_CLIENTS (50,200)',
  'BENCH_RATE (edits/s, one document, 100)',
  'BENCH_MAX_RELAYS (caps BENCH_RATE to this many relays/s, 6000)',
  'BENCH_MANY_RATE (edits/s, many documents, 500)',
  'BENCH_CLIENTS_PER_DOC (5)',
  'BENCH_IDLE (idle connections, 500)',
  'BENCH_TARGETS (ours,reference,relay)',
];

function positive(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${key} must be a positive number, not ${raw}`);
  return value;
}

function list(env: NodeJS.ProcessEnv, key: string, fallback: string): string[] {
  return (env[key] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The edit rate for `clients` on one document: each edit is relayed to every other client. */
export function oneDocRate(settings: Settings, clients: number): number {
  return Math.min(settings.oneDocRate, Math.floor(settings.oneDocMaxRelays / (clients - 1)));
}

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const targets = list(env, 'BENCH_TARGETS', targetNames.join(','));
  const unknown = targets.filter((t) => !isTargetName(t));
  if (unknown.length > 0) throw new Error(`BENCH_TARGETS: unknown ${unknown.join(', ')}`);
  const clientCounts = list(env, 'BENCH_CLIENTS', '50,200').map(Number);
  if (clientCounts.some((n) => !Number.isInteger(n) || n < 2)) {
    throw new Error('BENCH_CLIENTS must list whole numbers of at least 2');
  }
  return {
    targets: targets.filter(isTargetName),
    clientCounts,
    measureMs: positive(env, 'BENCH_SECONDS', 5) * 1000,
    warmupMs: positive(env, 'BENCH_WARMUP_SECONDS', 1) * 1000,
    drainMs: 3000,
    oneDocRate: positive(env, 'BENCH_RATE', 100),
    oneDocMaxRelays: positive(env, 'BENCH_MAX_RELAYS', 6000),
    manyDocsRate: positive(env, 'BENCH_MANY_RATE', 500),
    clientsPerDoc: Math.max(2, Math.round(positive(env, 'BENCH_CLIENTS_PER_DOC', 5))),
    idleConnections: Math.round(positive(env, 'BENCH_IDLE', 500)),
  };
}
