import { runLedgerBench } from './ledger-bench.ts';
import { runMeetingBench } from './meeting-bench.ts';
import { runReconnectBench } from './mux-bench.ts';
import { runWeakNetworkBench } from './weak-network-bench.ts';

/** The benchmarks that run in this process, on the code the page and the server run, before the sync servers'. */
const inProcess: Record<string, () => void | Promise<void>> = {
  ledger: runLedgerBench,
  meetings: runMeetingBench,
  reconnect: runReconnectBench,
  'weak-network': runWeakNetworkBench,
};

/**
 * Runs the in-process benchmarks (`ledger`, `meetings`, `reconnect`, `weak-network`) first unless `BENCH_TARGETS`
 * names only sync servers;
 * returns the settings for the sync benchmark, or null when the in-process ones were all that was asked for.
 */
export async function benchInProcessFirst(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv | null> {
  const targets = (env['BENCH_TARGETS'] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const [name, run] of Object.entries(inProcess)) {
    if (targets.length === 0 || targets.includes(name)) await run();
  }
  if (targets.length === 0) return env;
  const rest = targets.filter((t) => !(t in inProcess));
  return rest.length === 0 ? null : { ...env, BENCH_TARGETS: rest.join(',') };
}
