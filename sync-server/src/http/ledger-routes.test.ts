import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '@concord/shared/auth/user.ts';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { CaseTimeline } from '@concord/shared/cases/workflow/timeline.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { errorBodySchema } from '@concord/shared/http/errors.ts';
import { ledgerResponseSchema, type LedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocWrite } from '../storage/doc-store.ts';
import { appsInMemory, tokenOf } from './test-app.ts';

const appWith = appsInMemory();

const people = {
  admin: { role: 'admin' },
  cadre: { role: 'villageCadre', village: 'jiangting' },
  leader: { role: 'caseLeader' },
  dept: { role: 'department', agency: 'naturalResources' },
  supervisor: { role: 'supervisor' },
} satisfies Record<string, { role: Role; village?: string; agency?: string }>;
type Who = keyof typeof people;
const signedIn = (who: Who) => ({ headers: { authorization: `Bearer ${tokenOf(`acct-${who}`)}` } });

/** The app on an in-memory database with one signed-in account per person above. */
async function setup() {
  const { app, store, db } = await appWith(
    Object.entries(people).map(([who, person]) => ({ id: `acct-${who}`, ...person })),
  );
  const ledger = async (who: Who): Promise<LedgerRow[]> => {
    const response = await app.request('/api/ledger', signedIn(who));
    expect(response.status).toBe(200);
    return ledgerResponseSchema
      .parse(await response.json())
      .rows.sort((a, b) => a.name.localeCompare(b.name));
  };
  return { app, store, ledger, db };
}

/** A case document written as the server would store it, and the document for further steps. */
function caseWrite(id: string, village: string, build: (caseFile: CaseFile) => void = () => {}): DocWrite {
  const doc = new Y.Doc();
  const caseFile = new CaseFile(doc);
  caseFile.create({
    id: id as CaseId,
    title: `案件 ${id}`,
    village: village as VillageId,
    disputeType: 'land',
    createdAt: 1_000,
  });
  build(caseFile);
  return {
    name: docName('case', id),
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc('case', doc),
  };
}

function meetingWrite(): DocWrite {
  const doc = new Y.Doc();
  doc.getText('title').insert(0, '联席会议');
  return {
    name: docName('meeting', 'weekly'),
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc('meeting', doc),
  };
}

/** Dispatched to natural resources with a case leader: the facts department and leader rights come from. */
function dispatched(caseFile: CaseFile): void {
  const timeline = new CaseTimeline(caseFile.doc);
  timeline.record({ id: 'event-0001', at: 2_000, by: 'acct-admin', kind: 'registered', risk: 'criminal' });
  timeline.record({
    id: 'event-0002',
    at: 3_000,
    by: 'acct-admin',
    kind: 'dispatched',
    handler: 'acct-cadre',
    departments: ['naturalResources'],
    leaders: ['acct-leader'],
    deadline: 4_000,
  });
  caseFile.addParty({ name: '王某', village: 'pingzhai', contact: '139-0000 2231', role: 'applicant' });
}

describe('GET /api/ledger', () => {
  it('L-LEDGER-1: answers a row per case, built when it was saved, in the shape the web app checks; meetings are not rows', async () => {
    const { store, ledger } = await setup();
    await store.append(
      [
        caseWrite('plain', 'jiangting'),
        caseWrite('busy', 'pingzhai', (caseFile) => {
          dispatched(caseFile);
          caseFile.setGrid('pingzhai-2');
        }),
        meetingWrite(),
      ],
      9_000,
    );

    const rows = await ledger('admin');
    expect(rows.map((row) => row.name)).toEqual(['case:busy', 'case:plain']);
    expect(rows[0]).toEqual({
      name: 'case:busy',
      title: '案件 busy',
      village: 'pingzhai',
      grid: 'pingzhai-2',
      disputeType: 'land',
      risk: 'criminal',
      stage: 'dispatched',
      level: 'village',
      parties: ['王某'],
      handler: 'acct-cadre',
      leaders: ['acct-leader'],
      departments: ['naturalResources'],
      deadline: 4_000,
      createdAt: 1_000,
      updatedAt: 9_000,
      conflicts: 0,
      needsReview: false,
      attemptsAtLevel: 0,
      spansVillages: false,
      openActions: 0,
      nextActionDue: null,
      source: null,
      contacts: ['13900002231'],
      registeredAt: 2_000,
      closedAt: null,
      reopenings: 0,
      satisfaction: null,
      access: 'write',
    });
    expect(rows[1]).toMatchObject({ name: 'case:plain', stage: 'reported', risk: null, access: 'write' });
  });

  it('L-LEDGER-1, L-LEDGER-7, A-RIGHT-11: each person gets the rows of the cases they may open, with their access, as GET /api/docs decides', async () => {
    const { app, store, ledger } = await setup();
    await store.append(
      [
        caseWrite('jt', 'jiangting'),
        caseWrite('hy', 'hongyan'),
        caseWrite('pz', 'pingzhai', dispatched),
        meetingWrite(),
      ],
      9_000,
    );
    const names = async (who: Who) => (await ledger(who)).map((row) => `${row.name} ${row.access}`);

    expect(await names('cadre')).toEqual(['case:jt write']);
    expect(await names('leader')).toEqual(['case:pz write']);
    expect(await names('dept')).toEqual(['case:pz write']);
    expect(await names('supervisor')).toEqual(['case:hy read', 'case:jt read', 'case:pz read']);
    // phone numbers go to those who may write the case only (L-LEDGER-7)
    expect((await ledger('dept')).map((row) => row.contacts)).toEqual([['13900002231']]);
    expect((await ledger('supervisor')).flatMap((row) => row.contacts)).toEqual([]);
    // the same cases the document list gives each of them
    for (const who of Object.keys(people) as Who[]) {
      const docs = await app.request('/api/docs', signedIn(who));
      const body = (await docs.json()) as { docs: { name: string; kind: string; access: string }[] };
      const cases = body.docs.filter((doc) => doc.kind === 'case').map((doc) => `${doc.name} ${doc.access}`);
      expect(await names(who), who).toEqual(cases.sort());
    }
  });

  it('L-LEDGER-1: a case saved before rows were kept gets its row built from the stored document', async () => {
    const { store, ledger } = await setup();
    const write = caseWrite('old', 'jiangting', dispatched);
    await store.append([{ ...write, summary: { ...write.summary, ledger: null } }], 9_000);
    expect(await ledger('admin')).toEqual([
      expect.objectContaining({ name: 'case:old', stage: 'dispatched', parties: ['王某'], updatedAt: 9_000 }),
    ]);
  });

  it('L-LEDGER-1: a row stored before rows had grids is built again from the document, grid and all', async () => {
    const { store, ledger, db } = await setup();
    const write = caseWrite('gridded', 'jiangting', (caseFile) => caseFile.setGrid('jiangting-2'));
    await store.append([write], 9_000);
    const { grid: _grid, ...before } = write.summary.ledger ?? {};
    db.prepare('UPDATE docs SET ledger = ? WHERE name = ?').run(JSON.stringify(before), write.name);
    expect(await ledger('admin')).toEqual([
      expect.objectContaining({ name: 'case:gridded', grid: 'jiangting-2', stage: 'reported' }),
    ]);
  });

  it('L-REVIEW-1: a row stored before rows said whether they need review is built again from the document', async () => {
    const { store, ledger, db } = await setup();
    // closed as an agreement with no attempt at all: a review flag (SPEC C-REVIEW-2)
    const write = caseWrite('flagged', 'pingzhai', (caseFile) => {
      dispatched(caseFile);
      new CaseTimeline(caseFile.doc).record({
        id: 'event-0003',
        at: 4_000,
        by: 'acct-admin',
        kind: 'closed',
        outcome: 'agreement',
        verifier: 'acct-admin',
      });
    });
    await store.append([write], 9_000);
    expect(await ledger('admin')).toEqual([
      expect.objectContaining({ name: 'case:flagged', needsReview: true }),
    ]);
    const { needsReview: _needsReview, ...before } = write.summary.ledger ?? {};
    db.prepare('UPDATE docs SET ledger = ? WHERE name = ?').run(JSON.stringify(before), write.name);
    expect(await ledger('admin')).toEqual([
      expect.objectContaining({ name: 'case:flagged', stage: 'closed', needsReview: true }),
    ]);
  });

  it('H-HTTP-2: without a sign-in the ledger is refused in the one error shape', async () => {
    const { app } = await setup();
    const response = await app.request('/api/ledger');
    expect(response.status).toBe(401);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('unauthorized');
  });
});
