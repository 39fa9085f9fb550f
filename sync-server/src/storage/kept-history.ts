import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocStore, KeptHistory, KeptMoment, Moment, StoredRow } from './doc-store.ts';

/** How long compaction keeps what it merged, unless configured (`SNAPSHOT_RETENTION_DAYS`). */
export const defaultRetentionDays = 365;
export const dayMs = 24 * 60 * 60 * 1000;

/**
 * The moments among `rows`, oldest first: right after each stored update, named by its row's clock. A row with no
 * time (an earlier compaction's snapshot, a row older than times) is part of the state the next moment starts
 * from, and no moment of its own.
 */
export function rowMoments(rows: readonly StoredRow[]): Moment[] {
  const moments: Moment[] = [];
  for (const row of rows) if (row.at !== null) moments.push({ clock: row.clock, at: row.at });
  return moments;
}

/**
 * What compaction keeps of the rows it merges (SPEC S-SNAP-1): the rows replayed in order into a document that
 * keeps what is deleted, with a Yjs snapshot (state vector and deletions, a few bytes) after each of them.
 */
export function keepHistory(rows: readonly StoredRow[]): KeptHistory {
  const doc = new Y.Doc({ gc: false });
  const timed = new Map(rowMoments(rows).map((moment) => [moment.clock, moment]));
  const moments: KeptMoment[] = [];
  for (const row of rows) {
    Y.applyUpdate(doc, row.update);
    const moment = timed.get(row.clock);
    if (moment) moments.push({ ...moment, snapshot: Y.encodeSnapshot(Y.snapshot(doc)) });
  }
  const history = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { history, moments };
}

/** The document as it was at a kept moment: its history read up to the moment's snapshot. */
export function docFromKept(history: Uint8Array, snapshot: Uint8Array): Y.Doc {
  const past = new Y.Doc({ gc: false });
  Y.applyUpdate(past, history);
  const view = Y.createDocFromSnapshot(past, Y.decodeSnapshot(snapshot));
  past.destroy();
  return view;
}

/** The document as it was right after the row of `clock` was stored, from the current rows; null if none was. */
export function docFromRows(rows: readonly StoredRow[], clock: number): { doc: Y.Doc; at: number } | null {
  const moment = rowMoments(rows).find((m) => m.clock === clock);
  if (!moment) return null;
  const doc = new Y.Doc();
  for (const row of rows) if (row.clock <= clock) Y.applyUpdate(doc, row.update);
  return { doc, at: moment.at };
}

/**
 * Every moment a document can be read at, newest first (SPEC S-SNAP-2): those compaction kept, and the rows
 * stored since.
 */
export async function versionsOf(store: DocStore, name: DocName): Promise<Moment[]> {
  const [kept, rows] = await Promise.all([store.keptMoments(name), store.rows(name)]);
  const byClock = new Map<number, Moment>();
  for (const moment of [...kept, ...rowMoments(rows)]) byClock.set(moment.clock, moment);
  return [...byClock.values()].sort((a, b) => b.clock - a.clock);
}

/** The document as it was at the moment of `clock`, with its time, or null when no such moment is kept. */
export async function versionAt(
  store: DocStore,
  name: DocName,
  clock: number,
): Promise<{ doc: Y.Doc; at: number } | null> {
  const fromRows = docFromRows(await store.rows(name), clock);
  if (fromRows) return fromRows;
  const kept = await store.keptMoment(name, clock);
  return kept ? { doc: docFromKept(kept.history, kept.snapshot), at: kept.at } : null;
}
