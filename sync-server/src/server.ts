import type { AddressInfo } from 'node:net';
import type { DatabaseSync } from 'node:sqlite';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { serve, type ServerType, type WebSocketServerLike } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import type { ServerConfig } from './config.ts';
import { createApp } from './http/app.ts';
import { errorFields, type Logger } from './logger.ts';
import { seedDemo } from './demo/seed-demo.ts';
import type { AccountStore } from './auth/account-store.ts';
import { AuthService } from './auth/auth-service.ts';
import { seedDemoAccounts } from './demo/demo-accounts.ts';
import type { BlobStore } from './attachments/blob-store.ts';
import { PostgresBlobStore } from './attachments/postgres-blob-store.ts';
import { SqliteBlobStore } from './attachments/sqlite-blob-store.ts';
import type { DocStore } from './storage/doc-store.ts';
import { SqliteAccountStore } from './storage/sqlite-account-store.ts';
import { openSqliteDatabase } from './storage/sqlite-database.ts';
import { SqliteDocStore } from './storage/sqlite-store.ts';
import { PostgresAccountStore } from './storage/postgres-account-store.ts';
import { connectPostgres } from './storage/postgres-database.ts';
import { PostgresDocStore } from './storage/postgres-store.ts';
import { RedisFanout } from './fanout/redis-fanout.ts';
import { RedisLoginThrottle } from './auth/redis-login-throttle.ts';
import { defaultSessionLimits } from './sync/session.ts';
import { defaultMuxLimits, SyncHub } from './sync/sync-hub.ts';

export interface RunningServer {
  port: number;
  /** `http://host:port`, for people and tests. */
  url: string;
  hub: SyncHub;
  store: DocStore;
  accounts: AccountStore;
  auth: AuthService;
  /** Stops accepting, closes every socket with 1012, saves everything, closes the store. */
  close(): Promise<void>;
}

/** Starts the whole server on `config.port` (0 picks a free port) and resolves once it listens. */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const { store, accounts, blobs, db } = await openStores(config);
  const fanout = config.redisUrl ? await RedisFanout.connect(config.redisUrl, logger) : undefined;
  // failed sign-ins counted where every instance sees them (SPEC A-AUTH-6)
  const throttle = config.redisUrl
    ? await RedisLoginThrottle.connect(config.redisUrl, (error) => {
        logger.error('redis throttle error', errorFields(error));
      })
    : undefined;
  if (config.seedDemo) await seedDemoData(store, accounts, config.demoPassword, logger);
  const auth = new AuthService({ accounts });
  const hub = new SyncHub({
    store,
    logger,
    maxLoadedDocs: config.maxLoadedDocs,
    ...(config.snapshotRetentionDays === undefined ? {} : { retentionDays: config.snapshotRetentionDays }),
    ...(fanout === undefined ? {} : { fanout, findAccount: (id: AccountId) => accounts.findById(id) }),
    ...(config.compactAfterUpdates === undefined ? {} : { compactAfterUpdates: config.compactAfterUpdates }),
    limits: { ...defaultSessionLimits, messagesPerSecond: config.maxMessagesPerSecond },
    ...(config.beatIntervalMs === undefined ? {} : { beatIntervalMs: config.beatIntervalMs }),
    mux: {
      maxChannels: config.maxChannels ?? defaultMuxLimits.maxChannels,
      packFrames: config.muxPackFrames ?? true,
    },
  });
  await hub.followOtherInstances();
  const app = createApp({
    store,
    accounts,
    auth,
    hub,
    logger,
    webRoot: config.webRoot,
    blobs,
    ...(config.maxAttachmentBytes === undefined ? {} : { maxAttachmentBytes: config.maxAttachmentBytes }),
    ...(throttle === undefined ? {} : { throttle }),
  });
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
    accounts,
    auth,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await hub.shutdown();
        wss.close();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await stopped;
        await store.close();
        if (db?.isOpen) db.close();
        await fanout?.close();
        await throttle?.close();
      })();
      return closing;
    },
  };
}

/** The demo town: case files and one account of each role, only into an empty store (SPEC D-DEMO-1). */
async function seedDemoData(
  store: DocStore,
  accounts: AccountStore,
  password: string,
  logger: Logger,
): Promise<void> {
  const now = Date.now();
  const cases = await seedDemo(store, now);
  if (cases > 0) logger.info('demo data written', { docs: cases });
  const people = await seedDemoAccounts(accounts, password, now);
  if (people > 0) {
    // a plain warning, not a log field: whoever starts the server must see it
    logger.warn('demo accounts created: demo only, never for real cases', { accounts: people });
  }
}

/**
 * Documents, accounts, sessions and attachments: in PostgreSQL when one is configured, so every instance shares them (SPEC
 * S-SCALE-1, A-ACCT-4); else in SQLite in the data folder, whose database is returned to be closed last.
 */
async function openStores(
  config: ServerConfig,
): Promise<{ store: DocStore; accounts: AccountStore; blobs: BlobStore; db: DatabaseSync | null }> {
  if (config.databaseUrl) {
    const pool = await connectPostgres({
      connectionString: config.databaseUrl,
      ...(config.databaseSchema === undefined ? {} : { schema: config.databaseSchema }),
    });
    // the document store ends the pool when it closes
    return {
      store: new PostgresDocStore(pool),
      accounts: new PostgresAccountStore(pool),
      blobs: new PostgresBlobStore(pool),
      db: null,
    };
  }
  const db = openSqliteDatabase(config.dataDir);
  return {
    store: new SqliteDocStore(db),
    accounts: new SqliteAccountStore(db),
    blobs: new SqliteBlobStore(db, config.dataDir),
    db,
  };
}
