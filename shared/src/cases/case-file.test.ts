import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { VillageId } from '../org/jurisdiction.ts';
import type { CaseSource } from './case-source.ts';
import { docName } from '../sync/doc-name.ts';
import {
  CaseFile,
  caseSchemaVersion,
  localEditOrigin,
  newCaseId,
  type CaseId,
  type NewCaseFile,
} from './case-file.ts';

const jiangting = 'jiangting' as VillageId;
const hongyan = 'hongyan' as VillageId;

const forestCase: NewCaseFile = {
  id: 'k7m2p9q4r8s3t6v5' as CaseId,
  title: '两户之间后山林地界线纠纷',
  village: jiangting,
  disputeType: 'forestLandBoundary',
  createdAt: Date.UTC(2025, 2, 14, 9, 30),
};

function createdCase(init: NewCaseFile = forestCase): CaseFile {
  const caseFile = new CaseFile(new Y.Doc());
  caseFile.create(init);
  return caseFile;
}

/** A second replica of `source`'s document, as another device would have it after syncing. */
function replicaOf(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

/** Sends each document what the other has, both ways, as a sync would. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

describe('newCaseId', () => {
  it('S-DOC-2: a new case id is 16 characters of a 32-letter URL-safe alphabet and makes a valid name', () => {
    const ids = Array.from({ length: 1000 }, () => newCaseId());
    for (const id of ids) {
      expect(id).toMatch(/^[a-km-np-z2-9]{16}$/);
      expect(docName('case', id)).toBe(`case:${id}`);
    }
    // every letter of the alphabet turns up: 5 bits a character, 80 bits an id
    expect(new Set(ids.join('')).size).toBe(32);
  });

  it('S-DOC-2: new case ids do not repeat', () => {
    expect(new Set(Array.from({ length: 1000 }, () => newCaseId())).size).toBe(1000);
  });
});

describe('CaseFile', () => {
  it('C-DOC-1: an empty document holds no case and its summary guesses nothing', () => {
    const caseFile = new CaseFile(new Y.Doc());
    expect(caseFile.exists).toBe(false);
    expect(caseFile.summary()).toEqual({
      id: null,
      title: '',
      village: null,
      disputeType: null,
      source: null,
      createdAt: null,
      grid: null,
      level: 'village',
      leaders: [],
      departments: [],
      newerSchema: false,
    });
  });

  it('C-DOC-1: a created case reads back everything it was created with', () => {
    const caseFile = createdCase();
    expect(caseFile.exists).toBe(true);
    expect(caseFile.title).toBe('两户之间后山林地界线纠纷');
    expect(caseFile.notes.toString()).toBe('');
    expect(caseFile.summary()).toEqual({
      id: forestCase.id,
      title: forestCase.title,
      village: jiangting,
      disputeType: 'forestLandBoundary',
      source: null,
      createdAt: forestCase.createdAt,
      grid: null,
      level: 'village',
      leaders: [],
      departments: [],
      newerSchema: false,
    });
  });

  it('C-DOC-6: a case records how it came to light, its first party and what happened, in one transaction', () => {
    const caseFile = new CaseFile(new Y.Doc());
    let transactions = 0;
    caseFile.doc.on('afterTransaction', () => transactions++);
    caseFile.create({
      ...forestCase,
      source: 'policeCallOut',
      by: 'acct-grid',
      firstParty: { name: '李某', village: 'jiangting', contact: '13800000000', role: 'applicant' },
      whatHappened: '  两户因林地界桩争吵,派出所出警  ',
    });
    expect(transactions).toBe(1);
    expect(caseFile.summary().source).toBe('policeCallOut');
    expect(caseFile.parties).toMatchObject([{ name: '李某', contact: '13800000000', role: 'applicant' }]);
    expect(caseFile.notes.toString()).toBe('两户因林地界桩争吵,派出所出警');
    expect(caseFile.fieldHistory('source')).toMatchObject([{ value: 'policeCallOut', by: 'acct-grid' }]);
    caseFile.setSource('walkIn', 'acct-cadre');
    expect(caseFile.summary().source).toBe('walkIn');
    expect(caseFile.register('source').heads).toHaveLength(1);
  });

  it('C-DOC-6: an unknown source is refused before anything is written, and one stored reads as unknown', () => {
    const caseFile = new CaseFile(new Y.Doc());
    expect(() => caseFile.create({ ...forestCase, source: 'rumour' as unknown as CaseSource })).toThrow(
      /source/,
    );
    expect(caseFile.exists).toBe(false);
    const stored = createdCase();
    stored.doc.getMap('case').set('source', 'rumour');
    expect(stored.summary().source).toBeNull();
  });

  it('C-DOC-6, C-REG-1: two offline writers of the source both keep their value until one is kept', () => {
    const a = createdCase({ ...forestCase, source: 'visit' });
    const b = new CaseFile(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.setSource('hotline12345', 'acct-a');
    b.setSource('gridReport', 'acct-b');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.conflicts).toEqual(['source']);
    expect(
      a
        .register('source')
        .values.map((v) => v.value)
        .sort(),
    ).toEqual(['gridReport', 'hotline12345']);
    expect(a.summary().source).toBe(b.summary().source);
  });

  it('C-DOC-1: creating writes the current schema version under the stored field names', () => {
    const caseFile = createdCase();
    const fields = caseFile.doc.getMap('case');
    expect(fields.get('schemaVersion')).toBe(caseSchemaVersion);
    expect(fields.get('id')).toBe(forestCase.id);
    expect(fields.get('title')).toBe(forestCase.title);
    expect(caseFile.notes).toBe(caseFile.doc.getText('notes'));
  });

  it('C-DOC-2: creating is one transaction, made as a local edit', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
    new CaseFile(doc).create(forestCase);
    expect(origins).toEqual([localEditOrigin]);
  });

  it('C-DOC-2: a case cannot be created twice in one document', () => {
    const caseFile = createdCase();
    expect(() => caseFile.create({ ...forestCase, title: 'another' })).toThrow(/already exists/);
    expect(caseFile.title).toBe(forestCase.title);
  });

  it('C-DOC-2: opening and reading an empty document writes nothing into it', () => {
    const doc = new Y.Doc();
    let updates = 0;
    doc.on('update', () => updates++);
    const caseFile = new CaseFile(doc);
    caseFile.observe(() => undefined);
    expect(caseFile.exists).toBe(false);
    caseFile.summary();
    expect(caseFile.title).toBe('');
    expect(updates).toBe(0);
  });

  it('C-DOC-2: a replica that opened the case empty does not double it when the creation arrives', () => {
    const empty = new CaseFile(new Y.Doc());
    empty.summary();
    const created = createdCase();
    exchange(empty.doc, created.doc);
    expect(empty.summary()).toEqual(created.summary());
    expect(empty.title).toBe(forestCase.title);
  });

  it('C-DOC-1: a case is seen as existing by another view of the same document', () => {
    const caseFile = createdCase();
    const other = new CaseFile(caseFile.doc);
    expect(other.exists).toBe(true);
    expect(other.summary()).toEqual(caseFile.summary());
  });

  it('C-DOC-1: setters change the title, village and dispute type', () => {
    const caseFile = createdCase();
    caseFile.setTitle('两户之间后山林地界线纠纷(已调解)');
    caseFile.setVillage(hongyan);
    caseFile.setDisputeType('land');
    expect(caseFile.summary()).toMatchObject({
      title: '两户之间后山林地界线纠纷(已调解)',
      village: hongyan,
      disputeType: 'land',
      id: forestCase.id,
      createdAt: forestCase.createdAt,
    });
  });

  it('C-DOC-1: setters are local edits, so undo tracks them', () => {
    const caseFile = createdCase();
    const undo = new Y.UndoManager([caseFile.doc.getMap('case'), caseFile.doc.getArray('fieldLog')], {
      trackedOrigins: new Set([localEditOrigin]),
    });
    caseFile.setTitle('改过的标题');
    caseFile.setVillage(hongyan);
    undo.undo();
    expect(caseFile.summary()).toMatchObject({ title: forestCase.title, village: jiangting });
  });

  it('C-DOC-1: values this version cannot read come back as null, not as a guess', () => {
    const caseFile = createdCase();
    const fields = caseFile.doc.getMap('case');
    const later = Date.now() + 1_000;
    caseFile.doc.getArray('fieldLog').push([
      { id: 'unreadable-village', field: 'village', value: 'atlantis', at: later, by: null, seen: [] },
      { id: 'unreadable-type-01', field: 'disputeType', value: 'piracy', at: later, by: null, seen: [] },
    ]);
    fields.set('village', 'atlantis');
    fields.set('disputeType', 'piracy');
    fields.set('createdAt', '2025-03-14');
    fields.set('id', 42);
    expect(caseFile.summary()).toMatchObject({ id: null, village: null, disputeType: null, createdAt: null });
    expect(caseFile.exists).toBe(false);
  });

  it('C-DOC-1: observe reports changes to the fields, the title and the notes, until stopped', () => {
    const caseFile = createdCase();
    let calls = 0;
    const stop = caseFile.observe(() => calls++);

    caseFile.setVillage(hongyan);
    expect(calls).toBe(1);
    caseFile.setTitle('新标题');
    expect(calls).toBe(2);
    caseFile.notes.insert(0, '三月十四日第一次调解');
    expect(calls).toBe(3);

    stop();
    caseFile.setDisputeType('land');
    caseFile.setTitle('再改');
    caseFile.notes.insert(0, '!');
    expect(calls).toBe(3);
  });

  it('C-DOC-1: observe reports an edit that arrives from another device', () => {
    const caseFile = createdCase();
    const remote = new CaseFile(replicaOf(caseFile.doc));
    let calls = 0;
    caseFile.observe(() => calls++);
    remote.setTitle('来自另一台设备');
    exchange(remote.doc, caseFile.doc);
    expect(calls).toBeGreaterThan(0);
    expect(caseFile.summary().title).toBe('来自另一台设备');
  });

  it('C-DOC-2, C-REG-2: two devices rewriting the title at once keep both titles, never glued together', () => {
    const a = createdCase({ ...forestCase, title: 'Boundary dispute' });
    const b = new CaseFile(replicaOf(a.doc));

    a.setTitle('Forest boundary dispute');
    b.setTitle('Boundary dispute at Jiangting');
    exchange(a.doc, b.doc);

    expect(['Forest boundary dispute', 'Boundary dispute at Jiangting']).toContain(a.summary().title);
    expect(b.summary()).toEqual(a.summary());
    expect(a.conflicts).toEqual(['title']);
    expect(
      a
        .register('title')
        .values.map((change) => change.value)
        .sort(),
    ).toEqual(['Boundary dispute at Jiangting', 'Forest boundary dispute']);
  });

  it('C-DOC-2: concurrent edits of different fields and the notes all survive the merge', () => {
    const a = createdCase();
    const b = new CaseFile(replicaOf(a.doc));

    a.setVillage(hongyan);
    a.notes.insert(0, '甲方:');
    b.setDisputeType('land');
    b.notes.insert(0, '乙方:');
    exchange(a.doc, b.doc);

    expect(a.summary()).toMatchObject({ village: hongyan, disputeType: 'land' });
    expect(b.summary()).toEqual(a.summary());
    const notes = a.notes.toString();
    expect(notes).toBe(b.notes.toString());
    expect(notes).toContain('甲方:');
    expect(notes).toContain('乙方:');
  });

  it('C-DOC-2: two devices setting the same field converge on one of the two values', () => {
    const a = createdCase();
    const b = new CaseFile(replicaOf(a.doc));
    a.setDisputeType('land');
    b.setDisputeType('neighbours');
    exchange(a.doc, b.doc);
    expect(a.summary().disputeType).toBe(b.summary().disputeType);
    expect(['land', 'neighbours']).toContain(a.summary().disputeType);
  });

  it('C-DOC-2: updates applied in either order give the same case', () => {
    const base = createdCase();
    const a = new CaseFile(replicaOf(base.doc));
    const b = new CaseFile(replicaOf(base.doc));
    const before = Y.encodeStateVector(base.doc);
    a.setTitle('林地纠纷');
    b.notes.insert(0, '记录');
    const updateA = Y.encodeStateAsUpdate(a.doc, before);
    const updateB = Y.encodeStateAsUpdate(b.doc, before);

    const first = new CaseFile(replicaOf(base.doc));
    Y.applyUpdate(first.doc, updateA);
    Y.applyUpdate(first.doc, updateB);
    const second = new CaseFile(replicaOf(base.doc));
    Y.applyUpdate(second.doc, updateB);
    Y.applyUpdate(second.doc, updateA);

    expect(second.summary()).toEqual(first.summary());
    expect(second.notes.toString()).toBe(first.notes.toString());
    expect(first.summary().title).toBe('林地纠纷');
    expect(first.notes.toString()).toBe('记录');
  });

  it('C-DOC-3: a case written by a newer schema version is flagged', () => {
    const caseFile = createdCase();
    caseFile.doc.getMap('case').set('schemaVersion', caseSchemaVersion + 1);
    expect(caseFile.summary().newerSchema).toBe(true);
    // still shown: what this version can read is read
    expect(caseFile.summary()).toMatchObject({
      id: forestCase.id,
      title: forestCase.title,
      village: jiangting,
    });
  });

  it('C-DOC-3: the flag travels to another device, which reads the case without rewriting it', () => {
    const newer = new Y.Doc();
    newer.transact(() => {
      const fields = newer.getMap('case');
      fields.set('schemaVersion', caseSchemaVersion + 1);
      fields.set('id', forestCase.id);
      fields.set('layout', { sections: [] });
    });
    newer.getText('title').insert(0, '新版本写的案件');
    const here = new CaseFile(replicaOf(newer));
    let updates = 0;
    here.doc.on('update', () => updates++);
    expect(here.exists).toBe(true);
    expect(here.summary()).toMatchObject({ newerSchema: true, title: '新版本写的案件', id: forestCase.id });
    // reading it neither rewrites it nor drops what this version does not understand
    expect(updates).toBe(0);
    expect(here.doc.getMap('case').get('layout')).toEqual({ sections: [] });
  });

  it('C-DOC-3: a case of this schema version, or of none, is not flagged', () => {
    expect(createdCase().summary().newerSchema).toBe(false);
    const unversioned = new CaseFile(new Y.Doc());
    unversioned.doc.getMap('case').set('id', 'x');
    expect(unversioned.summary().newerSchema).toBe(false);
  });
});

describe('grids', () => {
  it('C-DOC-5: a case is placed in a grid of its own village; a grid of another village is refused', () => {
    const doc = new Y.Doc();
    const caseFile = new CaseFile(doc);
    caseFile.create({
      id: 'gridcase' as CaseId,
      title: '网格员入户发现',
      village: 'jiangting' as VillageId,
      disputeType: 'neighbours',
      createdAt: 1,
    });
    caseFile.setGrid('jiangting-2', 'grid1');
    expect(caseFile.summary().grid).toBe('jiangting-2');
    expect(() => caseFile.setGrid('hongyan-1')).toThrow(/no grid/);
    expect(caseFile.summary().grid).toBe('jiangting-2');
    // moved to another village, the old grid no longer applies
    caseFile.setVillage('hongyan' as VillageId);
    expect(caseFile.summary().grid).toBeNull();
    expect(caseFile.fieldHistory('grid').map((c) => c.value)).toEqual(['jiangting-2']);
  });

  it('W-GRID-1, C-DOC-2: a case recorded in a grid is created with it in one transaction, its history opened by it', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const init = {
      id: 'gridcase' as CaseId,
      title: '网格员入户发现',
      village: 'jiangting' as VillageId,
      disputeType: 'neighbours' as const,
      createdAt: 1,
      by: 'demo-grid1',
    };
    const caseFile = new CaseFile(doc);
    caseFile.create({ ...init, grid: 'jiangting-1' });
    expect(updates).toHaveLength(1);
    expect(caseFile.summary().grid).toBe('jiangting-1');
    expect(caseFile.fieldHistory('grid')).toMatchObject([{ value: 'jiangting-1', by: 'demo-grid1' }]);

    // a grid of another village creates nothing
    const other = new CaseFile(new Y.Doc());
    expect(() => other.create({ ...init, grid: 'hongyan-1' })).toThrow(/no grid/);
    expect(other.exists).toBe(false);
    // none named: no grid, and none in the history
    const plain = new CaseFile(new Y.Doc());
    plain.create({ ...init, grid: null });
    expect(plain.summary().grid).toBeNull();
    expect(plain.fieldHistory('grid')).toEqual([]);
  });
});
