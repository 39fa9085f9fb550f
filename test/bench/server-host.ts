import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { emitToParent, serveParent } from './ipc.ts';
import {
  isTargetName,
  type HostReady,
  type HostRequest,
  type MemorySample,
  type UsageMark,
} from './protocol.ts';
import { startTarget } from './targets/index.ts';

/**
 * A child process holding one server under test, started in-process through its own API. Run with --expose-gc:
 * memory is sampled after full collections.
 */

const name = process.argv[2] ?? '';
if (!isTargetName(name)) throw new Error(`unknown target ${JSON.stringify(name)}`);
const target = await startTarget(name);

const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function usageMark(): UsageMark {
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const loopDelayMaxMs = loopDelay.max / 1e6;
  loopDelay.reset();
  return {
    wallMs: performance.now(),
    cpuUs: cpu.user + cpu.system,
    eluActiveMs: elu.active,
    eluIdleMs: elu.idle,
    loopDelayMaxMs,
  };
}

async function memoryAfterGc(): Promise<MemorySample> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('the server host needs --expose-gc');
  // let closing sockets and pending timers finish, then collect until the heap stops shrinking
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 6; round++) {
    await sleep(50);
    gc();
    const used = process.memoryUsage().heapUsed;
    if (used >= previous * 0.999) break;
    previous = used;
  }
  const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
  return { heapUsed, external, arrayBuffers, rss };
}

let closing: Promise<void> | null = null;
const close = (): Promise<void> => (closing ??= target.close());

serveParent(async (body) => {
  const request = body as HostRequest;
  switch (request.kind) {
    case 'mark':
      return usageMark();
    case 'memory':
      return memoryAfterGc();
    case 'stop':
      await close();
      return {};
  }
}, close);

emitToParent({
  kind: 'ready',
  httpUrl: target.httpUrl,
  serverUrl: target.serverUrl,
  readiness: target.readiness,
  notes: target.notes,
} satisfies HostReady);
