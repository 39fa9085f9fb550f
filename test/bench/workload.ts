import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeliveryTracker, editLength } from './deliveries.ts';
import type { LoadResult, LoadSpec } from './protocol.ts';
import { openClients, type BenchClient } from './provider.ts';
import { seededRandom, summarize } from './stats.ts';

const tickMs = 2;

/**
 * Opens the clients, then makes `ratePerSecond` small text inserts per second over all of them, round robin, at
 * random positions, for the warm-up and the measured window. The schedule is open loop: when this process falls
 * behind it catches up in a burst rather than sending less, and the sent rate shows it.
 */
export async function runLoad(
  spec: LoadSpec,
  onWindow: (edge: 'start' | 'end') => void,
): Promise<LoadResult> {
  const names = Array.from({ length: spec.clients }, (_, i) => {
    const name = spec.docNames[i % spec.docNames.length];
    if (name === undefined) throw new Error('a load needs at least one document');
    return name;
  });
  const tracker = new DeliveryTracker();
  const connectStarted = performance.now();
  const clients = await openClients(spec.endpoint, names);
  const connectMs = performance.now() - connectStarted;
  for (const client of clients) tracker.addAuthor(client.doc);
  const peersOf = new Map<string, number>();
  for (const name of names) peersOf.set(name, (peersOf.get(name) ?? 0) + 1);

  const random = seededRandom(spec.seed);
  let sent = 0;
  let sentInWindow = 0;
  let expectedDeliveries = 0;
  const edit = (client: BenchClient, docName: string, now: number) => {
    const text = client.doc.getText('t');
    const content = `${sent.toString(36).padStart(editLength - 1, '0')} `.slice(-editLength);
    tracker.sent(client.doc, now);
    text.insert(Math.floor(random() * (text.length + 1)), content);
    if (tracker.inWindow(now)) {
      sentInWindow++;
      expectedDeliveries += (peersOf.get(docName) ?? 1) - 1;
    }
  };

  const started = performance.now();
  const windowStart = started + spec.warmupMs;
  const windowEnd = windowStart + spec.measureMs;
  tracker.openWindow(windowStart);
  tracker.closeWindow(windowEnd);
  let cpuAtStart = process.cpuUsage();
  let cpuAtEnd = cpuAtStart;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const startTimer = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    loopDelay.enable();
    onWindow('start');
  }, spec.warmupMs);
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (now >= windowEnd) {
        cpuAtEnd = process.cpuUsage(cpuAtStart);
        loopDelay.disable();
        onWindow('end');
        resolve();
        return;
      }
      const due = Math.floor(((now - started) / 1000) * spec.ratePerSecond);
      while (sent < due) {
        const index = sent % clients.length;
        const client = clients[index];
        const name = names[index];
        if (client === undefined || name === undefined) throw new Error('client index out of range');
        edit(client, name, performance.now());
        sent++;
      }
      setTimeout(tick, tickMs);
    };
    tick();
  });
  clearTimeout(startTimer);

  // wait for the edits of the window still on their way
  const drainUntil = performance.now() + spec.drainMs;
  while (tracker.latencies.length < expectedDeliveries && performance.now() < drainUntil) await sleep(20);
  const latencyMs = summarize(tracker.latencies);
  for (const client of clients) client.destroy();

  const seconds = spec.measureMs / 1000;
  return {
    clients: spec.clients,
    docs: peersOf.size,
    connectMs,
    offeredPerSecond: spec.ratePerSecond,
    sentPerSecond: sentInWindow / seconds,
    deliveredPerSecond: tracker.deliveredInWindow / seconds,
    expectedDeliveries,
    missing: expectedDeliveries - latencyMs.count,
    latencyMs,
    clientCpu: (cpuAtEnd.user + cpuAtEnd.system) / 1000 / spec.measureMs,
    clientLoopDelayMaxMs: loopDelay.max / 1e6,
  };
}
