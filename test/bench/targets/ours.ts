import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../../sync-server/src/config.ts';
import { createLogger, jsonLinesTo } from '../../../sync-server/src/logger.ts';
import { startServer } from '../../../sync-server/src/server.ts';
import type { StartedTarget } from './started-target.ts';

/**
 * Our server, in this process, exactly as `main.ts` starts it but on port 0 with a fresh data folder. Demo data is
 * seeded because the demo account is what the benchmark logs in with. Read through `readConfig` so that settings
 * added later keep their defaults. Warnings and errors go to stderr; routine lines are not written at all.
 */
export async function startOurs(): Promise<StartedTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-bench-'));
  const config = readConfig(
    { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: '1', LOG_LEVEL: 'warn' },
    null,
  );
  const server = await startServer(config, createLogger(jsonLinesTo(process.stderr), config.logLevel));
  return {
    httpUrl: server.url,
    serverUrl: `${server.url.replace(/^http/, 'ws')}/sync`,
    readiness: 'synced',
    notes: ['ours: SQLite in a temp DATA_DIR, demo data seeded; relays an update once it is on disk'],
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
