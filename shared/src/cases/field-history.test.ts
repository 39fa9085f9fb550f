import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VillageId } from '../org/jurisdiction.ts';
import { CaseFile, type CaseId } from './case-file.ts';
import { fieldLogKey, partyField } from './field-log.ts';

const jiangting = 'jiangting' as VillageId;
const hongyan = 'hongyan' as VillageId;
const pingzhai = 'pingzhai' as VillageId;

/** A case file on its own document whose clock reads `time.now`. */
function clocked(doc: Y.Doc, time: { now: number }): CaseFile {
  return new CaseFile(doc, { now: () => time.now });
}

function replicaOf(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function created(time: { now: number }): CaseFile {
  const caseFile = clocked(new Y.Doc(), time);
  caseFile.create({
    id: 'historycase00001' as CaseId,
    title: '土地承包经营权纠纷',
    village: jiangting,
    disputeType: 'land',
    createdAt: 1,
    by: 'acct-grid',
  });
  return caseFile;
}

describe('field history', () => {
  it('C-HIST-1: creating and setting a field log each value with when and by whom, oldest first', () => {
    const time = { now: 1_000 };
    const caseFile = created(time);
    time.now = 2_000;
    caseFile.setVillage(hongyan, 'acct-cadre');
    time.now = 3_000;
    caseFile.setVillage(pingzhai);
    expect(caseFile.fieldHistory('village').map(({ value, at, by }) => ({ value, at, by }))).toEqual([
      { value: 'jiangting', at: 1_000, by: 'acct-grid' },
      { value: 'hongyan', at: 2_000, by: 'acct-cadre' },
      { value: 'pingzhai', at: 3_000, by: null },
    ]);
    expect(caseFile.fieldHistory('disputeType').map((change) => change.value)).toEqual(['land']);
    for (const change of caseFile.fieldHistory('village')) expect(change.id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('C-HIST-1: the field and its log entry are one transaction; setting the value it holds logs nothing', () => {
    const time = { now: 5 };
    const caseFile = created(time);
    time.now = 6;
    let transactions = 0;
    caseFile.doc.on('afterTransaction', () => transactions++);
    caseFile.setDisputeType('neighbours', 'acct-cadre');
    caseFile.setDisputeType('neighbours', 'acct-cadre');
    expect(transactions).toBe(1);
    expect(caseFile.fieldHistory('disputeType').map((change) => change.value)).toEqual([
      'land',
      'neighbours',
    ]);
  });

  it('C-HIST-1: two offline devices set the same field: the map holds the value Yjs chose, the history shows both', () => {
    const base = created({ now: 1_000 });
    const a = clocked(replicaOf(base.doc), { now: 2_000 });
    const b = clocked(replicaOf(base.doc), { now: 2_500 });

    // the grid worker and the cadre each correct the village while offline
    a.setVillage(hongyan, 'acct-grid');
    b.setVillage(pingzhai, 'acct-cadre');
    exchange(a.doc, b.doc);

    const winner = a.summary().village;
    expect(b.summary().village).toBe(winner);
    expect([hongyan, pingzhai]).toContain(winner);
    const history = a.fieldHistory('village');
    expect(history.map(({ value, by }) => [value, by])).toEqual([
      ['jiangting', 'acct-grid'],
      ['hongyan', 'acct-grid'],
      ['pingzhai', 'acct-cadre'],
    ]);
    expect(b.fieldHistory('village')).toEqual(history);
  });

  it('C-HIST-1, C-PARTY-1: a party’s fields are logged when it is added and each time one changes', () => {
    const time = { now: 10 };
    const caseFile = created(time);
    const id = caseFile.addParty(
      { name: '王某', village: 'jiangting', contact: '', role: 'applicant' },
      'acct-grid',
    );
    time.now = 20;
    caseFile.updateParty(id, { contact: '138 0000 0000', name: '王某' }, 'acct-cadre');
    expect(caseFile.fieldHistory(partyField(id, 'contact')).map(({ value, by }) => [value, by])).toEqual([
      ['', 'acct-grid'],
      ['138 0000 0000', 'acct-cadre'],
    ]);
    // the unchanged name was not written again
    expect(caseFile.fieldHistory(partyField(id, 'name')).map((change) => change.value)).toEqual(['王某']);
    caseFile.removeParty(id);
    expect(caseFile.fieldHistory(partyField(id, 'role'))).toHaveLength(1);
  });

  it('C-HIST-1: a log entry this version cannot read is kept and left out of the history', () => {
    const caseFile = created({ now: 1 });
    caseFile.doc.getArray(fieldLogKey).push([{ field: 'village', value: { newer: true } }]);
    expect(caseFile.fieldHistory('village').map((change) => change.value)).toEqual(['jiangting']);
    expect(caseFile.doc.getArray(fieldLogKey).length).toBe(4);
  });
});
