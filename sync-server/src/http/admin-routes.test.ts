import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountListSchema, accountRowSchema, type AccountRow } from '@concord/shared/auth/admin.ts';
import { publicUserSchema, type AccountId, type Role } from '@concord/shared/auth/user.ts';
import { errorBodySchema } from '@concord/shared/http/errors.ts';
import { AuthService, hashToken } from '../auth/auth-service.ts';
import { memoryLogger } from '../logger.ts';
import { SqliteAccountStore } from '../storage/sqlite-account-store.ts';
import { openSqliteDatabase } from '../storage/sqlite-database.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { SyncHub } from '../sync/sync-hub.ts';
import { SqliteBlobStore } from '../attachments/sqlite-blob-store.ts';
import { createApp } from './app.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Person {
  role: Role;
  village: string | null;
  grid: string | null;
}

const people = {
  admin: { role: 'admin', village: null, grid: null },
  walker: { role: 'gridWorker', village: 'jiangting', grid: 'jiangting-1' },
  cadre: { role: 'villageCadre', village: 'jiangting', grid: null },
} satisfies Record<string, Person>;
type Who = keyof typeof people;

const idOf = (who: Who) => `acct-${who}` as AccountId;
const tokenOf = (who: Who) => `admin-routes-token-${who}`;

/** The app on an in-memory database, with one signed-in account per person above. */
async function setup() {
  const db = openSqliteDatabase(':memory:');
  const store = new SqliteDocStore(db);
  const accounts = new SqliteAccountStore(db);
  for (const [who, person] of Object.entries(people) as [Who, Person][]) {
    await accounts.create([
      {
        id: idOf(who),
        username: who,
        displayName: who,
        ...person,
        agency: null,
        passwordHash: 'not-used',
        disabled: false,
        createdAt: 0,
      },
    ]);
    await accounts.addSession({
      tokenHash: hashToken(tokenOf(who)),
      accountId: idOf(who),
      createdAt: 0,
      expiresAt: Date.now() + 60_000,
    });
  }
  const logger = memoryLogger();
  const hub = new SyncHub({ store, logger });
  // no attachment is stored here: the blob store's folder is never written
  const blobs = new SqliteBlobStore(db, 'unused');
  const app = createApp({
    store,
    accounts,
    auth: new AuthService({ accounts }),
    hub,
    logger,
    webRoot: null,
    blobs,
  });
  cleanups.push(async () => {
    await hub.shutdown();
    await store.close();
  });

  const call = (who: Who, path: string, init: { method?: string; body?: unknown } = {}) =>
    app.request(path, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${tokenOf(who)}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  const change = (who: Who, body: unknown) =>
    call('admin', `/api/admin/accounts/${idOf(who)}`, { method: 'PATCH', body });
  const accountOf = async (who: Who): Promise<AccountRow | undefined> => {
    const response = await call('admin', '/api/admin/accounts');
    expect(response.status).toBe(200);
    return accountListSchema.parse(await response.json()).accounts.find((a) => a.id === idOf(who));
  };
  return { call, change, accountOf };
}

const answered = z.object({ account: accountRowSchema });

/** A 400 in the one error shape, whose message names the grid. */
async function refusedForTheGrid(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  const body = errorBodySchema.parse(await response.json());
  expect(body.error.code).toBe('bad_request');
  expect(body.error.message).toMatch(/grid/);
}

describe('/api/admin/accounts and grids', () => {
  it('A-ACCT-3: an administrator gives a grid worker another grid of their village; the list and /me say so', async () => {
    const { call, change, accountOf } = await setup();
    expect((await accountOf('walker'))?.grid).toBe('jiangting-1');
    const response = await change('walker', { grid: 'jiangting-3' });
    expect(response.status).toBe(200);
    expect(answered.parse(await response.json()).account.grid).toBe('jiangting-3');
    expect((await accountOf('walker'))?.grid).toBe('jiangting-3');

    const me = await call('walker', '/api/auth/me');
    expect(me.status).toBe(200);
    const { user } = z.object({ user: publicUserSchema }).parse(await me.json());
    expect(user).toMatchObject({ role: 'gridWorker', village: 'jiangting', grid: 'jiangting-3' });

    // and takes it away again
    expect((await change('walker', { grid: null })).status).toBe(200);
    expect((await accountOf('walker'))?.grid).toBeNull();
  });

  it('A-ACCT-3: a grid of another village, or an unknown one, is refused and changes nothing', async () => {
    const { change, accountOf } = await setup();
    const before = await accountOf('walker');
    await refusedForTheGrid(await change('walker', { grid: 'hongyan-2' }));
    await refusedForTheGrid(await change('walker', { grid: 'jiangting-9' }));
    // a grid with a move, where the grid is of the old village: the move is refused with it
    await refusedForTheGrid(await change('walker', { village: 'pingzhai', grid: 'jiangting-2' }));
    expect(await accountOf('walker')).toEqual(before);
  });

  it('A-ACCT-3: a grid on anyone but a grid worker is refused, on a change and on a new account', async () => {
    const { call, change, accountOf } = await setup();
    const before = await accountOf('cadre');
    await refusedForTheGrid(await change('cadre', { grid: 'jiangting-1' }));
    expect(await accountOf('cadre')).toEqual(before);
    // a grid worker made a cadre while keeping the grid named
    await refusedForTheGrid(await change('walker', { role: 'villageCadre', grid: 'jiangting-1' }));
    expect((await accountOf('walker'))?.role).toBe('gridWorker');

    const add = (body: Record<string, unknown>) =>
      call('admin', '/api/admin/accounts', {
        method: 'POST',
        body: { displayName: '新人', agency: null, password: 'field-work-2026', ...body },
      });
    await refusedForTheGrid(
      await add({ username: 'cadre9', role: 'villageCadre', village: 'hongyan', grid: 'hongyan-1' }),
    );
    const created = await add({
      username: 'grid9',
      role: 'gridWorker',
      village: 'hongyan',
      grid: 'hongyan-1',
    });
    expect(created.status).toBe(201);
    expect(answered.parse(await created.json()).account).toMatchObject({
      username: 'grid9',
      grid: 'hongyan-1',
    });
    // a client that sends no grid adds an account without one
    const plain = await add({ username: 'grid10', role: 'gridWorker', village: 'hongyan' });
    expect(answered.parse(await plain.json()).account.grid).toBeNull();
    const listed = await call('admin', '/api/admin/accounts');
    const names = accountListSchema.parse(await listed.json()).accounts.map((a) => a.username);
    expect(names).not.toContain('cadre9');
  });

  it('A-ACCT-3: moving a grid worker to another village, or giving them another role, leaves them no grid', async () => {
    const { change, accountOf } = await setup();
    expect((await change('walker', { displayName: '杨梅' })).status).toBe(200);
    expect((await accountOf('walker'))?.grid).toBe('jiangting-1');

    expect((await change('walker', { village: 'hongyan' })).status).toBe(200);
    expect(await accountOf('walker')).toMatchObject({ village: 'hongyan', grid: null });

    expect((await change('walker', { grid: 'hongyan-2' })).status).toBe(200);
    expect((await change('walker', { role: 'villageCadre' })).status).toBe(200);
    expect(await accountOf('walker')).toMatchObject({ role: 'villageCadre', grid: null });
  });

  it('A-ACCT-1: only administrators set grids', async () => {
    const { call } = await setup();
    const response = await call('walker', `/api/admin/accounts/${idOf('walker')}`, {
      method: 'PATCH',
      body: { grid: 'jiangting-2' },
    });
    expect(response.status).toBe(403);
  });
});
