import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, newCaseId } from '@concord/shared/cases/case-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { serverPool } from '../helpers/test-server.ts';
import { messageType } from '../../shared/src/sync/message-types.ts';
import { rawSocket } from '../helpers/raw-socket.ts';
import { converged, stockClient, synced, until, type StockClient } from '../helpers/clients.ts';

const servers = serverPool();
const clients: StockClient[] = [];
const client = (...args: Parameters<typeof stockClient>) => {
  const c = stockClient(...args);
  clients.push(c);
  return c;
};

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
});

describe('sync between stock y-websocket clients', () => {
  it('S-SYNC-1: a client is greeted with the server’s state vector, then with who is already here', async () => {
    const server = await servers.start();
    const present = client(server.syncUrl, 'meeting:greeting');
    await synced(present);
    present.provider.awareness.setLocalStateField('user', { name: '综治中心' });
    const socket = rawSocket(`${server.syncUrl}/meeting:greeting`);
    const awareness = await socket.frameWhere((f) => f[0] === messageType.awareness);
    const first = socket.frames[0];
    // sync step 1 (message 0, step 0) comes first, before any presence
    expect([first?.[0], first?.[1]]).toEqual([messageType.sync, 0]);
    expect(socket.frames.indexOf(awareness)).toBeGreaterThan(0);
    socket.ws.close();
  });

  it('S-SYNC-2: an edit by one client reaches the other', async () => {
    const server = await servers.start();
    const a = client(server.syncUrl, 'case:relay');
    const b = client(server.syncUrl, 'case:relay');
    await Promise.all([synced(a), synced(b)]);

    a.doc.getText('notes').insert(0, '双方同意由村调委会调解');
    await until(b.doc, () => b.doc.getText('notes').toString() === '双方同意由村调委会调解');
  });

  it('S-SYNC-3, C-REG-2: concurrent edits to one case converge on both clients', async () => {
    const server = await servers.start();
    const a = client(server.syncUrl, 'case:converge');
    const b = client(server.syncUrl, 'case:converge');
    await Promise.all([synced(a), synced(b)]);

    const caseA = new CaseFile(a.doc);
    caseA.create({
      id: newCaseId(),
      title: '宅基地纠纷',
      village: 'jiangting' as VillageId,
      disputeType: 'neighbours',
      createdAt: 0,
    });
    await until(b.doc, () => new CaseFile(b.doc).exists);
    const caseB = new CaseFile(b.doc);
    caseA.setTitle('张某宅基地纠纷');
    caseB.setTitle('宅基地滴水纠纷');
    caseA.notes.insert(0, 'A写的');
    caseB.notes.insert(0, 'B写的');

    await until(a.doc, () => caseA.notes.length === 6 && caseA.conflicts.length > 0);
    await until(b.doc, () => caseB.notes.length === 6 && caseB.conflicts.length > 0);
    await converged(a.doc, b.doc);
    // the titles are a register: one shown on both, the other flagged beside it, never glued (SPEC C-REG-2)
    expect(caseA.title).toBe(caseB.title);
    expect(['张某宅基地纠纷', '宅基地滴水纠纷']).toContain(caseA.title);
    expect(caseA.conflicts).toEqual(['title']);
    expect(caseB.register('title')).toEqual(caseA.register('title'));
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('S-STORE-2: a document survives a server restart exactly', async () => {
    let server = await servers.start();
    const writer = client(server.syncUrl, 'case:durable');
    await synced(writer);
    writer.doc.getText('notes').insert(0, '第一次劝调未果');
    writer.doc.getMap('case').set('village', 'hongyan');
    // a second client proves the server relayed it, which it does only after storing it
    const witness = client(server.syncUrl, 'case:durable');
    await until(witness.doc, () => witness.doc.getText('notes').length > 0);
    writer.destroy();
    witness.destroy();

    server = await servers.restart(server);
    const reader = client(server.syncUrl, 'case:durable');
    await synced(reader);
    expect(reader.doc.getText('notes').toString()).toBe('第一次劝调未果');
    expect(reader.doc.getMap('case').get('village')).toBe('hongyan');
  });

  it('S-SYNC-4: a client that was offline sends its edits when it reconnects', async () => {
    const server = await servers.start();
    const online = client(server.syncUrl, 'case:offline');
    await synced(online);
    const offline = client(server.syncUrl, 'case:offline', { connect: false });
    offline.doc.getText('notes').insert(0, '山上没信号时记录');
    online.doc.getText('notes').insert(0, '镇里: ');

    offline.provider.connect();
    await until(online.doc, () => online.doc.getText('notes').toString().includes('山上没信号时记录'));
    await until(offline.doc, () => offline.doc.getText('notes').toString().includes('镇里'));
    expect(offline.doc.getText('notes').toString()).toBe(online.doc.getText('notes').toString());
  });

  it('S-AWARE-1, S-AWARE-2, S-AWARE-4: presence is relayed in the name of the signed-in account, and removed when the client leaves', async () => {
    const server = await servers.start();
    const a = client(server.syncUrl, 'meeting:presence');
    const b = client(server.syncUrl, 'meeting:presence');
    await Promise.all([synced(a), synced(b)]);
    const aId = a.doc.clientID;

    const seen = new Promise<void>((resolve) => {
      const check = () => {
        const state = b.provider.awareness.getStates().get(aId);
        if (state?.['field'] === 'notes') {
          // the server names who is signed in, whatever the client claims; the client keeps its colour
          expect(state['user']).toEqual({
            id: expect.stringMatching(/^test-\d+$/) as unknown,
            name: expect.stringMatching(/^Tester \d+$/) as unknown,
            role: 'admin',
            color: '#aa3300',
          });
          b.provider.awareness.off('change', check);
          resolve();
        }
      };
      b.provider.awareness.on('change', check);
    });
    a.provider.awareness.setLocalState({ user: { name: '司法所', color: '#aa3300' }, field: 'notes' });
    await seen;

    const gone = new Promise<void>((resolve) => {
      const check = () => {
        if (b.provider.awareness.getStates().has(aId)) return;
        b.provider.awareness.off('change', check);
        resolve();
      };
      b.provider.awareness.on('change', check);
    });
    a.provider.disconnect();
    await gone;
  });
});
