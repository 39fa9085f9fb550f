import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loginResponseSchema } from '../../shared/src/auth/user.ts';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { closedWith, stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { api, serverPool, type TestServer } from '../helpers/test-server.ts';

/** The PostgreSQL and Redis every machine runs; `.ci/run` starts them if they are down. */
const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const servers = serverPool();
const clients: StockClient[] = [];
const schemas: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    for (const schema of schemas.splice(0)) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
});

/** Two instances on one PostgreSQL schema and one Redis, as behind a load balancer. */
async function twoInstances(): Promise<[TestServer, TestServer]> {
  const schema = `concord_test_${randomUUID().replaceAll('-', '')}`;
  schemas.push(schema);
  const shared = { databaseUrl, databaseSchema: schema, redisUrl };
  return [await servers.start(shared), await servers.start(shared)];
}

function client(server: TestServer, name: string, token?: string): StockClient {
  const c = stockClient(server.syncUrl, name, token === undefined ? {} : { token });
  clients.push(c);
  return c;
}

describe('more than one server instance', () => {
  it('A-ACCT-4: a person signed in through one instance is signed in on the other, and signing out ends it on both', async () => {
    const [one, two] = await twoInstances();
    const { username, password } = await one.createAccount('judicialOffice');
    const login = await fetch(`${two.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(login.status).toBe(200);
    const { token } = loginResponseSchema.parse(await login.json());
    const signedIn = { headers: { authorization: `Bearer ${token}` } };
    expect((await fetch(`${one.url}/api/auth/me`, signedIn)).status).toBe(200);

    const logout = await fetch(`${one.url}/api/auth/logout`, { method: 'POST', ...signedIn });
    expect(logout.ok).toBe(true);
    expect((await fetch(`${two.url}/api/auth/me`, signedIn)).status).toBe(401);
  });

  it('A-AUTH-6: failed sign-ins through one instance count on the other', async () => {
    const [one, two] = await twoInstances();
    const { username, password } = await one.createAccount('judicialOffice');
    const login = (server: TestServer, attempt: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: attempt }),
      });
    for (let i = 0; i < 10; i++) expect((await login(one, `wrong-${i}`)).status).toBe(401);
    const refused = await login(two, password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('A-REVOKE-3: disabling a person through one instance closes their sockets on the other, as does signing out', async () => {
    const [one, two] = await twoInstances();
    const disabled = await one.createAccount('judicialOffice');
    const leaving = await one.createAccount('judicialOffice');
    const sessions = await Promise.all(
      [disabled, leaving].map(async ({ username, password }) => {
        const login = await two.auth.login(username, password);
        if (!login) throw new Error(`no login for ${username}`);
        return login;
      }),
    );
    const [first, second] = sessions.map((login) => client(two, 'case:revoked', login.token));
    if (!first || !second || !sessions[0] || !sessions[1]) throw new Error('two clients expected');
    await Promise.all([synced(first), synced(second)]);

    const firstClosed = closedWith(first);
    const changed = await api(one, one.token, `/api/admin/accounts/${sessions[0].user.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ disabled: true }),
    });
    expect(changed.status).toBe(200);
    expect(await firstClosed).toBe(closeCode.unauthorized);

    const secondClosed = closedWith(second);
    const logout = await api(one, sessions[1].token, '/api/auth/logout', { method: 'POST' });
    expect(logout.ok).toBe(true);
    expect(await secondClosed).toBe(closeCode.unauthorized);
  });

  it('S-SCALE-1: clients on two instances edit one case and see each other live', async () => {
    const [one, two] = await twoInstances();
    const a = client(one, 'case:shared');
    const b = client(two, 'case:shared');
    await Promise.all([synced(a), synced(b)]);

    a.doc.getText('notes').insert(0, '司法所:');
    await until(b.doc, () => b.doc.getText('notes').toString() === '司法所:');
    b.doc.getText('notes').insert(b.doc.getText('notes').length, '已联系双方。');
    await until(a.doc, () => a.doc.getText('notes').toString() === '司法所:已联系双方。');
  });

  it('S-SCALE-1, S-STORE-7: what both instances saved is in PostgreSQL once, and a newcomer on either sees it', async () => {
    const [one, two] = await twoInstances();
    const a = client(one, 'case:kept');
    const b = client(two, 'case:kept');
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('case').set('village', 'hongyan');
    b.doc.getText('title').insert(0, '宅基地纠纷');
    await until(a.doc, () => a.doc.getText('title').toString() === '宅基地纠纷');
    await until(b.doc, () => b.doc.getMap('case').get('village') === 'hongyan');

    const stored = await one.store.load('case:kept' as DocName);
    // each update once: replayed, the rows give exactly the clients' state
    const replay = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(replay, update);
    expect(Y.encodeStateVector(replay)).toEqual(Y.encodeStateVector(a.doc));
    // each edit once, and beside each the binding of its new client id to the account (SPEC A-BIND-1)
    expect(stored.updates.length).toBeLessThanOrEqual(4);

    const late = client(two, 'case:kept');
    await synced(late);
    expect(late.doc.getText('title').toString()).toBe('宅基地纠纷');
    expect(late.doc.getMap('case').get('village')).toBe('hongyan');
  });

  it('S-SCALE-2: who is on a case shows across instances, and goes when they leave', async () => {
    const [one, two] = await twoInstances();
    const here = client(one, 'meeting:presence');
    const there = client(two, 'meeting:presence');
    await Promise.all([synced(here), synced(there)]);
    const hereId = here.doc.clientID;
    const seen = (present: boolean) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (there.provider.awareness.getStates().has(hereId) !== present) return;
          there.provider.awareness.off('change', check);
          resolve();
        };
        there.provider.awareness.on('change', check);
        check();
      });
    const arrived = seen(true);
    here.provider.awareness.setLocalStateField('user', { name: '派出所' });
    await arrived;
    const left = seen(false);
    here.provider.disconnect();
    await left;
  });
});
