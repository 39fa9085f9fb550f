import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { AccountId, Role } from '@concord/shared/auth/user.ts';
import type { Account } from '../auth/account-store.ts';
import { AuthService, hashToken } from '../auth/auth-service.ts';
import type { DocStore } from '../storage/doc-store.ts';
import { memoryLogger } from '../logger.ts';
import { SqliteAccountStore } from '../storage/sqlite-account-store.ts';
import { openSqliteDatabase } from '../storage/sqlite-database.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { SyncHub } from '../sync/sync-hub.ts';
import { SqliteBlobStore } from '../attachments/sqlite-blob-store.ts';
import { createApp } from './app.ts';

/** An account of a route test: what the test cares about, the rest made up. */
export type TestAccount = { id: string; role: Role } & Partial<Omit<Account, 'id' | 'role'>>;

/** The bearer token each test account is signed in with. */
export const tokenOf = (id: string) => `token-${id}`;

/**
 * The app on an in-memory database (API only unless given a web app; the store wrapped when a test spies on it),
 * with the accounts given, each signed in with {@link tokenOf} its id. Call once at the top of a test file: what
 * each test opens is closed after it.
 */
export function appsInMemory() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (
    people: readonly TestAccount[],
    options: {
      webRoot?: string | null;
      wrapStore?: (store: DocStore) => DocStore;
      maxAttachmentBytes?: number;
    } = {},
  ) => {
    const db = openSqliteDatabase(':memory:');
    // attachments are files even when the database is in memory
    const blobDir = await mkdtemp(join(tmpdir(), 'concord-app-blobs-'));
    const docs = new SqliteDocStore(db);
    const store = options.wrapStore ? options.wrapStore(docs) : docs;
    const accounts = new SqliteAccountStore(db);
    await accounts.create(
      people.map((person) => ({
        username: `user-${person.id}`,
        displayName: person.id,
        village: null,
        agency: null,
        grid: null,
        passwordHash: 'not-used',
        disabled: false,
        createdAt: 0,
        ...person,
        id: person.id as AccountId,
      })),
    );
    for (const person of people) {
      await accounts.addSession({
        tokenHash: hashToken(tokenOf(person.id)),
        accountId: person.id as AccountId,
        createdAt: 0,
        expiresAt: Date.now() + 60_000,
      });
    }
    const logger = memoryLogger();
    const hub = new SyncHub({ store, logger });
    const app = createApp({
      store,
      accounts,
      auth: new AuthService({ accounts }),
      hub,
      logger,
      webRoot: options.webRoot ?? null,
      blobs: new SqliteBlobStore(db, blobDir),
      ...(options.maxAttachmentBytes === undefined ? {} : { maxAttachmentBytes: options.maxAttachmentBytes }),
    });
    cleanups.push(async () => {
      await hub.shutdown();
      await store.close();
      await rm(blobDir, { recursive: true, force: true });
    });
    return { app, store, accounts, db, logger };
  };
}
