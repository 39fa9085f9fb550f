import { setTimeout as sleep } from 'node:timers/promises';
import { ClientWorker, type ServerHost } from './children.ts';
import type { Endpoint, LoadResult, LoadSpec, MemorySample, UsageMark } from './protocol.ts';

/** Pause after clients leave, so that a server finishes saving and unloading before the next run. */
const settleMs = 500;

export interface LoadRun {
  result: LoadResult;
  /** Server CPU time over the window, as a fraction of one core. */
  serverCpu: number;
  /** Share of the window the server's event loop was busy. */
  serverElu: number;
  /** Server CPU time per delivery, microseconds. */
  serverUsPerDelivery: number;
  /** Longest stall of the server's event loop in the window, milliseconds. */
  serverLoopDelayMaxMs: number;
}

/** Runs one load in a fresh client process, marking the server's counters at the edges of the window. */
export async function measureLoad(host: ServerHost, spec: LoadSpec): Promise<LoadRun> {
  const worker = new ClientWorker();
  const marks: Partial<Record<'start' | 'end', Promise<UsageMark>>> = {};
  try {
    const result = await worker.load(spec, (edge) => {
      marks[edge] = host.mark();
    });
    const [start, end] = await Promise.all([marks.start, marks.end]);
    if (!start || !end) throw new Error('the load ended without a measured window');
    const wallUs = (end.wallMs - start.wallMs) * 1000;
    const cpuUs = end.cpuUs - start.cpuUs;
    const active = end.eluActiveMs - start.eluActiveMs;
    const idle = end.eluIdleMs - start.eluIdleMs;
    const deliveries = result.deliveredPerSecond * (spec.measureMs / 1000);
    return {
      result,
      serverCpu: cpuUs / wallUs,
      serverElu: active / (active + idle),
      serverUsPerDelivery: deliveries > 0 ? cpuUs / deliveries : Number.NaN,
      serverLoopDelayMaxMs: end.loopDelayMaxMs,
    };
  } finally {
    await worker.close();
    await sleep(settleMs);
  }
}

export interface MemoryRun {
  connections: number;
  /** Growth per connection when each opens a document of its own: one loaded document plus one connection. */
  perDocWithConnection: MemorySample;
  /** Growth per further connection on an already loaded document. */
  perConnection: MemorySample;
  /** The difference of the two: what a loaded document costs by itself. */
  perDoc: MemorySample;
}

function perItem(after: MemorySample, before: MemorySample, count: number): MemorySample {
  return {
    heapUsed: (after.heapUsed - before.heapUsed) / count,
    external: (after.external - before.external) / count,
    arrayBuffers: (after.arrayBuffers - before.arrayBuffers) / count,
    rss: (after.rss - before.rss) / count,
  };
}

function minus(a: MemorySample, b: MemorySample): MemorySample {
  return {
    heapUsed: a.heapUsed - b.heapUsed,
    external: a.external - b.external,
    arrayBuffers: a.arrayBuffers - b.arrayBuffers,
    rss: a.rss - b.rss,
  };
}

/**
 * Opens `count` idle clients on `count` new documents, then `count` more on the same documents, sampling the
 * server's memory after a full collection before and after each step.
 */
export async function measureMemory(host: ServerHost, endpoint: Endpoint, count: number): Promise<MemoryRun> {
  const worker = new ClientWorker();
  try {
    // warm up the code paths of connecting and loading, so that their one-off allocations are not counted
    await worker.openIdle(
      endpoint,
      Array.from({ length: 20 }, (_, i) => `case:bench-warm-${i}`),
    );
    await worker.closeAll();
    await sleep(settleMs);
    const docNames = Array.from({ length: count }, (_, i) => `case:bench-idle-${i}`);
    const base = await host.memory();
    await worker.openIdle(endpoint, docNames);
    await sleep(settleMs);
    const withDocs = await host.memory();
    await worker.openIdle(endpoint, docNames);
    await sleep(settleMs);
    const withMore = await host.memory();
    await worker.closeAll();
    const perDocWithConnection = perItem(withDocs, base, count);
    const perConnection = perItem(withMore, withDocs, count);
    return {
      connections: count,
      perDocWithConnection,
      perConnection,
      perDoc: minus(perDocWithConnection, perConnection),
    };
  } finally {
    await worker.close();
    await sleep(settleMs);
  }
}
