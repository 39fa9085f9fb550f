import { afterEach, describe, expect, it } from 'vitest';
import {
  caseMeetingEntries,
  linkKey,
  openCaseActions,
  setDoneOnCase,
} from '../../shared/src/meetings/case-links.ts';
import { MeetingFile } from '../../shared/src/meetings/meeting-file.ts';
import { ledgerResponseSchema, type LedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { savedOnServer, stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { serverPool, type TestServer } from '../helpers/test-server.ts';
import { storeCase } from '../helpers/stored-case.ts';
import { storeMeeting } from '../helpers/stored-meeting.ts';

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

async function ledgerRow(server: TestServer, token: string, name: DocName): Promise<LedgerRow | undefined> {
  const response = await fetch(`${server.url}/api/ledger`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ledgerResponseSchema.parse(await response.json()).rows.find((row) => row.name === name);
}

/** A case and a meeting with an agenda item on it, as the town's record holds them. */
async function meetingOnCase(server: TestServer) {
  const caseName = await storeCase(server, { id: 'linkedcase0001', title: '两户宅基地纠纷' });
  let itemId = '';
  const meetingName = await storeMeeting(server, {
    id: 'linkmeeting0001',
    title: '十一月专题会',
    date: '2026-11-20',
    invited: ['judicialOffice', 'policePost'],
    more: (meeting) => {
      itemId = meeting.addAgendaItem(
        { caseId: 'linkedcase0001', topic: '宅基地纠纷' },
        { by: 'admin', at: 1 },
      ).id;
    },
  });
  return { caseName, meetingName, itemId };
}

describe('what a meeting decides reaches the case, and back', () => {
  it('M-LINK-1, M-LINK-2: an action item on a case shows on it and in its ledger row; done on the case shows done in the meeting', async () => {
    const server = await servers.start();
    const { caseName, meetingName, itemId } = await meetingOnCase(server);
    const centre = await server.signInAccount('governanceCentre');
    const judicial = await server.signInAccount('judicialOffice');
    const convener = client(server, meetingName, centre.token);
    await synced(convener);

    // nobody has the case open: the server loads it to write the link
    const t0 = Date.now();
    const action = new MeetingFile(convener.doc).addAction(
      { itemId, caseId: null, text: '组织双方丈量地界', owner: judicial.id, deadline: '2026-11-30' },
      { by: centre.id, at: t0 },
    );
    new MeetingFile(convener.doc).addDecision(itemId, '由司法所牵头调解', { by: centre.id, at: t0 + 1 });
    await savedOnServer(convener);
    await server.hub.meetingLinks.idle();
    expect(await ledgerRow(server, judicial.token, caseName)).toMatchObject({
      openActions: 1,
      nextActionDue: '2026-11-30',
    });

    const officer = client(server, caseName, judicial.token);
    await synced(officer);
    const key = linkKey('linkmeeting0001', action.id);
    expect(caseMeetingEntries(officer.doc).map((e) => [e.kind, e.text, e.meetingTitle])).toEqual([
      ['action', '组织双方丈量地界', '十一月专题会'],
      ['decision', '由司法所牵头调解', '十一月专题会'],
    ]);

    setDoneOnCase(officer.doc, key, true, { by: judicial.id, at: t0 + 2 });
    await until(convener.doc, () => new MeetingFile(convener.doc).isDone(action.id));
    expect(new MeetingFile(convener.doc).completion(action.id)).toMatchObject({
      done: true,
      by: judicial.id,
    });
    await server.hub.meetingLinks.idle();
    expect(await ledgerRow(server, judicial.token, caseName)).toMatchObject({ openActions: 0 });
  });

  it('M-LINK-2, M-LINK-1: reopened in the meeting shows open on the case; an action taken off the meeting leaves the case', async () => {
    const server = await servers.start();
    const { caseName, meetingName } = await meetingOnCase(server);
    const centre = await server.signInAccount('governanceCentre');
    const police = await server.signInAccount('policePost');
    const convener = client(server, meetingName, centre.token);
    const officer = client(server, caseName, police.token);
    await Promise.all([synced(convener), synced(officer)]);
    const meeting = new MeetingFile(convener.doc);
    const action = meeting.addAction(
      { itemId: null, caseId: 'linkedcase0001', text: '回访双方', owner: police.id, deadline: null },
      { by: centre.id, at: Date.now() },
    );
    await until(officer.doc, () => openCaseActions(officer.doc).length === 1);

    meeting.setDone(action.id, true, { by: centre.id, at: Date.now() + 1 });
    await until(officer.doc, () => openCaseActions(officer.doc).length === 0);
    meeting.setDone(action.id, false, { by: centre.id, at: Date.now() + 2 });
    await until(officer.doc, () => openCaseActions(officer.doc).length === 1);

    meeting.removeAction(action.id);
    const saved = savedOnServer(convener);
    await until(officer.doc, () => caseMeetingEntries(officer.doc).length === 0);
    await saved;
    await server.hub.meetingLinks.idle();
    expect(await ledgerRow(server, police.token, caseName)).toMatchObject({ openActions: 0 });
    // the carrying came to rest (nothing bounces between the two documents) and nothing failed on the way
    expect(server.logs.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('M-LINK-1: a link to a case that is not stored writes no case into being, and the meeting’s change stands', async () => {
    const server = await servers.start();
    const centre = await server.signInAccount('governanceCentre');
    const meetingName = await storeMeeting(server, { id: 'linkmeeting0002', title: '周研判' });
    const convener = client(server, meetingName, centre.token);
    await synced(convener);
    new MeetingFile(convener.doc).addAction(
      { itemId: null, caseId: 'nosuchcase00001', text: '核实情况', owner: null, deadline: null },
      { by: centre.id, at: Date.now() },
    );
    await savedOnServer(convener);
    await server.hub.meetingLinks.idle();
    expect(await server.store.listing('case:nosuchcase00001' as DocName)).toBeNull();
    expect(server.logs.some((line) => line.message === 'a meeting names a case that does not exist')).toBe(
      true,
    );
    const fresh = client(server, meetingName, centre.token);
    await synced(fresh);
    expect(new MeetingFile(fresh.doc).actions.map((a) => a.text)).toEqual(['核实情况']);
  });
});
