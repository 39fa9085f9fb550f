import { afterEach, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/src/http/errors.ts';
import { loginResponseSchema } from '../../shared/src/auth/user.ts';
import { ledgerResponseSchema, type LedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import { hashToken } from '../../sync-server/src/auth/auth-service.ts';
import { stockClient, synced } from '../helpers/clients.ts';
import { rawSocket } from '../helpers/raw-socket.ts';
import { serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
afterEach(() => servers.disposeAll());

function login(server: TestServer, body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Opens a raw socket with `token` and resolves with how it closed and what it was sent first. */
async function refused(server: TestServer, token: string) {
  const socket = rawSocket(`${server.syncUrl}/case:secret?token=${encodeURIComponent(token)}`);
  const closed = await socket.closed;
  return { code: closed.code, framesBeforeClose: socket.frames.length };
}

describe('signing in', () => {
  it('A-AUTH-1: a demo account signs in with the demo password and gets a token and who it is', async () => {
    const server = await servers.start({ seedDemo: true });
    const response = await login(server, { username: 'judicial1', password: 'demo' });
    expect(response.status).toBe(200);
    const session = loginResponseSchema.parse(await response.json());
    expect(session.user).toMatchObject({ username: 'judicial1', role: 'judicialOffice', village: null });

    const me = await fetch(`${server.url}/api/auth/me`, {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'judicial1' } });
  });

  it('A-AUTH-1: a wrong password and an unknown user get the same 401 answer', async () => {
    const server = await servers.start({ seedDemo: true });
    const wrong = await login(server, { username: 'cadre1', password: 'guess' });
    const unknown = await login(server, { username: 'nobody', password: 'guess' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongBody = errorBodySchema.parse(await wrong.json());
    expect(await unknown.json()).toEqual(wrongBody);
    expect(wrongBody.error.code).toBe('unauthorized');
  });

  it('H-HTTP-2: a login body that is not JSON or lacks fields is refused with 400 and a message', async () => {
    const server = await servers.start({ seedDemo: true });
    const notJson = await fetch(`${server.url}/api/auth/login`, { method: 'POST', body: 'username=admin' });
    expect(notJson.status).toBe(400);
    const missing = await login(server, { username: 'admin' });
    expect(missing.status).toBe(400);
    expect(errorBodySchema.parse(await missing.json()).error.code).toBe('bad_request');
  });

  it('A-AUTH-1: after logout the token opens nothing', async () => {
    const server = await servers.start();
    const token = await server.signIn('judicialOffice');
    const headers = { authorization: `Bearer ${token}` };
    expect((await fetch(`${server.url}/api/docs`, { headers })).status).toBe(200);
    const out = await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers });
    expect(out.status).toBe(200);
    expect((await fetch(`${server.url}/api/docs`, { headers })).status).toBe(401);
    expect(await refused(server, token)).toEqual({ code: closeCode.unauthorized, framesBeforeClose: 0 });
  });

  it('D-DEMO-1, D-DEMO-2: the demo town gives each demo account something to see, and something it may not', async () => {
    const server = await servers.start({ seedDemo: true });
    const tokenOf = async (username: string) =>
      loginResponseSchema.parse(await (await login(server, { username, password: 'demo' })).json()).token;
    const listFor = async (username: string) => {
      const response = await fetch(`${server.url}/api/docs`, {
        headers: { authorization: `Bearer ${await tokenOf(username)}` },
      });
      const { docs } = (await response.json()) as { docs: { name: string; access: string }[] };
      return docs.map((d) => `${d.name} ${d.access}`).sort();
    };
    // the facts of every case, as the whole town's ledger shows them to an administrator
    const ledger = await fetch(`${server.url}/api/ledger`, {
      headers: { authorization: `Bearer ${await tokenOf('admin')}` },
    });
    const { rows } = ledgerResponseSchema.parse(await ledger.json());
    expect(rows.length).toBeGreaterThanOrEqual(190);
    const cases = (keep: (row: LedgerRow) => boolean, access: string) =>
      rows.filter(keep).map((row) => `${row.name} ${access}`);
    const meetings = (access: string, ...ids: string[]) => ids.map((id) => `meeting:${id} ${access}`);

    // village staff: their own village's cases, and the meetings that invite their village
    const cadre = await listFor('cadre1');
    expect(cadre).toEqual(
      [
        ...cases((row) => row.village === 'jiangting', 'write'),
        ...meetings('write', 'demo-jt-deliberation', 'demo-topical', 'demo-weekly'),
      ].sort(),
    );
    expect(cadre).toContain('case:demo-jt-boundary write');
    expect(cadre).toContain('case:demo-jt-wages write');
    expect(cadre.some((row) => /demo-(hy|pz)-/.test(row))).toBe(false);
    // the case leader: only the cases that name them (every county case does)
    const leader = await listFor('leader1');
    expect(leader).toEqual(cases((row) => row.leaders.includes('demo-leader1'), 'write').sort());
    expect(leader).toContain('case:demo-jt-wages write');
    expect(leader.length).toBeLessThan(rows.length / 4);
    // the department: only what is dispatched to it, and the meeting that invites it
    const dept = await listFor('dept1');
    expect(dept).toEqual(
      [
        ...cases((row) => row.departments.includes('naturalResources'), 'write'),
        ...meetings('write', 'demo-topical'),
      ].sort(),
    );
    expect(dept).toContain('case:demo-pz-land write');
    // the supervisor reads everything and writes nothing
    const supervisor = await listFor('supervisor1');
    expect(supervisor).toEqual(
      [
        ...cases(() => true, 'read'),
        ...meetings('read', 'demo-jt-deliberation', 'demo-topical', 'demo-weekly'),
      ].sort(),
    );
  });

  it('D-DEMO-1: with SEED_DEMO=0 there are no demo accounts', async () => {
    const server = await servers.start({ seedDemo: false });
    expect((await login(server, { username: 'admin', password: 'demo' })).status).toBe(401);
  });
});

describe('every socket is signed in', () => {
  it('A-AUTH-2: no token, a forged one or an expired one: closed with 4401 before a byte is sent', async () => {
    const server = await servers.start();
    // something worth stealing in the document
    const writer = stockClient(server.syncUrl, 'case:secret');
    await synced(writer);
    writer.doc.getText('notes').insert(0, '当事人电话 138…');
    writer.destroy();

    const expired = 'an-expired-token-of-forty-characters-or-so';
    const admin = await server.auth.authenticate(server.token);
    if (!admin) throw new Error('the test server admin is not signed in');
    await server.accounts.addSession({
      tokenHash: hashToken(expired),
      accountId: admin.id,
      createdAt: Date.now() - 2000,
      expiresAt: Date.now() - 1000,
    });
    for (const token of ['', 'forged-token-that-was-never-issued', expired]) {
      expect(await refused(server, token), `token ${JSON.stringify(token)}`).toEqual({
        code: closeCode.unauthorized,
        framesBeforeClose: 0,
      });
    }
  });

  it('A-AUTH-2: a stock client with a valid token syncs; without one it stops trying', async () => {
    const server = await servers.start();
    const member = stockClient(server.syncUrl, 'case:open');
    await synced(member);
    const stranger = stockClient(server.syncUrl, 'case:open', { token: null });
    const closed = await new Promise<number>((resolve) => {
      stranger.provider.on('closed', (event) => resolve(event.code));
    });
    expect(closed).toBe(closeCode.unauthorized);
    expect(stranger.provider.shouldConnect).toBe(false);
    member.destroy();
    stranger.destroy();
  });

  it('A-AUTH-2: the token never reaches a log line', async () => {
    const server = await servers.start();
    const client = stockClient(server.syncUrl, 'case:logged');
    await synced(client);
    client.destroy();
    await refused(server, 'forged-token-that-was-never-issued');
    const logged = JSON.stringify(server.logs);
    expect(logged).not.toContain(server.token);
    expect(logged).not.toContain('forged-token');
  });
});
