import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VillageId } from '../org/jurisdiction.ts';
import { CaseFile, localEditOrigin, type CaseId } from './case-file.ts';
import { partiesKey } from './parties.ts';

function createdCase(): CaseFile {
  const caseFile = new CaseFile(new Y.Doc());
  caseFile.create({
    id: 'partiescase00001' as CaseId,
    title: '张某与李某宅基地滴水纠纷',
    village: 'hongyan' as VillageId,
    disputeType: 'neighbours',
    createdAt: 1,
  });
  return caseFile;
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

const zhang = { name: '张某', village: 'hongyan', contact: '139 0000 1111', role: 'applicant' } as const;
const li = { name: '李某', village: 'hongyan', contact: '', role: 'respondent' } as const;

describe('parties', () => {
  it('C-PARTY-1: a party is added with a random id as a Y.Map of its fields, and read back typed', () => {
    const caseFile = createdCase();
    const id = caseFile.addParty(zhang, 'acct-grid');
    const other = caseFile.addParty(li);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(other).not.toBe(id);
    expect(caseFile.parties).toEqual([
      { id, ...zhang },
      { id: other, ...li },
    ]);
    const stored = caseFile.doc.getArray(partiesKey).get(0);
    expect(stored).toBeInstanceOf(Y.Map);
    expect((stored as Y.Map<unknown>).toJSON()).toEqual({ id, ...zhang });
  });

  it('C-PARTY-1: adding, changing and removing a party are one local transaction each', () => {
    const caseFile = createdCase();
    const origins: unknown[] = [];
    caseFile.doc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
    const id = caseFile.addParty(zhang);
    caseFile.updateParty(id, { contact: '138 0000 2222', role: 'other' });
    caseFile.removeParty(id);
    expect(origins).toEqual([localEditOrigin, localEditOrigin, localEditOrigin]);
    expect(caseFile.parties).toEqual([]);
  });

  it('C-PARTY-1: a bad field is refused and nothing is written', () => {
    const caseFile = createdCase();
    expect(() => caseFile.addParty({ ...zhang, name: '  ' })).toThrow();
    const id = caseFile.addParty(zhang);
    expect(() => caseFile.updateParty(id, { role: 'witness' as 'other' })).toThrow();
    expect(() => caseFile.updateParty('no-such-party', { name: '王某' })).toThrow(/no party/);
    expect(caseFile.parties).toEqual([{ id, ...zhang }]);
  });

  it('C-PARTY-1: two devices changing different fields of one party both keep theirs', () => {
    const a = createdCase();
    const id = a.addParty(zhang);
    const b = new CaseFile(replicaOf(a.doc));
    a.updateParty(id, { contact: '137 1234 5678' });
    b.updateParty(id, { name: '张某某' });
    exchange(a.doc, b.doc);
    expect(a.parties).toEqual([{ ...zhang, id, name: '张某某', contact: '137 1234 5678' }]);
    expect(b.parties).toEqual(a.parties);
  });

  it('C-PARTY-1: parties added on two offline devices are both kept, in the same order on each', () => {
    const a = createdCase();
    const b = new CaseFile(replicaOf(a.doc));
    a.addParty(zhang);
    b.addParty(li);
    exchange(a.doc, b.doc);
    expect(a.parties.map((p) => p.name).sort()).toEqual(['张某', '李某']);
    expect(b.parties).toEqual(a.parties);
  });

  it('C-PARTY-1: a party this version cannot read is kept in the document and left out of the list', () => {
    const caseFile = createdCase();
    const id = caseFile.addParty(zhang);
    const strange = new Y.Map<unknown>();
    caseFile.doc.transact(() => {
      caseFile.doc.getArray(partiesKey).push([strange, 'not a map']);
      strange.set('futureField', { x: 1 });
      (caseFile.doc.getArray(partiesKey).get(0) as Y.Map<unknown>).set('role', 'mediatorOfTheFuture');
    });
    expect(caseFile.parties).toEqual([{ id, ...zhang, role: 'other' }]);
    caseFile.removeParty(id);
    expect(caseFile.doc.getArray(partiesKey).length).toBe(2);
  });

  it('C-PARTY-1: observe reports a change inside one party', () => {
    const caseFile = createdCase();
    const id = caseFile.addParty(zhang);
    let calls = 0;
    const stop = caseFile.observe(() => calls++);
    caseFile.updateParty(id, { contact: '1' });
    expect(calls).toBeGreaterThan(0);
    stop();
    const before = calls;
    caseFile.updateParty(id, { contact: '2' });
    expect(calls).toBe(before);
  });
});
