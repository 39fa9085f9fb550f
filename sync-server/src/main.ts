import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, readConfig } from './config.ts';
import { createLogger, errorFields, jsonLinesTo } from './logger.ts';
import { demoAccounts } from './demo/demo-accounts.ts';
import { startServer } from './server.ts';

const builtWebApp = join(dirname(fileURLToPath(import.meta.url)), '../../web/build');

async function main(): Promise<void> {
  const config = readConfig(process.env, builtWebApp);
  const logger = createLogger(jsonLinesTo(process.stdout), config.logLevel);
  const server = await startServer(config, logger);
  logger.info('listening', { url: server.url, dataDir: config.dataDir, node: process.version });
  console.log(`\n  Concord is running at ${server.url}/\n`);
  if (config.seedDemo) {
    console.log(
      `  Demo accounts (DEMO ONLY, never for real cases): ${demoAccounts.map((a) => a.username).join(', ')}\n` +
        '  Password: the DEMO_PASSWORD the data folder was first started with (default "demo").\n',
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', errorFields(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Concord could not start: ${error.message}`);
  else console.error('Concord could not start:', error);
  process.exit(1);
});
