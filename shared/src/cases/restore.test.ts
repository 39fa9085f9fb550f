import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VillageId } from '../org/jurisdiction.ts';
import { CaseFile, type CaseId } from './case-file.ts';
import { caseVersionOf, mayRestore } from './case-version.ts';
import { readRestores, restoreCase } from './restore.ts';
import { CaseTimeline } from './workflow/timeline.ts';
import type { WorkflowEvent } from './workflow/events.ts';
import { roles } from '../auth/user.ts';

const zhang = { name: '张某', village: 'hongyan', contact: '139 0000 1111', role: 'applicant' } as const;
const li = { name: '李某', village: 'hongyan', contact: '', role: 'respondent' } as const;
const registered: WorkflowEvent = {
  id: 'step-registered',
  at: 100,
  by: 'acct-centre',
  kind: 'registered',
  risk: 'high',
};
const visit: WorkflowEvent = {
  id: 'step-visit-0001',
  at: 300,
  by: 'acct-police',
  kind: 'visit',
  note: '回访',
  satisfaction: 4,
};

/** A case with a title, formatted notes, two parties and a step: the version someone will want back. */
function fullCase(): CaseFile {
  const file = new CaseFile(new Y.Doc(), { now: () => 50 });
  file.create({
    id: 'restorecase00001' as CaseId,
    title: '张某与李某宅基地纠纷',
    village: 'hongyan' as VillageId,
    disputeType: 'neighbours',
    createdAt: 1,
    by: 'acct-cadre',
  });
  file.notes.insert(0, '经过\n', {});
  file.notes.format(2, 1, { header: 2 });
  file.notes.insert(3, '双方同意退让一米。\n');
  file.notes.format(3, 4, { bold: true });
  file.addParty(zhang, 'acct-cadre');
  file.addParty(li, 'acct-cadre');
  new CaseTimeline(file.doc).record(registered);
  return file;
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Everything a person reads of a case, with the notes' formatting. */
function reading(doc: Y.Doc) {
  const { at: _at, id: _id, ...version } = caseVersionOf(doc, { id: 0, at: 0 });
  return { ...version, notes: new CaseFile(doc).notes.toDelta() as unknown };
}

describe('restoring a case as it was', () => {
  it('C-RESTORE-1: an emptied case reads again as the version, title, fields, formatted notes and parties alike', () => {
    const file = fullCase();
    const before = copyOf(file.doc);
    // one change empties it, as in the issue: title, notes, fields, parties
    file.doc.transact(() => {
      file.doc.getMap('case').set('title', '');
      file.notes.delete(0, file.notes.length);
      file.doc.getMap('case').delete('disputeType');
      file.doc.getMap('case').set('village', 'pingzhai');
      file.doc.getArray('parties').delete(0, file.doc.getArray('parties').length);
    });
    file.addParty({ name: '王某', village: '', contact: '', role: 'other' });
    expect(reading(file.doc)).not.toEqual(reading(before));

    restoreCase(file.doc, before, { at: 1234, by: 'acct-judicial', now: 5000 });

    expect(reading(file.doc)).toEqual(reading(before));
    // who restored which moment is in the document, and the field history names them for each value set again
    expect(readRestores(file.doc)).toEqual([
      { id: expect.any(String) as string, version: 1234, at: 5000, by: 'acct-judicial' },
    ]);
    expect(file.fieldHistory('village').at(-1)).toMatchObject({
      value: 'hongyan',
      by: 'acct-judicial',
      at: 5000,
    });
    expect(file.fieldHistory('disputeType').at(-1)).toMatchObject({
      value: 'neighbours',
      by: 'acct-judicial',
    });
  });

  it('C-RESTORE-1: a restore is one new change that edits only what differs, by ranged edits', () => {
    const file = fullCase();
    const before = copyOf(file.doc);
    file.notes.insert(3, '（补记）');
    const updates: Uint8Array[] = [];
    file.doc.on('update', (update: Uint8Array) => updates.push(update));
    const deltas: unknown[] = [];
    file.notes.observe((event) => deltas.push(event.delta));

    restoreCase(file.doc, before, { at: 1, by: 'acct-police', now: 2 });

    expect(updates).toHaveLength(1);
    // the notes lose the four characters typed since, and nothing else is rewritten
    expect(deltas).toEqual([[{ retain: 3 }, { delete: 4 }]]);
    expect(reading(file.doc)).toEqual(reading(before));
    // and the history before it is still there: a replica that never saw the restore merges with it
    const replica = copyOf(before);
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(file.doc));
    expect(reading(replica)).toEqual(reading(file.doc));
  });

  it('C-RESTORE-1: the timeline is never cut; a step the version had and the case lacks is appended again', () => {
    const file = fullCase();
    const before = copyOf(file.doc);
    const timeline = new CaseTimeline(file.doc);
    timeline.record(visit);
    // a step gone from the array (as a client the guard did not stop could do)
    file.doc.getArray('timeline').delete(0, 1);
    expect(timeline.events.map((step) => step.id)).toEqual([visit.id]);

    restoreCase(file.doc, before, { at: 1, by: 'acct-centre', now: 2 });

    expect(timeline.events.map((step) => step.id)).toEqual([visit.id, registered.id]);
    expect(timeline.events).toContainEqual(registered);
  });

  it('H-RESTORE-1: only the town agencies and administrators may see a case as it was and restore it', () => {
    expect(roles.filter(mayRestore)).toEqual(['admin', 'governanceCentre', 'judicialOffice', 'policePost']);
  });
});
