import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { covers, stepItemIds } from './step-items.ts';

const step = (id: string) => ({ id, kind: 'visit', at: 0, by: 'someone' });

describe('stepItemIds', () => {
  it('W-RECEIPT-1: a step the server acknowledged is told apart from one recorded after, step by step', () => {
    const phone = new Y.Doc();
    const timeline = phone.getArray<unknown>('timeline');
    timeline.push([step('a'), step('b')]);
    const acknowledged = Y.decodeStateVector(Y.encodeStateVector(phone));
    timeline.push([step('c')]);
    // another device's step, merged in, that the server had before this phone heard of it
    const office = new Y.Doc();
    Y.applyUpdate(office, Y.encodeStateAsUpdate(phone));
    office.getArray<unknown>('timeline').push([step('d')]);
    const officeSaved = Y.decodeStateVector(Y.encodeStateVector(office));
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(office));

    const ids = stepItemIds(timeline);
    const onServer = (id: string, saved: ReadonlyMap<number, number>) => {
      const item = ids.get(id);
      if (!item) throw new Error(`no step ${id}`);
      return covers(saved, item);
    };
    expect([...ids.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(['a', 'b', 'c'].map((id) => onServer(id, acknowledged))).toEqual([true, true, false]);
    expect(['a', 'b', 'c', 'd'].map((id) => onServer(id, officeSaved))).toEqual([true, true, true, true]);
  });

  it('W-RECEIPT-1: values that are not steps are left out', () => {
    const doc = new Y.Doc();
    doc.getArray<unknown>('timeline').push([42, { kind: 'visit' }, step('x')]);
    expect([...stepItemIds(doc.getArray('timeline')).keys()]).toEqual(['x']);
  });
});
