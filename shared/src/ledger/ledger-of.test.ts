import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, type CaseId } from '../cases/case-file.ts';
import { CaseTimeline } from '../cases/workflow/timeline.ts';
import { workflowEventSchema, type WorkflowEvent } from '../cases/workflow/events.ts';
import type { VillageId } from '../org/jurisdiction.ts';
import { docName } from '../sync/doc-name.ts';
import { ledgerEntryOf, ledgerEntrySchema, ledgerRowOf, phoneOf } from './ledger-of.ts';
import { ledgerRowSchema } from './ledger-row.ts';

const day = 24 * 60 * 60 * 1000;

function wagesCase(): CaseFile {
  const caseFile = new CaseFile(new Y.Doc());
  caseFile.create({
    id: 'wagescase00000001' as CaseId,
    title: '村道硬化工程欠薪纠纷',
    village: 'jiangting' as VillageId,
    disputeType: 'unpaidWages',
    createdAt: 10 * day,
  });
  return caseFile;
}

function record(caseFile: CaseFile, events: WorkflowEvent[]): void {
  const timeline = new CaseTimeline(caseFile.doc);
  for (const event of events) timeline.record(event);
}

describe('ledgerEntryOf', () => {
  it('L-LEDGER-1: a case just reported is a row at the village, with no risk, handler or deadline yet', () => {
    expect(ledgerEntryOf(wagesCase().doc)).toEqual({
      title: '村道硬化工程欠薪纠纷',
      village: 'jiangting',
      grid: null,
      disputeType: 'unpaidWages',
      risk: null,
      stage: 'reported',
      level: 'village',
      parties: [],
      handler: null,
      leaders: [],
      departments: [],
      deadline: null,
      createdAt: 10 * day,
      conflicts: 0,
      needsReview: false,
      attemptsAtLevel: 0,
      spansVillages: false,
      openActions: 0,
      nextActionDue: null,
      source: null,
      contacts: [],
      registeredAt: null,
      closedAt: null,
      reopenings: 0,
      satisfaction: null,
    });
  });

  it('C-DOC-6: the row says how the case came to light', () => {
    const caseFile = new CaseFile(new Y.Doc());
    caseFile.create({
      id: 'hotlinecase000001' as CaseId,
      title: '噪音扰民',
      village: 'jiangting' as VillageId,
      disputeType: 'neighbours',
      source: 'hotline12345',
      createdAt: day,
    });
    expect(ledgerEntryOf(caseFile.doc).source).toBe('hotline12345');
    expect(ledgerEntrySchema.safeParse({ ...ledgerEntryOf(caseFile.doc), source: undefined }).success).toBe(
      false,
    );
  });

  it('L-LEDGER-1: stage, risk, level, handler, leaders, departments and deadline come from the folded timeline', () => {
    const caseFile = wagesCase();
    caseFile.addParty({ name: '杨某等8名村民', village: 'jiangting', contact: '', role: 'applicant' });
    caseFile.addParty({ name: '某建筑施工队', village: '', contact: '138', role: 'respondent' });
    record(caseFile, [
      { id: 'ev-000000001', at: 11 * day, by: 'centre1', kind: 'registered', risk: 'high' },
      { id: 'ev-000000002', at: 11 * day + 1, by: 'centre1', kind: 'escalated', from: 'village', reason: '' },
      {
        id: 'ev-000000003',
        at: 12 * day,
        by: 'centre1',
        kind: 'dispatched',
        handler: 'judicial1',
        departments: ['labour'],
        leaders: ['demo-leader1'],
        deadline: 27 * day,
      },
      // closed by its own handler: refused, kept as a conflict (C-FLOW-3, C-FLOW-6)
      {
        id: 'ev-000000004',
        at: 13 * day,
        by: 'judicial1',
        kind: 'closed',
        outcome: 'agreement',
        verifier: 'judicial1',
      },
    ]);
    expect(ledgerEntryOf(caseFile.doc)).toMatchObject({
      risk: 'high',
      stage: 'dispatched',
      level: 'town',
      handler: 'judicial1',
      leaders: ['demo-leader1'],
      departments: ['labour'],
      deadline: 27 * day,
      parties: ['杨某等8名村民', '某建筑施工队'],
      conflicts: 1,
      // the conflicting close-out is a review flag until someone settles it (SPEC C-REVIEW-3)
      needsReview: true,
    });
  });

  it('L-STATS-1: the row says when the case was registered and closed, how often reopened, and its satisfaction', () => {
    const caseFile = wagesCase();
    const step = (n: number, at: number, fields: Record<string, unknown>): WorkflowEvent =>
      workflowEventSchema.parse({
        id: `ev-stats-${String(n).padStart(4, '0')}`,
        at,
        by: 'centre1',
        ...fields,
      });
    const dispatch = {
      kind: 'dispatched',
      handler: 'judicial1',
      departments: [],
      leaders: [],
      deadline: 30 * day,
    };
    record(caseFile, [
      step(1, 11 * day, { kind: 'registered', risk: 'low' }),
      // a second registration offline does not apply: the first one counts
      step(2, 11 * day + 5, { kind: 'registered', risk: 'high' }),
      step(3, 12 * day, dispatch),
      step(4, 14 * day, { kind: 'closed', outcome: 'agreement', verifier: 'centre1' }),
      step(5, 15 * day, { kind: 'evaluated', satisfaction: 4 }),
      step(6, 16 * day, { kind: 'reopened', reason: '' }),
    ]);
    expect(ledgerEntryOf(caseFile.doc)).toMatchObject({
      registeredAt: 11 * day,
      closedAt: null,
      reopenings: 1,
      satisfaction: 4,
    });
    record(caseFile, [step(7, 18 * day, { kind: 'closed', outcome: 'agreement', verifier: 'centre1' })]);
    expect(ledgerEntryOf(caseFile.doc)).toMatchObject({ closedAt: 18 * day, reopenings: 1 });
    // an entry stored before rows had these is built again from the document (SPEC L-LEDGER-1)
    expect(ledgerEntrySchema.safeParse({ ...ledgerEntryOf(caseFile.doc), closedAt: undefined }).success).toBe(
      false,
    );
  });

  it('L-LEDGER-1: the row is what the stored schema reads back, and a whole row is what the web app checks', () => {
    const caseFile = wagesCase();
    const entry = ledgerEntryOf(caseFile.doc);
    expect(ledgerEntrySchema.parse(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    const row = ledgerRowOf(docName('case', 'wagescase00000001'), caseFile.doc, {
      updatedAt: 5,
      access: 'read',
    });
    expect(ledgerRowSchema.parse(JSON.parse(JSON.stringify(row)))).toEqual(row);
    expect(row).toMatchObject({
      name: 'case:wagescase00000001',
      updatedAt: 5,
      access: 'read',
      stage: 'reported',
    });
  });

  it('L-LEDGER-1, C-DOC-5: the row says which grid of its village the case lies in', () => {
    const caseFile = wagesCase();
    caseFile.setGrid('jiangting-3');
    expect(ledgerEntryOf(caseFile.doc).grid).toBe('jiangting-3');
  });

  it('L-LEDGER-1: a row stored before rows had grids is not read as one without a grid', () => {
    const { grid: _grid, ...before } = ledgerEntryOf(wagesCase().doc);
    expect(ledgerEntrySchema.safeParse(before).success).toBe(false);
    // a device's copy of such a row reads, with no grid, until the server sends it again
    const row = { ...before, name: 'case:x', updatedAt: 1, access: 'write' };
    expect(ledgerRowSchema.parse(row).grid).toBeNull();
  });

  it('L-REVIEW-1: a row stored before rows said whether they need review is built again; a device reads it as not', () => {
    const { needsReview: _needsReview, ...before } = ledgerEntryOf(wagesCase().doc);
    expect(ledgerEntrySchema.safeParse(before).success).toBe(false);
    const row = { ...before, name: 'case:x', updatedAt: 1, access: 'write' };
    expect(ledgerRowSchema.parse(row).needsReview).toBe(false);
  });

  it('L-REVIEW-1: a reviewed step settles the flag, and the row no longer needs review', () => {
    const caseFile = wagesCase();
    const close = (id: string, at: number): WorkflowEvent => ({
      id,
      at,
      by: 'centre1',
      kind: 'closed',
      outcome: 'agreement',
      verifier: 'centre1',
    });
    record(caseFile, [
      { id: 'ev-000000001', at: 11 * day, by: 'centre1', kind: 'registered', risk: 'low' },
      {
        id: 'ev-000000002',
        at: 11 * day + 1,
        by: 'centre1',
        kind: 'dispatched',
        handler: 'judicial1',
        departments: [],
        leaders: [],
        deadline: 26 * day,
      },
      close('ev-000000003', 12 * day),
    ]);
    expect(ledgerEntryOf(caseFile.doc).needsReview).toBe(true);
    record(caseFile, [
      {
        id: 'ev-000000004',
        at: 13 * day,
        by: 'centre1',
        kind: 'reviewed',
        flag: 'agreement_unagreed:ev-000000003',
        note: '调解协议另附,现场调解时未单独记录。',
      },
    ]);
    expect(ledgerEntryOf(caseFile.doc).needsReview).toBe(false);
  });

  it('L-LEDGER-1: an empty document is a row that guesses nothing', () => {
    expect(ledgerEntryOf(new Y.Doc())).toMatchObject({
      title: '',
      village: null,
      disputeType: null,
      createdAt: null,
      stage: 'reported',
    });
  });
});

describe('phoneOf', () => {
  it('L-LEDGER-7: keeps the digits and the stars that mask some, and nothing of a contact with no digit', () => {
    expect(phoneOf('139****2231')).toBe('139****2231');
    expect(phoneOf('139-0000 2231')).toBe('13900002231');
    expect(phoneOf('１３９００００２２３１')).toBe('13900002231');
    expect(phoneOf('找村委会转告')).toBe('');
    expect(phoneOf('')).toBe('');
  });
});
