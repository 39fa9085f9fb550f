import { availableParallelism, cpus, loadavg } from 'node:os';
import { ourServerToken } from './auth.ts';
import { ServerHost } from './children.ts';
import { benchInProcessFirst } from './in-process.ts';
import type { Endpoint, LoadSpec } from './protocol.ts';
import { printLoadLegend, printLoadTable, printMemoryTable, type Results } from './results.ts';
import { measureLoad, measureMemory } from './runs.ts';
import { oneDocRate, readSettings, settingsHelp, type Settings } from './settings.ts';

/**
 * `npm run bench`: our sync server against the reference y-websocket server and a bare byte relay, under stock
 * y-websocket clients, after the ledger's own benchmark (`ledger-bench.ts`). Prints numbers; asserts nothing.
 */

interface Target {
  host: ServerHost;
  endpoint: Endpoint;
}

async function endpointFor(host: ServerHost): Promise<Endpoint> {
  const params: Record<string, string> = {};
  if (host.target === 'ours') {
    const token = await ourServerToken(host.ready.httpUrl);
    if (token !== null) {
      params['token'] = token;
      console.log('note: ours: signed in as the demo admin; every socket carries ?token=');
    }
  }
  return { serverUrl: host.ready.serverUrl, params, readiness: host.ready.readiness };
}

function progress(message: string): void {
  const load = loadavg()[0] ?? Number.NaN;
  console.log(`  ${message} (load average ${load.toFixed(1)})`);
}

function printPreamble(settings: Settings): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Sync server benchmark: ${availableParallelism()} cores (${cpu}), Node ${process.version}`);
  console.log(
    'Each server runs in a child process of its own, started in-process there through its API; the stock ' +
      'y-websocket clients run in another child process, so client CPU does not share the server event loop ' +
      '(but does share the machine). Targets take turns on each workload, so background load hits them alike.',
  );
  console.log(
    `Load runs: ${settings.warmupMs / 1000} s warm-up, then ${settings.measureMs / 1000} s measured; ` +
      `one document at ${settings.oneDocRate} edits/s in total (at most ${settings.oneDocMaxRelays} relays/s: ` +
      `one client process cannot apply more), many documents (${settings.clientsPerDoc} ` +
      `clients each) at ${settings.manyDocsRate} edits/s in total; each edit inserts 8 characters at a ` +
      'random place, round robin over the clients.',
  );
  console.log(`Settings: ${settingsHelp.join(', ')}`);
}

async function main(): Promise<void> {
  // the ledger's and the meetings' benchmarks take seconds; BENCH_TARGETS=ledger,meetings runs them alone
  const env = await benchInProcessFirst(process.env);
  if (env === null) return;
  const settings = readSettings(env);
  printPreamble(settings);
  const started = performance.now();
  const targets: Target[] = [];
  try {
    for (const name of settings.targets) {
      const host = await ServerHost.start(name);
      targets.push({ host, endpoint: await endpointFor(host) });
      for (const note of host.ready.notes) console.log(`note: ${note}`);
    }

    const results: Results = { oneDoc: [], manyDocs: [], memory: new Map() };
    for (const { host, endpoint } of targets) {
      results.memory.set(host.target, await measureMemory(host, endpoint, settings.idleConnections));
      progress(`${host.target}: memory with ${settings.idleConnections} idle clients`);
    }
    const base = { warmupMs: settings.warmupMs, measureMs: settings.measureMs, drainMs: settings.drainMs };
    for (const clients of settings.clientCounts) {
      for (const { host, endpoint } of targets) {
        const spec: LoadSpec = {
          ...base,
          endpoint,
          docNames: [`case:bench-one-${clients}`],
          clients,
          ratePerSecond: oneDocRate(settings, clients),
          seed: clients,
        };
        results.oneDoc.push({ target: host.target, run: await measureLoad(host, spec) });
        progress(`${host.target}: ${clients} clients on one document`);
      }
    }
    for (const clients of settings.clientCounts) {
      const docs = Math.max(1, Math.ceil(clients / settings.clientsPerDoc));
      for (const { host, endpoint } of targets) {
        const spec: LoadSpec = {
          ...base,
          endpoint,
          docNames: Array.from({ length: docs }, (_, i) => `case:bench-many-${clients}-${i}`),
          clients,
          ratePerSecond: settings.manyDocsRate,
          seed: clients + 1,
        };
        results.manyDocs.push({ target: host.target, run: await measureLoad(host, spec) });
        progress(`${host.target}: ${clients} clients on ${docs} documents`);
      }
    }

    printLoadTable('1. All clients on ONE document', results.oneDoc, settings.clientCounts);
    printLoadTable(
      `2. Clients spread over documents of ${settings.clientsPerDoc}`,
      results.manyDocs,
      settings.clientCounts,
    );
    printLoadLegend();
    printMemoryTable(results.memory, settings.idleConnections);
  } finally {
    await Promise.all(targets.map((t) => t.host.stop()));
  }
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

await main();
