import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changedFields } from './changed-fields.ts';

function fieldsOf(doc: Y.Doc, change: () => void): string[] {
  let seen: string[] = [];
  const listen = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    seen = changedFields(doc, transaction);
  };
  doc.on('update', listen);
  doc.transact(change);
  doc.off('update', listen);
  return seen;
}

describe('the fields an edit touched', () => {
  it('A-ATTR-1: names texts by their field and map keys as field.key', () => {
    const doc = new Y.Doc();
    const fields = fieldsOf(doc, () => {
      doc.getText('notes').insert(0, '调解');
      doc.getMap('case').set('village', 'hongyan');
      doc.getMap('case').set('level', 'town');
    });
    expect(fields).toEqual(['case.level', 'case.village', 'notes']);
  });

  it('A-ATTR-1: a deletion counts, and a change deep inside a field counts as that field', () => {
    const doc = new Y.Doc();
    doc.getText('title').insert(0, '土地纠纷');
    const timeline = new Y.Array<Y.Map<string>>();
    doc.getMap('case').set('timeline', timeline);
    const entry = new Y.Map<string>();
    timeline.push([entry]);
    expect(fieldsOf(doc, () => doc.getText('title').delete(0, 2))).toEqual(['title']);
    expect(fieldsOf(doc, () => entry.set('outcome', '达成协议'))).toEqual(['case']);
  });

  it('A-ATTR-1, C-HIST-1: the field log written beside a field is not named; written alone, it is', () => {
    const doc = new Y.Doc();
    const log = doc.getArray<unknown>('fieldLog');
    const entry = { id: '0123456789abcdef', field: 'village', value: 'hongyan', at: 1, by: null };
    expect(
      fieldsOf(doc, () => {
        doc.getMap('case').set('village', 'hongyan');
        log.push([entry]);
      }),
    ).toEqual(['case.village']);
    expect(fieldsOf(doc, () => log.push([entry]))).toEqual(['fieldLog']);
  });
});
