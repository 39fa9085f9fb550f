import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocStore, KeptHistory, KeptMoment, StoredRow } from './doc-store.ts';

/** How long compaction keeps what it merged, unless configured (`SNAPSHOT_RETENTION_DAYS`). */
export const defaultRetentionDays = 365;
export const dayMs = 24 * 60 * 60 * 1000;

/**
 * What compaction keeps of the rows it merges (SPEC S-SNAP-1): the rows replayed in order into a document that
 * keeps what is deleted, with a Yjs snapshot (state vector and deletions, a few bytes) after each save. Rows saved
 * together are one moment; a row with no time (an earlier snapshot, a row older than times) is part of the state
 * the next moment starts from and is no moment of its own.
 */
export function keepHistory(rows: readonly StoredRow[]): KeptHistory {
  const doc = new Y.Doc({ gc: false });
  const moments: KeptMoment[] = [];
  rows.forEach((row, i) => {
    Y.applyUpdate(doc, row.update);
    const next = rows[i + 1];
    if (row.at !== null && next?.at !== row.at) {
      moments.push({ at: row.at, snapshot: Y.encodeSnapshot(Y.snapshot(doc)) });
    }
  });
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

/** The times of the saves among the current rows, each a moment the document can be read at. */
export function rowMoments(rows: readonly StoredRow[]): number[] {
  const times = new Set<number>();
  for (const row of rows) if (row.at !== null) times.add(row.at);
  return [...times];
}

/** The document as it was right after the save at `at`, from the current rows; null when no row has that time. */
export function docFromRows(rows: readonly StoredRow[], at: number): Y.Doc | null {
  if (!rows.some((row) => row.at === at)) return null;
  const doc = new Y.Doc();
  // the rows up to and with the last one saved at `at`: rows are kept in the order they were saved
  const last = rows.findLastIndex((row) => row.at === at);
  for (const row of rows.slice(0, last + 1)) Y.applyUpdate(doc, row.update);
  return doc;
}

/**
 * Every moment a document can be read at, newest first (SPEC S-SNAP-2): those compaction kept, and the saves of
 * the rows since.
 */
export async function versionTimes(store: DocStore, name: DocName): Promise<number[]> {
  const [kept, rows] = await Promise.all([store.keptMoments(name), store.rows(name)]);
  return [...new Set([...kept, ...rowMoments(rows)])].sort((a, b) => b - a);
}

/** The document as it was at the moment `at`, or null when no moment of it is kept at that time. */
export async function versionAt(store: DocStore, name: DocName, at: number): Promise<Y.Doc | null> {
  const fromRows = docFromRows(await store.rows(name), at);
  if (fromRows) return fromRows;
  const kept = await store.keptMoment(name, at);
  return kept ? docFromKept(kept.history, kept.snapshot) : null;
}
