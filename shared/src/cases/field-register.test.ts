import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VillageId } from '../org/jurisdiction.ts';
import { CaseFile, caseSchemaVersion } from './case-file.ts';
import { caseV1Update } from './case-v1.fixture.ts';
import { fieldLogKey, type FieldChange } from './field-log.ts';
import { registerConflicts, registerState } from './field-register.ts';
import { created, device, exchange, replicaOf, send } from './field-register.fixtures.ts';

/**
 * A case as the version before registers wrote it: the title co-edited in a Y.Text, the scalars in the `case`
 * map, their log entries without `seen`. Built by hand, as that code's `create` and setters did.
 */
function legacyCase(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const fields = doc.getMap('case');
    fields.set('schemaVersion', 1);
    fields.set('id', 'legacycase000001');
    fields.set('village', 'jiangting');
    fields.set('disputeType', 'land');
    fields.set('createdAt', 1_000);
    doc.getText('title').insert(0, '张某宅基地纠纷');
    doc.getArray(fieldLogKey).push([
      { id: 'legacy-village-1', field: 'village', value: 'jiangting', at: 1_000, by: 'acct-grid' },
      { id: 'legacy-type-0001', field: 'disputeType', value: 'land', at: 1_000, by: 'acct-grid' },
    ]);
  });
  doc.transact(() => {
    doc.getMap('case').set('village', 'hongyan');
    doc
      .getArray(fieldLogKey)
      .push([{ id: 'legacy-village-2', field: 'village', value: 'hongyan', at: 2_000, by: 'acct-cadre' }]);
    // the old title binding's ranged edit
    doc.getText('title').insert(2, '、李某');
  });
  return doc;
}

const change = (id: string, value: string, at: number, seen?: string[]): FieldChange => ({
  id,
  field: 'title',
  value,
  at,
  by: null,
  ...(seen === undefined ? {} : { seen }),
});

describe('registers', () => {
  it('C-REG-1: a rewrite sets the case map and one log entry that saw the value standing, in one transaction', () => {
    const time = { now: 1_000 };
    const caseFile = created(time);
    const before = caseFile.register('title').current;
    time.now = 2_000;
    let transactions = 0;
    caseFile.doc.on('afterTransaction', () => transactions++);
    caseFile.setTitle('王某与刘某山林地界纠纷(复查)', 'acct-judicial');
    expect(transactions).toBe(1);
    expect(caseFile.doc.getMap('case').get('title')).toBe('王某与刘某山林地界纠纷(复查)');
    const written = caseFile.fieldHistory('title').at(-1);
    expect(written).toMatchObject({ value: '王某与刘某山林地界纠纷(复查)', by: 'acct-judicial', at: 2_000 });
    expect(written?.seen).toEqual([before?.id]);
    // the text the title was once co-edited in is left alone
    expect(caseFile.doc.getText('title').length).toBe(0);
    expect(caseFile.summary().title).toBe('王某与刘某山林地界纠纷(复查)');
    expect(caseFile.conflicts).toEqual([]);
  });

  it('C-REG-1: a case written before registers reads its title from the text and its scalars as logged', () => {
    const doc = legacyCase();
    const caseFile = new CaseFile(doc);
    let updates = 0;
    doc.on('update', () => updates++);
    expect(caseFile.summary()).toMatchObject({
      title: '张某、李某宅基地纠纷',
      village: 'hongyan',
      disputeType: 'land',
    });
    // a log written before registers is a line of values, each replacing the one before: no conflict
    expect(caseFile.conflicts).toEqual([]);
    expect(caseFile.register('village').heads.map((head) => head.id)).toEqual(['legacy-village-2']);
    // reading rewrites nothing
    expect(updates).toBe(0);
  });

  it('C-REG-1, C-DOC-3: the first rewrite of an old case’s title makes it a register, and the case this version’s', () => {
    const doc = legacyCase();
    const caseFile = new CaseFile(doc, { now: () => 3_000 });
    caseFile.setTitle('张某、李某宅基地纠纷(已调解)', 'acct-cadre');
    expect(caseFile.summary()).toMatchObject({ title: '张某、李某宅基地纠纷(已调解)', newerSchema: false });
    expect(doc.getMap('case').get('schemaVersion')).toBe(caseSchemaVersion);
    expect(doc.getText('title').toString()).toBe('张某、李某宅基地纠纷');
    // a village rewritten over the old log has seen its last value
    caseFile.setVillage('pingzhai' as VillageId, 'acct-cadre');
    expect(caseFile.fieldHistory('village').at(-1)?.seen).toEqual(['legacy-village-2']);
    expect(caseFile.conflicts).toEqual([]);
    // a device still on version 1 reads the case as newer than itself, so it writes nothing there
    expect(caseSchemaVersion).toBeGreaterThan(1);
  });

  it('C-REG-1: a document stored by version 1 reads as it did, and its first title rewrite is a register', () => {
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Buffer.from(caseV1Update, 'base64'));
    const old = new CaseFile(stored, { now: () => 1_700_000_300_000 });
    let updates = 0;
    stored.on('update', () => updates++);
    // what version 1 showed: the glued title, the village its merge kept, no grid of that village
    expect(old.summary()).toMatchObject({
      id: 'legacyv1case0001',
      title: '警务室改的标题司法所改的标题',
      village: 'pingzhai',
      grid: null,
      disputeType: 'forestLandBoundary',
      newerSchema: false,
    });
    expect(old.conflicts).toEqual([]);
    expect(old.fieldHistory('village').map(({ value }) => value)).toEqual([
      'jiangting',
      'hongyan',
      'pingzhai',
    ]);
    expect(updates).toBe(0);

    // someone mends the title: one write, a register from now on, the old text left as it was
    const mended = new CaseFile(replicaOf(stored), { now: () => 1_700_000_300_000 });
    mended.setTitle('王某与刘某山林地界纠纷', 'demo-judicial1');
    expect(mended.summary()).toMatchObject({ title: '王某与刘某山林地界纠纷', newerSchema: false });
    expect(mended.doc.getText('title').toString()).toBe('警务室改的标题司法所改的标题');
    expect(mended.doc.getMap('case').get('schemaVersion')).toBe(caseSchemaVersion);
    // and a replica still holding the old document takes it in as it is
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(mended.doc, Y.encodeStateVector(stored)));
    expect(old.summary()).toEqual(mended.summary());
  });

  it('C-REG-2: two titles written at once are both kept, one shown by time then id, never glued together', () => {
    const base = created({ now: 1_000 });
    const police = device(replicaOf(base.doc), 'police', { now: 2_000 });
    const judicial = device(replicaOf(base.doc), 'judicial', { now: 2_500 });
    police.setTitle('警务室改的标题', 'acct-police');
    judicial.setTitle('司法所改的标题', 'acct-judicial');
    exchange(police.doc, judicial.doc);

    for (const caseFile of [police, judicial]) {
      expect(caseFile.summary().title).toBe('司法所改的标题');
      expect(caseFile.conflicts).toEqual(['title']);
      expect(caseFile.register('title').values.map(({ value, by }) => [value, by])).toEqual([
        ['司法所改的标题', 'acct-judicial'],
        ['警务室改的标题', 'acct-police'],
      ]);
    }
    expect(registerConflicts(police.doc)).toEqual(['title']);
  });

  it('C-REG-2: a title that arrives while someone types theirs is flagged beside it, not replaced unseen', () => {
    const base = created({ now: 1_000 });
    const office = device(replicaOf(base.doc), 'office', { now: 2_000 });
    const police = device(replicaOf(base.doc), 'police', { now: 2_500 });
    // the office starts typing from the title it sees; the police post's rewrite arrives meanwhile
    const basis = office.register('title').heads.map((head) => head.id);
    police.setTitle('警务室改的标题', 'acct-police');
    send(police.doc, office.doc);
    office.setTitle('司法所改的标题', 'acct-judicial', basis);
    expect(office.conflicts).toEqual(['title']);
    // without a basis, the write is made over what stands now: no conflict
    const later = device(office.doc, 'later', { now: 3_000 });
    later.setTitle('王某与刘某山林地界纠纷(复查)');
    expect(later.conflicts).toEqual([]);
  });

  it('C-REG-2: the same value written at once on two devices is no conflict', () => {
    const base = created({ now: 1_000 });
    const a = device(replicaOf(base.doc), 'a', { now: 2_000 });
    const b = device(replicaOf(base.doc), 'b', { now: 2_100 });
    a.setDisputeType('land');
    b.setDisputeType('land');
    exchange(a.doc, b.doc);
    expect(a.register('disputeType').heads).toHaveLength(2);
    expect(a.conflicts).toEqual([]);
    expect(a.summary().disputeType).toBe('land');
  });

  it('C-REG-2: heads are what no write has seen; an old entry replaces everything before it by time', () => {
    const state = registerState([
      change('first-000', 'a', 1, []),
      change('second-00', 'b', 2, ['first-000']),
      change('third-000', 'c', 2, ['first-000']),
    ]);
    expect(state.heads.map((head) => head.id)).toEqual(['second-00', 'third-000']);
    expect(state.current?.value).toBe('c');
    expect(state.values.map((value) => value.value)).toEqual(['c', 'b']);
    const afterOld = registerState([...state.heads, change('old-writer', 'd', 3)]);
    expect(afterOld.heads.map((head) => head.id)).toEqual(['old-writer']);
    // the order they arrive in changes nothing
    expect(registerState([...state.heads].reverse())).toEqual(registerState(state.heads));
  });

  it('C-REG-3: keeping one value clears the conflict on every device once the write arrives', () => {
    const base = created({ now: 1_000 });
    const police = device(replicaOf(base.doc), 'police', { now: 2_000 });
    const judicial = device(replicaOf(base.doc), 'judicial', { now: 2_500 });
    police.setVillage('hongyan' as VillageId, 'acct-police');
    judicial.setVillage('pingzhai' as VillageId, 'acct-judicial');
    exchange(police.doc, judicial.doc);
    expect(police.summary().village).toBe('pingzhai');

    const kept = police.register('village').values.find((value) => value.value === 'hongyan');
    if (!kept) throw new Error('the police post’s value is not standing');
    police.resolve('village', kept.id, 'acct-police');
    expect(police.conflicts).toEqual([]);
    expect(judicial.conflicts).toEqual(['village']);
    exchange(police.doc, judicial.doc);
    for (const caseFile of [police, judicial]) {
      expect(caseFile.conflicts).toEqual([]);
      expect(caseFile.summary().village).toBe('hongyan');
      expect(caseFile.doc.getMap('case').get('village')).toBe('hongyan');
    }
    // a value that no longer stands cannot be kept
    expect(() => police.resolve('village', 'no-such-change', 'acct-police')).toThrow(/no standing value/);
  });

  it('C-REG-3: two people keeping different values at once leave a conflict, shown alike everywhere', () => {
    const base = created({ now: 1_000 });
    const a = device(replicaOf(base.doc), 'a', { now: 2_000 });
    const b = device(replicaOf(base.doc), 'b', { now: 2_000 });
    a.setTitle('甲');
    b.setTitle('乙');
    exchange(a.doc, b.doc);
    const [first, second] = a.register('title').values;
    if (!first || !second) throw new Error('no conflict to resolve');
    a.resolve('title', first.id);
    b.resolve('title', second.id);
    exchange(a.doc, b.doc);
    expect(a.conflicts).toEqual(['title']);
    expect(b.register('title')).toEqual(a.register('title'));
  });
});
