import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, type CaseId } from '../cases/case-file.ts';
import type { VillageId } from '../org/jurisdiction.ts';
import { summarizeDoc } from './summary.ts';

describe('summarizeDoc', () => {
  it('S-LIST-1, L-LEDGER-1: a case lists with its title and village, and its ledger row', () => {
    const doc = new Y.Doc();
    new CaseFile(doc).create({
      id: 'abc' as CaseId,
      title: '欠薪纠纷',
      village: 'pingzhai' as VillageId,
      disputeType: 'unpaidWages',
      createdAt: 1,
    });
    expect(summarizeDoc('case', doc)).toEqual({
      kind: 'case',
      title: '欠薪纠纷',
      village: 'pingzhai',
      facts: { kind: 'case', village: 'pingzhai', level: 'village', leaders: [], departments: [] },
      ledger: {
        title: '欠薪纠纷',
        village: 'pingzhai',
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
        createdAt: 1,
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
      },
      meeting: null,
    });
  });

  it('S-LIST-1: a case with a village this version does not know lists without one', () => {
    const doc = new Y.Doc();
    doc.getMap('case').set('village', 'atlantis');
    doc.getText('title').insert(0, 't');
    expect(summarizeDoc('case', doc)).toMatchObject({ kind: 'case', title: 't', village: null });
  });

  it('S-LIST-1: a meeting lists with its title and no village', () => {
    const doc = new Y.Doc();
    doc.getText('title').insert(0, '三月联席会议');
    const { meeting, ...listed } = summarizeDoc('meeting', doc);
    expect(listed).toEqual({
      kind: 'meeting',
      title: '三月联席会议',
      village: null,
      facts: { kind: 'meeting', invited: [] },
      ledger: null,
    });
    expect(meeting).toMatchObject({ title: '三月联席会议', id: null, items: 0, locked: false });
  });
});
