import { afterEach, describe, expect, it } from 'vitest';
import { CaseFile, type CaseId } from '../../shared/src/cases/case-file.ts';
import { CaseTimeline } from '../../shared/src/cases/workflow/timeline.ts';
import { ledgerResponseSchema, type LedgerRow } from '../../shared/src/ledger/ledger-row.ts';
import type { VillageId } from '../../shared/src/org/jurisdiction.ts';
import { docName } from '../../shared/src/sync/doc-name.ts';
import { savedOnServer, stockClient, synced, until } from '../helpers/clients.ts';
import { serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
const clients: { destroy(): void }[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await servers.disposeAll();
});

async function ledger(server: TestServer, token: string): Promise<LedgerRow[]> {
  const response = await fetch(`${server.url}/api/ledger`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return ledgerResponseSchema.parse(await response.json()).rows;
}

const day = 24 * 60 * 60 * 1000;

describe('the ledger over the real server', () => {
  it('L-LEDGER-1: a case edited live shows in the ledger as its timeline folds, for those who may open it, and after a restart', async () => {
    let server = await servers.start();
    const name = docName('case', 'ledgerlive0001');
    const cadreAccount = await server.signInAccount('villageCadre', 'jiangting');
    const cadre = cadreAccount.token;
    const centre = await server.signInAccount('governanceCentre');
    const otherCadre = await server.signIn('villageCadre', 'hongyan');
    const leader = await server.signIn('caseLeader');

    const client = stockClient(server.syncUrl, name, { token: cadre, params: { acks: '1' } });
    clients.push(client);
    await synced(client);
    const caseFile = new CaseFile(client.doc);
    caseFile.create({
      id: 'ledgerlive0001' as CaseId,
      title: '两户山林地界纠纷',
      village: 'jiangting' as VillageId,
      disputeType: 'forestLandBoundary',
      createdAt: 100 * day,
    });
    caseFile.addParty(
      { name: '王某', village: 'jiangting', contact: '', role: 'applicant' },
      cadreAccount.id,
    );
    caseFile.addParty(
      { name: '刘某', village: 'jiangting', contact: '', role: 'respondent' },
      cadreAccount.id,
    );

    await savedOnServer(client);
    let rows = await ledger(server, cadre);
    expect(rows[0]).toMatchObject({ name, stage: 'reported', parties: ['王某', '刘某'], access: 'write' });
    expect(await ledger(server, otherCadre)).toEqual([]);
    expect(await ledger(server, leader)).toEqual([]);

    // the town's centre registers and dispatches, the village takes it up to the town (SPEC C-STEP-*)
    const centreClient = stockClient(server.syncUrl, name, { token: centre.token, params: { acks: '1' } });
    clients.push(centreClient);
    await synced(centreClient);
    await until(centreClient.doc, () => new CaseFile(centreClient.doc).exists);
    const centreTimeline = new CaseTimeline(centreClient.doc);
    centreTimeline.record({
      id: 'ledger-ev-1',
      at: 101 * day,
      by: centre.id,
      kind: 'registered',
      risk: 'medium',
    });
    await savedOnServer(centreClient);
    const timeline = new CaseTimeline(client.doc);
    await until(client.doc, () => timeline.events.length === 1);
    timeline.record({
      id: 'ledger-ev-2',
      at: 102 * day,
      by: cadreAccount.id,
      kind: 'escalated',
      from: 'village',
      reason: '',
    });
    await savedOnServer(client);
    centreTimeline.record({
      id: 'ledger-ev-3',
      at: 103 * day,
      by: centre.id,
      kind: 'dispatched',
      handler: 'judicial',
      departments: [],
      leaders: ['test-leader'],
      deadline: 118 * day,
    });
    await savedOnServer(centreClient);
    rows = await ledger(server, cadre);
    expect(rows[0]).toMatchObject({
      risk: 'medium',
      level: 'town',
      handler: 'judicial',
      leaders: ['test-leader'],
      deadline: 118 * day,
      conflicts: 0,
    });

    for (const c of clients.splice(0)) c.destroy();
    server = await servers.restart(server);
    const admin = server.token;
    expect(await ledger(server, admin)).toEqual([{ ...rows[0], access: 'write' }]);
  });
});
