import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, type CaseId } from '../../shared/src/cases/case-file.ts';
import { docHistoryResponseSchema } from '../../shared/src/docs/listing.ts';
import { summarizeDoc } from '../../shared/src/docs/summary.ts';
import type { VillageId } from '../../shared/src/org/jurisdiction.ts';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import { docName, type DocName } from '../../shared/src/sync/doc-name.ts';
import { extensionType, readAccess } from '../../shared/src/sync/extensions.ts';
import { closedWith, stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { api, serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
});

function client(server: TestServer, name: DocName, token: string): StockClient {
  const c = stockClient(server.syncUrl, name, { token, params: { acks: '1' } });
  clients.push(c);
  return c;
}

async function storeCase(server: TestServer, id: string, village: string): Promise<DocName> {
  const doc = new Y.Doc();
  new CaseFile(doc).create({
    id: id as CaseId,
    title: `case ${id}`,
    village: village as VillageId,
    disputeType: 'land',
    createdAt: 1,
  });
  const name = docName('case', id);
  await server.store.append(
    [{ name, updates: [Y.encodeStateAsUpdate(doc)], summary: summarizeDoc('case', doc) }],
    1,
  );
  return name;
}

/** Resolves with the next access message the client receives. */
function nextAccess(c: StockClient): Promise<'read' | 'write'> {
  return new Promise((resolve) => {
    c.provider.messageHandlers[extensionType.access] = (_encoder, decoder) => resolve(readAccess(decoder));
  });
}

describe('read-only sockets', () => {
  it('A-RIGHT-10: a supervisor’s edits reach neither another client nor the disk, and are answered', async () => {
    const server = await servers.start();
    const name = await storeCase(server, 'ro', 'jiangting');
    const writer = client(server, name, await server.signIn('judicialOffice'));
    const supervisor = client(server, name, await server.signIn('supervisor'));
    const firstAccess = nextAccess(supervisor);
    await Promise.all([synced(writer), synced(supervisor)]);
    expect(await firstAccess).toBe('read');

    const refused = nextAccess(supervisor);
    supervisor.doc.getText('notes').insert(0, '督查意见:不应出现');
    expect(await refused).toBe('read');
    // a later edit by the writer arrives, and nothing of the supervisor's came before it
    writer.doc.getText('notes').insert(0, '司法所记录');
    await until(supervisor.doc, () => supervisor.doc.getText('notes').toString().includes('司法所记录'));
    expect(writer.doc.getText('notes').toString()).toBe('司法所记录');
    const stored = new Y.Doc();
    for (const update of (await server.store.load(name)).updates) Y.applyUpdate(stored, update);
    expect(stored.getText('notes').toString()).toBe('司法所记录');
  });
});

describe('revocation while connected', () => {
  it('A-REVOKE-1: a disabled account’s sockets close with 4401', async () => {
    const server = await servers.start();
    const name = await storeCase(server, 'dis', 'jiangting');
    const person = await server.createAccount('villageCadre', 'jiangting');
    const login = await server.auth.login(person.username, person.password);
    if (!login) throw new Error('no login');
    const cadre = client(server, name, login.token);
    await synced(cadre);
    const closed = closedWith(cadre);
    const response = await api(server, server.token, `/api/admin/accounts/${login.user.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ disabled: true }),
    });
    expect(response.status).toBe(200);
    expect(await closed).toBe(closeCode.unauthorized);
    expect(await server.auth.authenticate(login.token)).toBeNull();
  });

  it('A-REVOKE-1: moving a cadre to another village closes their sockets on the old village’s cases', async () => {
    const server = await servers.start();
    const name = await storeCase(server, 'moved', 'jiangting');
    const person = await server.createAccount('villageCadre', 'jiangting');
    const login = await server.auth.login(person.username, person.password);
    if (!login) throw new Error('no login');
    const cadre = client(server, name, login.token);
    await synced(cadre);
    const closed = closedWith(cadre);
    await api(server, server.token, `/api/admin/accounts/${login.user.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ village: 'hongyan' }),
    });
    expect(await closed).toBe(closeCode.forbidden);
  });

  it('A-RIGHT-9: when a case moves to another village, the old village’s sockets close with 4403', async () => {
    const server = await servers.start();
    const name = await storeCase(server, 'move-case', 'jiangting');
    const judicial = client(server, name, await server.signIn('judicialOffice'));
    const cadre = client(server, name, await server.signIn('villageCadre', 'jiangting'));
    await Promise.all([synced(judicial), synced(cadre)]);
    const closed = closedWith(cadre);
    new CaseFile(judicial.doc).setVillage('hongyan' as VillageId);
    expect(await closed).toBe(closeCode.forbidden);
    expect(judicial.provider.wsconnected).toBe(true);
  });

  it('A-AUTH-5: a new password ends the other sign-ins, and their sockets close with 4401', async () => {
    const server = await servers.start();
    const name = await storeCase(server, 'pw', 'jiangting');
    const person = await server.createAccount('policePost');
    const phone = await server.auth.login(person.username, person.password);
    const desk = await server.auth.login(person.username, person.password);
    if (!phone || !desk) throw new Error('no login');
    const onPhone = client(server, name, phone.token);
    await synced(onPhone);
    const closed = closedWith(onPhone);

    const wrong = await api(server, desk.token, '/api/auth/password', {
      method: 'POST',
      body: JSON.stringify({ current: 'not it', next: 'a-new-long-password' }),
    });
    expect(wrong.status).toBe(403);
    const right = await api(server, desk.token, '/api/auth/password', {
      method: 'POST',
      body: JSON.stringify({ current: person.password, next: 'a-new-long-password' }),
    });
    expect(right.status).toBe(200);
    expect(await closed).toBe(closeCode.unauthorized);
    expect(await server.auth.authenticate(desk.token)).not.toBeNull();
    expect(await server.auth.login(person.username, 'a-new-long-password')).not.toBeNull();
  });
});

describe('sign-in throttling', () => {
  it('A-AUTH-4: after 10 failures in a minute the account gets 429 with Retry-After, even with the right password', async () => {
    const server = await servers.start();
    const person = await server.createAccount('gridWorker', 'pingzhai');
    const attempt = (password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: person.username, password }),
      });
    for (let i = 0; i < 10; i++) expect((await attempt(`guess ${i}`)).status).toBe(401);
    const refused = await attempt(person.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });
});

describe('attribution', () => {
  it('A-ATTR-1: the history says who changed which field, from the sign-in, not from anything the client says', async () => {
    const server = await servers.start();
    const name = await storeCase(server, 'attr', 'jiangting');
    const policeAccount = await server.createAccount('policePost');
    const police = await server.auth.login(policeAccount.username, policeAccount.password);
    if (!police) throw new Error('no login');
    const a = client(server, name, police.token);
    const b = client(server, name, await server.signIn('villageCadre', 'jiangting'));
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('notes').insert(0, '民警到场');
    await until(b.doc, () => b.doc.getText('notes').toString() === '民警到场');
    new CaseFile(b.doc).setDisputeType('neighbours');
    await until(a.doc, () => new CaseFile(a.doc).summary().disputeType === 'neighbours');

    const response = await api(server, server.token, `/api/docs/${name}/history`);
    const { history } = docHistoryResponseSchema.parse(await response.json());
    expect(history.map((h) => [h.author.role, h.fields])).toEqual([
      ['villageCadre', ['case.disputeType']],
      ['policePost', ['notes']],
    ]);
    expect(history[1]?.author.displayName).toBe(police.user.displayName);

    const outsider = await server.signIn('villageCadre', 'hongyan');
    expect((await api(server, outsider, `/api/docs/${name}/history`)).status).toBe(404);
    expect((await api(server, outsider, `/api/docs/case:nothing-here/history`)).status).toBe(404);
  });
});

describe('the admin API', () => {
  it('A-ACCT-1, A-ACCT-2: admins add and change accounts; others get 403; bad placements and taken names are refused', async () => {
    const server = await servers.start();
    const add = (token: string, body: unknown) =>
      api(server, token, '/api/admin/accounts', { method: 'POST', body: JSON.stringify(body) });
    const grid = {
      username: 'grid7',
      displayName: '网格员 七',
      role: 'gridWorker',
      village: 'pingzhai',
      agency: null,
      password: 'field-work-2026',
    };
    expect((await add(await server.signIn('judicialOffice'), grid)).status).toBe(403);
    expect((await add(server.token, { ...grid, village: null })).status).toBe(400);
    expect((await add(server.token, { ...grid, password: 'short' })).status).toBe(400);
    const created = await add(server.token, grid);
    expect(created.status).toBe(201);
    expect((await add(server.token, grid)).status).toBe(409);
    expect(await server.auth.login('grid7', 'field-work-2026')).not.toBeNull();

    const list = await api(server, server.token, '/api/admin/accounts');
    const { accounts } = (await list.json()) as { accounts: { username: string; village: string | null }[] };
    expect(accounts.find((a) => a.username === 'grid7')?.village).toBe('pingzhai');

    const admin = await server.auth.authenticate(server.token);
    if (!admin) throw new Error('no admin');
    const selfDisable = await api(server, server.token, `/api/admin/accounts/${admin.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ disabled: true }),
    });
    expect(selfDisable.status).toBe(400);
  });
});
