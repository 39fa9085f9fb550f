import type { AddressInfo } from 'node:net';
import { serve, type ServerType, type WebSocketServerLike } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config.ts';
import { createApp } from './http/app.ts';
import type { Logger } from './logger.ts';
import { seedDemo } from './demo/seed-demo.ts';
import type { DocStore } from './storage/doc-store.ts';
import { SqliteDocStore } from './storage/sqlite-store.ts';
import { SyncHub } from './sync/sync-hub.ts';

export interface RunningServer {
  port: number;
  /** `http://host:port`, for people and tests. */
  url: string;
  hub: SyncHub;
  store: DocStore;
  /** Stops accepting, closes every socket with 1012, saves everything, closes the store. */
  close(): Promise<void>;
}

/** Starts the whole server on `config.port` (0 picks a free port) and resolves once it listens. */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const store = SqliteDocStore.open(config.dataDir);
  if (config.seedDemo) {
    const seeded = await seedDemo(store, Date.now());
    if (seeded > 0) logger.info('demo data written', { cases: seeded });
  }
  const hub = new SyncHub({ store, logger });
  const app = createApp({ store, hub, logger, webRoot: config.webRoot });
  // ws closes a socket whose frame is larger than maxPayload with 1009 (SPEC S-WIRE-4)
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxFrameBytes });
  // ws types `noServer` as optional, which exactOptionalPropertyTypes will not match to the adapter's type
  const websocketServer = wss as unknown as WebSocketServerLike;

  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: websocketServer } },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://${host}:${port}`,
    hub,
    store,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await hub.shutdown();
        wss.close();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await stopped;
        await store.close();
      })();
      return closing;
    },
  };
}
