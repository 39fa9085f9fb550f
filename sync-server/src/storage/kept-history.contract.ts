import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName } from '@concord/shared/sync/doc-name.ts';
import type { DocSummary } from '@concord/shared/docs/summary.ts';
import type { DocStore } from './doc-store.ts';
import type { DocStoreFixture } from './doc-store.contract.ts';
import { dayMs, keepHistory, versionAt, versionsOf } from './kept-history.ts';

/**
 * What every {@link DocStore} keeps of the rows compaction merges (SPEC S-SNAP-1, S-SNAP-2), registered beside
 * the main contract from each implementation's test file, on a fresh empty store per test.
 */
export function keptHistoryContract(name: string, makeStore: () => Promise<DocStoreFixture>): void {
  describe(`S-STORE-7: kept history contract: ${name}`, () => {
    let fixture: DocStoreFixture;
    let store: DocStore;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async () => {
      await store.close();
      await fixture.cleanup();
    });

    /** A case whose notes are written at 1000 and 2000 and emptied at 3000, each in a save of its own. */
    async function writeThenEmpty(): Promise<{ doc: Y.Doc; clocks: number[] }> {
      const doc = new Y.Doc();
      const notes = doc.getText('notes');
      const save = (at: number, edit: () => void) =>
        store.append([{ name: caseA, updates: [change(doc, edit)], summary }], at);
      const clocks = [
        await save(1000, () => notes.insert(0, '双方同意')),
        await save(2000, () => notes.insert(4, '赔偿')),
        await save(3000, () => notes.delete(0, notes.length)),
      ];
      return { doc, clocks };
    }

    const notesAt = async (clock: number | undefined) =>
      (await versionAt(store, caseA, clock ?? -1))?.doc.getText('notes').toString() ?? null;

    it('S-SNAP-2: rows come back oldest first with the time of their save; a compaction’s snapshot has none', async () => {
      const { doc, clocks } = await writeThenEmpty();
      const [, second, third] = clocks;
      expect((await store.rows(caseA)).map((row) => row.at)).toEqual([1000, 2000, 3000]);
      expect(await versionsOf(store, caseA)).toEqual(
        [3000, 2000, 1000].map((at, i) => ({ at, clock: clocks[2 - i] })),
      );
      expect(await notesAt(second)).toBe('双方同意赔偿');
      expect((await versionAt(store, caseA, second ?? -1))?.at).toBe(2000);

      await store.compact(caseA, Y.encodeStateAsUpdate(doc), third ?? -1);
      const rows = await store.rows(caseA);
      expect(rows.map((row) => row.at)).toEqual([null]);
      expect(rows[0]?.clock).toBe((await store.load(caseA)).clock);
    });

    it('S-SNAP-2: two saves in the same millisecond are two moments, each named by its own clock', async () => {
      const doc = new Y.Doc();
      const notes = doc.getText('notes');
      const first = await store.append(
        [{ name: caseA, updates: [change(doc, () => notes.insert(0, '甲'))], summary }],
        1000,
      );
      const second = await store.append(
        [{ name: caseA, updates: [change(doc, () => notes.insert(1, '乙'))], summary }],
        1000,
      );
      expect(await versionsOf(store, caseA)).toEqual([
        { clock: second, at: 1000 },
        { clock: first, at: 1000 },
      ]);
      expect(await notesAt(first)).toBe('甲');
    });

    it('S-SNAP-1: compaction keeps every save it merges, newest first, each readable as it was, deletions included', async () => {
      const { doc, clocks } = await writeThenEmpty();
      const [first, second, third] = clocks;
      const kept = keepHistory(await store.rows(caseA));
      await store.compact(caseA, Y.encodeStateAsUpdate(doc), third ?? -1, { kept, at: 4000, pruneBefore: 0 });

      expect(await store.keptMoments(caseA)).toEqual([
        { clock: third, at: 3000 },
        { clock: second, at: 2000 },
        { clock: first, at: 1000 },
      ]);
      expect(await notesAt(first)).toBe('双方同意');
      expect(await notesAt(second)).toBe('双方同意赔偿');
      expect(await notesAt(third)).toBe('');
      expect((await versionAt(store, caseA, second ?? -1))?.at).toBe(2000);
      expect(await store.keptMoment(caseA, 999_999)).toBeNull();
      expect(await store.keptMoment(caseC, second ?? -1)).toBeNull();
      // the live document is the compacted one: the emptied text is kept only in the history
      expect(
        replay(await store.load(caseA))
          .getText('notes')
          .toString(),
      ).toBe('');

      // saves after the compaction are moments too, read from the rows
      const notes = doc.getText('notes');
      const later = await store.append(
        [{ name: caseA, updates: [change(doc, () => notes.insert(0, '重写'))], summary }],
        5000,
      );
      expect((await versionsOf(store, caseA)).map((moment) => moment.at)).toEqual([5000, 3000, 2000, 1000]);
      expect(await notesAt(later)).toBe('重写');
    });

    it('S-SNAP-1: a compaction that fails keeps nothing and leaves the rows as they were', async () => {
      const { clocks } = await writeThenEmpty();
      const kept = keepHistory(await store.rows(caseA));
      // a snapshot that is no bytes at all: every database refuses to store it
      const notBytes = null as unknown as Uint8Array;
      await expect(
        store.compact(caseA, notBytes, clocks[2] ?? -1, { kept, at: 4000, pruneBefore: 0 }),
      ).rejects.toThrow();
      expect(await store.keptMoments(caseA)).toEqual([]);
      expect((await store.rows(caseA)).map((row) => row.at)).toEqual([1000, 2000, 3000]);
    });

    it('S-SNAP-1: histories kept past the retention period are pruned at a later compaction, after it stores its own', async () => {
      const { doc, clocks } = await writeThenEmpty();
      const first = keepHistory(await store.rows(caseA));
      await store.compact(caseA, Y.encodeStateAsUpdate(doc), clocks[2] ?? -1, {
        kept: first,
        at: 10 * dayMs,
        pruneBefore: 0,
      });
      // another document compacted within the period, and kept
      const other = new Y.Doc();
      const otherClock = await store.append(
        [{ name: caseC, updates: [change(other, () => other.getText('notes').insert(0, '别案'))], summary }],
        20 * dayMs,
      );
      await store.compact(caseC, Y.encodeStateAsUpdate(other), otherClock, {
        kept: keepHistory(await store.rows(caseC)),
        at: 20 * dayMs,
        pruneBefore: 0,
      });

      const notes = doc.getText('notes');
      const later = await store.append(
        [{ name: caseA, updates: [change(doc, () => notes.insert(0, '后'))], summary }],
        400 * dayMs,
      );
      await store.compact(caseA, Y.encodeStateAsUpdate(doc), later, {
        kept: keepHistory(await store.rows(caseA)),
        at: 400 * dayMs,
        // what was kept on day 10 goes, what was kept on day 20 stays, whichever document it was of
        pruneBefore: 15 * dayMs,
      });
      expect(await store.keptMoments(caseA)).toEqual([{ clock: later, at: 400 * dayMs }]);
      expect(await notesAt(later)).toBe('后');
      expect(await store.keptMoment(caseA, clocks[1] ?? -1)).toBeNull();
      expect(await store.keptMoments(caseC)).toEqual([{ clock: otherClock, at: 20 * dayMs }]);
    });
  });
}

const caseA = docName('case', 'kept-a');
const caseC = docName('case', 'kept-c');
const summary: DocSummary = {
  kind: 'case',
  title: '张某宅基地纠纷',
  village: 'jiangting',
  facts: { kind: 'case', village: 'jiangting', level: 'village', leaders: [], departments: [] },
  ledger: null,
  meeting: null,
};

/** The one update a change of `doc` makes. */
function change(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on('update', collect);
  doc.transact(edit);
  doc.off('update', collect);
  if (updates.length === 0) throw new Error('the change changed nothing');
  return Y.mergeUpdates(updates);
}

function replay(stored: { updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}
