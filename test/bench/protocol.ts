/** What the orchestrator, the server host and the client worker say to each other over IPC. */

export const targetNames = ['ours', 'reference', 'relay'] as const;
export type TargetName = (typeof targetNames)[number];

export function isTargetName(value: string): value is TargetName {
  return (targetNames as readonly string[]).includes(value);
}

/**
 * When a client may start editing: after the server answered its sync step 1 (`synced`), or, for the relay,
 * which keeps no document and so answers nothing itself, as soon as the socket is open (`connected`).
 */
export type Readiness = 'synced' | 'connected';

/** Where stock providers connect, and with what. */
export interface Endpoint {
  /** The provider's `serverUrl`; it appends `/<docName>`. */
  serverUrl: string;
  /** The provider's `params` (query string), e.g. `{ token }`. */
  params: Record<string, string>;
  readiness: Readiness;
}

/** The server host's first message, once its target listens. */
export interface HostReady {
  kind: 'ready';
  /** `http://127.0.0.1:<port>`, for HTTP calls such as the login. */
  httpUrl: string;
  serverUrl: string;
  readiness: Readiness;
  notes: string[];
}

export type HostRequest = { kind: 'mark' } | { kind: 'memory' } | { kind: 'stop' };

/** Cumulative counters of the server process, to difference over a measured window. */
export interface UsageMark {
  wallMs: number;
  /** User plus system CPU time, microseconds. */
  cpuUs: number;
  /** Event-loop time spent working and idle, milliseconds (`performance.eventLoopUtilization()`). */
  eluActiveMs: number;
  eluIdleMs: number;
  /** Longest event-loop delay since the previous mark, milliseconds. */
  loopDelayMaxMs: number;
}

/** `process.memoryUsage()` after a full garbage collection, bytes. */
export interface MemorySample {
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  rss: number;
}

export interface LoadSpec {
  endpoint: Endpoint;
  /** Client `i` edits `docNames[i % docNames.length]`. */
  docNames: string[];
  clients: number;
  /** Edits per second over all clients together. */
  ratePerSecond: number;
  warmupMs: number;
  measureMs: number;
  /** How long to wait after the window for edits still on their way. */
  drainMs: number;
  seed: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  clients: number;
  docs: number;
  connectMs: number;
  offeredPerSecond: number;
  sentPerSecond: number;
  /** Edits received from another client during the window, per second, over all clients. */
  deliveredPerSecond: number;
  /** Deliveries the edits sent in the window should cause (each goes to every other client of its doc). */
  expectedDeliveries: number;
  /** Of those, how many had not arrived when draining gave up. */
  missing: number;
  /** Local edit to arrival at another client, milliseconds, for the edits sent in the window. */
  latencyMs: LatencySummary;
  /** CPU time of the client process over the window, as a fraction of one core. */
  clientCpu: number;
  /** Longest event-loop delay of the client process in the window, milliseconds: its own stalls. */
  clientLoopDelayMaxMs: number;
}

export type WorkerRequest =
  | { kind: 'load'; spec: LoadSpec }
  | { kind: 'open-idle'; endpoint: Endpoint; docNames: string[] }
  | { kind: 'close-all' };

export interface IdleOpened {
  opened: number;
  ms: number;
}

/** Sent by the worker while a load runs, so that the orchestrator can mark the server's counters. */
export interface WindowEvent {
  kind: 'window';
  edge: 'start' | 'end';
}
