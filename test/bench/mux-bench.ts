import { muxReconnect, perDocReconnect, type Reconnected } from './reconnect-clients.ts';
import {
  holdsAll,
  prepareScenario,
  townWrites,
  type Scenario,
  type ScenarioShape,
} from './reconnect-scenario.ts';
import type { DocWrite } from '../../sync-server/src/storage/doc-store.ts';
import { slowLink } from './slow-link.ts';

/**
 * `BENCH_TARGETS=reconnect`: a device that holds a thousand case documents comes back after a day offline, over
 * one multiplexed socket and over one stock socket per document. Server and client run in this one process, so
 * the wall time holds both sides' work. Prints numbers only.
 */

const shape: ScenarioShape = { docs: 1000, serverEdited: 0.1, deviceEdited: 0.02 };
const targets = { ms: 2000, speedup: 5, bytesPerChange: 1.5 };

interface Way {
  label: string;
  run: (scenario: Scenario) => Promise<Reconnected>;
  packFrames?: boolean;
}

const ways: Way[] = [
  { label: 'one mux socket, frames of a turn packed', run: muxReconnect },
  { label: 'one mux socket, a message per frame', run: muxReconnect, packFrames: false },
  { label: 'a socket per document, all at once', run: (s) => perDocReconnect(s, Number.POSITIVE_INFINITY) },
  { label: 'a socket per document, 6 at a time', run: (s) => perDocReconnect(s, 6) },
];

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function line(cells: string[], widths: number[]): void {
  console.log(
    `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' ')}`,
  );
}

async function measure(
  writes: readonly DocWrite[],
  way: Way,
  roundTripMs = 0,
): Promise<{ run: Reconnected; changes: number }> {
  const scenario = await prepareScenario(
    writes,
    shape,
    way.packFrames === undefined ? {} : { muxPackFrames: way.packFrames },
  );
  const link = roundTripMs > 0 ? await slowLink(scenario.syncUrl, roundTripMs) : null;
  try {
    const run = await way.run(link ? { ...scenario, syncUrl: link.syncUrl } : scenario);
    const behind = scenario.device.filter(
      (c) => !holdsAll(c.doc, scenario.serverState.get(c.name) ?? Uint8Array.of(0)),
    );
    if (behind.length > 0) throw new Error(`${way.label}: ${behind.length} documents not up to date`);
    return { run, changes: scenario.changes.down + scenario.changes.up };
  } finally {
    await link?.close();
    await scenario.dispose();
  }
}

export async function runReconnectBench(): Promise<void> {
  const repeats = Math.max(1, Number(process.env['BENCH_RECONNECT_RUNS'] ?? 3));
  const writes = townWrites(shape.docs, Date.now());
  const probe = await prepareScenario(writes, shape);
  const { changes } = probe;
  const storedBytes = writes.reduce((sum, w) => sum + (w.updates[0]?.length ?? 0), 0);
  await probe.dispose();
  console.log(
    `\nReconnect after a day offline: ${shape.docs} case documents from the demo town's generator ` +
      `(${kb(storedBytes)} KB stored), ${shape.serverEdited * 100}% edited on the server by others (a note of ` +
      `200-400 Chinese characters and a title change), ${shape.deviceEdited * 100}% edited on the device ` +
      `(a note of 50-150 characters). Server and device in one process; median of ${repeats} runs, each on a ` +
      'fresh server with every document on disk and none loaded.',
  );
  console.log(
    `  changes that had to move: down ${kb(changes.down)} KB in ${changes.docsDown} documents, up ` +
      `${kb(changes.up)} KB in ${changes.docsUp} documents (updates as their authors' clients made them)`,
  );
  // warm the code paths once, so the first way measured does not pay for the JIT alone
  const small = writes.slice(0, 100);
  for (const way of ways) {
    const warm = await prepareScenario(small, shape);
    await way.run(warm);
    await warm.dispose();
  }
  const widths = [42, 9, 8, 10, 12, 12, 16];
  line(['way', 'wall ms', 'CPU ms', 'sent KB', 'received KB', 'msgs out/in', 'wire / changes'], widths);
  const medians = new Map<string, Reconnected>();
  for (const way of ways) {
    const runs: Reconnected[] = [];
    for (let i = 0; i < repeats; i++) runs.push((await measure(writes, way)).run);
    runs.sort((a, b) => a.ms - b.ms);
    const median = runs[Math.floor(runs.length / 2)];
    if (!median) continue;
    medians.set(way.label, median);
    const total = changes.down + changes.up;
    line(
      [
        way.label,
        median.ms.toFixed(0),
        median.cpuMs.toFixed(0),
        kb(median.sent),
        kb(median.received),
        `${median.messagesOut}/${median.messagesIn}`,
        `${((median.sent + median.received) / total).toFixed(2)}×`,
      ],
      widths,
    );
  }
  const mux = medians.get(ways[0]?.label ?? '');
  const unpacked = medians.get(ways[1]?.label ?? '');
  const allAtOnce = medians.get(ways[2]?.label ?? '');
  const sixAtATime = medians.get(ways[3]?.label ?? '');
  if (!mux || !allAtOnce || !sixAtATime || !unpacked) return;
  const total = changes.down + changes.up;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  console.log('  targets of the issue:');
  console.log(
    `    ${shape.docs} documents up to date in ≤ ${targets.ms} ms: ${mux.ms.toFixed(0)} ms — ${verdict(mux.ms <= targets.ms)}`,
  );
  const speedup = allAtOnce.ms / mux.ms;
  const speedup6 = sixAtATime.ms / mux.ms;
  console.log(
    `    ≥ ${targets.speedup}× faster than a socket per document: ${speedup.toFixed(1)}× (all at once), ` +
      `${speedup6.toFixed(1)}× (6 at a time) — ${verdict(Math.min(speedup, speedup6) >= targets.speedup)}`,
  );
  const ratio = (mux.sent + mux.received) / total;
  console.log(
    `    bytes on the wire ≤ ${targets.bytesPerChange}× the changes: ${ratio.toFixed(2)}× ` +
      `(${kb(mux.sent + mux.received)} KB for ${kb(total)} KB) — ${verdict(ratio <= targets.bytesPerChange)}`,
  );
  console.log(
    `  packing the frames of a turn into one message: ${unpacked.messagesIn} → ${mux.messagesIn} messages, ` +
      `${unpacked.ms.toFixed(0)} → ${mux.ms.toFixed(0)} ms wall, ${unpacked.cpuMs.toFixed(0)} → ` +
      `${mux.cpuMs.toFixed(0)} ms CPU, ${kb(unpacked.received)} → ${kb(mux.received)} KB received`,
  );
  await overSlowLink(writes);
}

/** The same, through a proxy that adds a phone link's round trip: what handshakes cost once they are not free. */
async function overSlowLink(writes: readonly DocWrite[]): Promise<void> {
  const roundTripMs = Number(process.env['BENCH_RECONNECT_RTT_MS'] ?? 50);
  if (!(roundTripMs > 0)) return;
  console.log(`  over a link of ${roundTripMs} ms round trip (one run each):`);
  const widths = [42, 9, 8, 10, 12, 12];
  line(['way', 'wall ms', 'CPU ms', 'sent KB', 'received KB', 'msgs out/in'], widths);
  for (const way of ways.filter((w) => w.packFrames !== false)) {
    const { run } = await measure(writes, way, roundTripMs);
    line(
      [
        way.label,
        run.ms.toFixed(0),
        run.cpuMs.toFixed(0),
        kb(run.sent),
        kb(run.received),
        `${run.messagesOut}/${run.messagesIn}`,
      ],
      widths,
    );
  }
}
