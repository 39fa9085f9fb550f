import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RefusedChange } from '../../shared/src/access/guard-refusals.ts';
import { CaseFile } from '../../shared/src/cases/case-file.ts';
import { CaseTimeline } from '../../shared/src/cases/workflow/timeline.ts';
import { docHistoryResponseSchema } from '../../shared/src/docs/listing.ts';
import type { VillageId } from '../../shared/src/org/jurisdiction.ts';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { extensionType, readRefused } from '../../shared/src/sync/extensions.ts';
import { messageType } from '../../shared/src/sync/message-types.ts';
import { encodeAwareness, encodeUpdate } from '../../sync-server/src/sync/frames.ts';
import {
  closedWith,
  savedOnServer,
  stockClient,
  synced,
  until,
  type StockClient,
} from '../helpers/clients.ts';
import { api, serverPool, type TestServer } from '../helpers/test-server.ts';
import { storeCase } from '../helpers/stored-case.ts';

const servers = serverPool();
const clients: StockClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
});

function client(server: TestServer, name: DocName, token: string, connect = true): StockClient {
  const c = stockClient(server.syncUrl, name, { token, params: { acks: '1' }, connect });
  clients.push(c);
  return c;
}

/** Resolves with the next `refused` message (102) the client hears. */
function nextRefusal(c: StockClient): Promise<RefusedChange[]> {
  return new Promise((resolve) => {
    c.provider.messageHandlers[extensionType.refused] = (_encoder, decoder) => {
      const refused = readRefused(decoder);
      if (refused) resolve(refused);
    };
  });
}

/** A case of `village` on the server's record, with notes the tests then edit around. */
const recordCase = (server: TestServer, id: string, village: string) =>
  storeCase(server, { id, title: `案件 ${id}`, village, disputeType: 'land', notes: '原有记录' });

describe('the server has the last word', () => {
  it('A-GUARD-1, A-GUARD-2: a cadre’s move of their case to another village is undone for every client and on disk, the rest stands, and they are told why', async () => {
    let server = await servers.start();
    const name = await recordCase(server, 'guard-move', 'jiangting');
    const cadre = await server.signInAccount('villageCadre', 'jiangting');
    const mover = client(server, name, cadre.token);
    const watcher = client(server, name, await server.signIn('judicialOffice'));
    await Promise.all([synced(mover), synced(watcher)]);
    const told = nextRefusal(mover);

    mover.doc.transact(() => {
      new CaseFile(mover.doc).setVillage('hongyan' as VillageId, cadre.id);
      mover.doc.getText('notes').insert(0, '村委会: ');
    });
    const saved = savedOnServer(mover);

    expect(await told).toEqual([
      { reason: 'guard_place', field: 'case.village' },
      { reason: 'guard_place', field: 'fieldLog' },
    ]);
    await until(watcher.doc, () => watcher.doc.getText('notes').toString() === '村委会: 原有记录');
    for (const c of [mover, watcher]) {
      await until(c.doc, () => new CaseFile(c.doc).summary().village === 'jiangting');
      expect(new CaseFile(c.doc).fieldHistory('village').map((h) => h.value)).toEqual(['jiangting']);
    }
    await saved;
    const history = docHistoryResponseSchema.parse(
      await (await api(server, server.token, `/api/docs/${name}/history`)).json(),
    ).history;
    expect(
      history.some(
        (row) => row.author.id === cadre.id && row.fields.includes('refused:guard_place:case.village'),
      ),
    ).toBe(true);

    for (const c of clients.splice(0)) c.destroy();
    server = await servers.restart(server);
    const fresh = client(server, name, server.token);
    await synced(fresh);
    expect(new CaseFile(fresh.doc).summary().village).toBe('jiangting');
    expect(fresh.doc.getText('notes').toString()).toBe('村委会: 原有记录');
  });

  it('A-GUARD-4, A-ATTEST-1: a grid worker’s offline step in the judicial office’s name is taken out when they reconnect; their notes stand', async () => {
    const server = await servers.start();
    const name = await recordCase(server, 'guard-offline', 'jiangting');
    const grid = await server.signInAccount('gridWorker', 'jiangting');
    const judicial = await server.signInAccount('judicialOffice');
    const online = client(server, name, judicial.token);
    await synced(online);
    const hillside = client(server, name, grid.token);
    await synced(hillside);
    hillside.provider.disconnect();

    new CaseTimeline(hillside.doc).record({
      id: 'offline-forged-1',
      at: 2000,
      by: judicial.id,
      kind: 'registered',
      risk: 'low',
    });
    hillside.doc.getText('notes').insert(0, '山上记录: ');
    const told = nextRefusal(hillside);
    hillside.provider.connect();

    expect(await told).toEqual([{ reason: 'guard_author_forged', field: 'timeline', step: 'registered' }]);
    await until(online.doc, () => online.doc.getText('notes').toString() === '山上记录: 原有记录');
    await until(hillside.doc, () => new CaseTimeline(hillside.doc).events.length === 0);
    expect(new CaseTimeline(online.doc).events).toEqual([]);
  });

  it('A-GUARD-8: when a case moves out of a village in the same update as new notes, the village’s sockets close before any of it reaches them', async () => {
    const server = await servers.start();
    const name = await recordCase(server, 'guard-relay', 'jiangting');
    const police = client(server, name, await server.signIn('policePost'));
    const cadre = client(server, name, await server.signIn('villageCadre', 'jiangting'));
    await Promise.all([synced(police), synced(cadre)]);
    const received: number[] = [];
    cadre.provider.ws?.addEventListener('message', (event: { data: unknown }) => {
      const data = event.data;
      if (data instanceof ArrayBuffer) received.push(new Uint8Array(data)[0] ?? -1);
    });
    const closed = closedWith(cadre);

    police.doc.transact(() => {
      new CaseFile(police.doc).setVillage('hongyan' as VillageId);
      police.doc.getText('notes').insert(0, '转红岩村: 当事人住址已核实');
    });

    expect(await closed).toBe(closeCode.forbidden);
    expect(cadre.doc.getText('notes').toString()).toBe('原有记录');
    expect(received.filter((type) => type === messageType.sync)).toEqual([]);
  });

  it('A-BIND-1: a writer using another person’s client id is refused and closed; the real owner’s offline edit still lands', async () => {
    const server = await servers.start();
    const name = await recordCase(server, 'guard-bind', 'jiangting');
    const victim = client(server, name, await server.signIn('judicialOffice'));
    await synced(victim);
    victim.doc.getText('notes').insert(0, '司法所: ');
    await savedOnServer(victim);
    await until(victim.doc, () => victim.doc.getMap('writers').has(String(victim.doc.clientID)));
    victim.provider.disconnect();
    victim.doc.getText('notes').insert(0, '离线补记: ');

    // the forger writes under the victim's client id and next clock, and sends it as a plain sync update
    const forger = client(server, name, await server.signIn('policePost'));
    await synced(forger);
    const forgery = new Y.Doc();
    Y.applyUpdate(forgery, Y.encodeStateAsUpdate(forger.doc));
    forgery.clientID = victim.doc.clientID;
    const before = Y.encodeStateVector(forgery);
    forgery.getText('notes').insert(0, '伪造: ');
    const closed = closedWith(forger);
    forger.provider.ws?.send(Uint8Array.from(encodeUpdate(Y.encodeStateAsUpdate(forgery, before))));
    expect(await closed).toBe(closeCode.clientIdTaken);

    victim.provider.connect();
    await savedOnServer(victim);
    const witness = client(server, name, server.token);
    await synced(witness);
    expect(witness.doc.getText('notes').toString()).toBe('离线补记: 司法所: 原有记录');
  });

  it('S-AWARE-4: a socket cannot take over or remove another person’s presence, nor announce itself as someone else', async () => {
    const server = await servers.start();
    const name = await recordCase(server, 'guard-presence', 'jiangting');
    const police = await server.signInAccount('policePost');
    const supervisor = await server.signInAccount('supervisor');
    const officer = client(server, name, police.token);
    const intruder = client(server, name, supervisor.token);
    const watcher = client(server, name, server.token);
    await Promise.all([synced(officer), synced(intruder), synced(watcher)]);
    officer.provider.awareness.setLocalState({ user: { name: '警务室', color: '#123456' }, field: 'notes' });
    const officerId = officer.doc.clientID;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (watcher.provider.awareness.getStates().get(officerId)?.['field'] !== 'notes') return;
        watcher.provider.awareness.off('change', check);
        resolve();
      };
      watcher.provider.awareness.on('change', check);
      check();
    });

    // the intruder overwrites the officer's entry, then announces a fake administrator under its own id; its
    // frames are handled in order, so once its own entry is seen the forged one has been dealt with
    const { encodeAwarenessUpdate, Awareness, applyAwarenessUpdate } = await import('y-protocols/awareness');
    const scratch = new Awareness(new Y.Doc());
    scratch.setLocalState(null);
    applyAwarenessUpdate(scratch, encodeAwarenessUpdate(officer.provider.awareness, [officerId]), 'copy');
    scratch.states.set(officerId, { user: { name: '警务室' }, field: 'parties' });
    scratch.meta.set(officerId, { clock: 99, lastUpdated: Date.now() });
    const intruderWs = intruder.provider.ws;
    if (!intruderWs) throw new Error('no socket');
    intruderWs.send(Uint8Array.from(encodeAwareness(encodeAwarenessUpdate(scratch, [officerId]))));
    intruder.provider.awareness.setLocalState({
      user: { name: '系统管理员', role: 'admin' },
      field: 'title',
    });

    const intruderId = intruder.doc.clientID;
    await new Promise<void>((resolve) => {
      const check = () => {
        const state = watcher.provider.awareness.getStates().get(intruderId);
        if (state?.['field'] !== 'title') return;
        expect(state['user']).toMatchObject({ id: supervisor.id, role: 'supervisor' });
        watcher.provider.awareness.off('change', check);
        resolve();
      };
      watcher.provider.awareness.on('change', check);
      check();
    });
    // the officer's own entry still says where the officer is
    expect(watcher.provider.awareness.getStates().get(officerId)).toMatchObject({
      field: 'notes',
      user: { id: police.id },
    });
  });
});
