import { afterEach, describe, expect, it } from 'vitest';
import type { AccountId, Role } from '@concord/shared/auth/user.ts';
import { staffResponseSchema } from '@concord/shared/people/staff.ts';
import { AuthService, hashToken } from '../auth/auth-service.ts';
import { memoryLogger } from '../logger.ts';
import { SqliteAccountStore } from '../storage/sqlite-account-store.ts';
import { openSqliteDatabase } from '../storage/sqlite-database.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { SyncHub } from '../sync/sync-hub.ts';
import { createApp } from './app.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The app on an in-memory database with three accounts; the grid worker is signed in as `token-grid`. */
async function setup() {
  const db = openSqliteDatabase(':memory:');
  const store = new SqliteDocStore(db);
  const accounts = new SqliteAccountStore(db);
  const account = (
    id: string,
    displayName: string,
    role: Role,
    place: { village?: string; agency?: string },
  ) => ({
    id: id as AccountId,
    username: `user-${id}`,
    displayName,
    role,
    village: place.village ?? null,
    agency: place.agency ?? null,
    passwordHash: 'secret-hash',
    disabled: false,
    createdAt: 0,
  });
  await accounts.create([
    account('acct-grid', '网格员 张', 'gridWorker', { village: 'jiangting' }),
    account('acct-dept', '自然资源所 何', 'department', { agency: 'naturalResources' }),
    { ...account('acct-gone', '已调离 李', 'policePost', {}), disabled: true },
  ]);
  await accounts.addSession({
    tokenHash: hashToken('token-grid'),
    accountId: 'acct-grid' as AccountId,
    createdAt: 0,
    expiresAt: Date.now() + 60_000,
  });
  const logger = memoryLogger();
  const hub = new SyncHub({ store, logger });
  const app = createApp({ store, accounts, auth: new AuthService({ accounts }), hub, logger, webRoot: null });
  cleanups.push(async () => {
    await hub.shutdown();
    await store.close();
  });
  return app;
}

describe('GET /api/people', () => {
  it('A-DIR-1: any signed-in person gets every account’s name, role and place, and whether it is active', async () => {
    const app = await setup();
    const response = await app.request('/api/people', { headers: { authorization: 'Bearer token-grid' } });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    const people = staffResponseSchema.parse(body).people.sort((a, b) => a.id.localeCompare(b.id));
    expect(people).toEqual([
      {
        id: 'acct-dept',
        displayName: '自然资源所 何',
        role: 'department',
        village: null,
        agency: 'naturalResources',
        active: true,
      },
      {
        id: 'acct-gone',
        displayName: '已调离 李',
        role: 'policePost',
        village: null,
        agency: null,
        active: false,
      },
      {
        id: 'acct-grid',
        displayName: '网格员 张',
        role: 'gridWorker',
        village: 'jiangting',
        agency: null,
        active: true,
      },
    ]);
    // nothing that signs anyone in
    expect(JSON.stringify(body)).not.toMatch(/user-acct|secret-hash|username|password/);
  });

  it('A-DIR-1: without a sign-in the directory is refused', async () => {
    const app = await setup();
    const response = await app.request('/api/people');
    expect(response.status).toBe(401);
  });
});
