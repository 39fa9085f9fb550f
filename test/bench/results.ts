import type { TargetName } from './protocol.ts';
import { kib, num, percent, printTable, ratio } from './report.ts';
import type { LoadRun, MemoryRun } from './runs.ts';

export interface Results {
  oneDoc: { target: TargetName; run: LoadRun }[];
  manyDocs: { target: TargetName; run: LoadRun }[];
  memory: Map<TargetName, MemoryRun>;
}

export function printLoadTable(
  title: string,
  runs: { target: TargetName; run: LoadRun }[],
  clientCounts: number[],
): void {
  const rows = runs.map(({ target, run }) => {
    const r = run.result;
    return [
      target,
      String(r.clients),
      String(r.docs),
      num(r.connectMs / 1000, 1),
      num(r.offeredPerSecond),
      num(r.sentPerSecond),
      num(r.deliveredPerSecond),
      num(r.latencyMs.p50, 1),
      num(r.latencyMs.p99, 1),
      num(r.latencyMs.max, 1),
      `${r.missing}/${r.expectedDeliveries}`,
      percent(run.serverCpu),
      percent(run.serverElu),
      num(run.serverUsPerDelivery, 1),
      num(run.serverLoopDelayMaxMs),
      percent(r.clientCpu),
      num(r.clientLoopDelayMaxMs),
    ];
  });
  printTable(
    title,
    [
      'server',
      'clients',
      'docs',
      'connect s',
      'edits/s',
      'sent/s',
      'relayed/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'missing',
      'srv CPU',
      'srv ELU',
      'srv us/relay',
      'srv stall ms',
      'cli CPU',
      'cli stall ms',
    ],
    rows,
  );
  const ratioRows: string[][] = [];
  for (const clients of clientCounts) {
    const find = (target: TargetName) =>
      runs.find((r) => r.target === target && r.run.result.clients === clients)?.run;
    const ours = find('ours');
    if (!ours) continue;
    for (const other of ['reference', 'relay'] as const) {
      const them = find(other);
      if (!them) continue;
      ratioRows.push([
        `ours/${other}`,
        String(clients),
        ratio(ours.result.deliveredPerSecond, them.result.deliveredPerSecond),
        ratio(ours.result.latencyMs.p50, them.result.latencyMs.p50),
        ratio(ours.result.latencyMs.p99, them.result.latencyMs.p99),
        ratio(ours.serverCpu, them.serverCpu),
        ratio(ours.serverUsPerDelivery, them.serverUsPerDelivery),
      ]);
    }
  }
  if (ratioRows.length > 0) {
    printTable(
      '   ratios (relayed/s: higher is better; the rest: lower is better)',
      ['ratio', 'clients', 'relayed/s', 'p50', 'p99', 'srv CPU', 'srv us/relay'],
      ratioRows,
    );
  }
}

export function printLoadLegend(): void {
  console.log(
    '\nrelayed/s: edits arriving at other clients per second; p50/p99/max: local edit to arrival at another ' +
      'client; missing: deliveries still absent after draining; srv us/relay: server CPU per relayed edit; ELU: ' +
      'share of time the event loop was busy (well above CPU means blocking I/O); stall: longest event-loop ' +
      'delay (a cli stall delays arrivals as much as a srv stall). Tails move with the machine load.',
  );
}

export function printMemoryTable(memory: Map<TargetName, MemoryRun>, connections: number): void {
  const rows = [...memory].map(([target, m]) => [
    target,
    kib(m.perDocWithConnection.heapUsed),
    kib(m.perDocWithConnection.rss),
    kib(m.perDoc.heapUsed),
    kib(m.perDoc.rss),
    kib(m.perConnection.heapUsed),
    kib(m.perConnection.external),
    kib(m.perConnection.rss),
  ]);
  printTable(
    `3. Server memory, KiB, after full GC: ${connections} idle clients on ${connections} new documents, then ` +
      `${connections} more on the same documents`,
    [
      'server',
      'heap/(doc+conn)',
      'rss/(doc+conn)',
      'heap/doc',
      'rss/doc',
      'heap/conn',
      'external/conn',
      'rss/conn',
    ],
    rows,
  );
  const ours = memory.get('ours');
  if (!ours) return;
  const ratioRows: string[][] = [];
  for (const other of ['reference', 'relay'] as const) {
    const them = memory.get(other);
    if (!them) continue;
    ratioRows.push([
      `ours/${other}`,
      ratio(ours.perDocWithConnection.heapUsed, them.perDocWithConnection.heapUsed),
      ratio(ours.perDoc.heapUsed, them.perDoc.heapUsed),
      ratio(ours.perConnection.heapUsed, them.perConnection.heapUsed),
    ]);
  }
  console.log(
    '   heap/doc = heap/(doc+conn) - heap/conn. RSS moves in pages and with the allocator, so its small ' +
      'per-item deltas are noisy (even negative); the ratios use the heap only.',
  );
  if (ratioRows.length > 0) {
    printTable(
      '   heap ratios (lower is better)',
      ['ratio', 'heap/(doc+conn)', 'heap/doc', 'heap/conn'],
      ratioRows,
    );
  }
}
