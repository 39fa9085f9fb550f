import type { DocSummary } from '@concord/shared/docs/summary.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';

export type { DocSummary };

export interface DocListing extends DocSummary {
  name: DocName;
  /** Milliseconds since the epoch of the last stored update. */
  updatedAt: number;
}

export interface StoredDoc {
  /** Updates to apply, in any order: Yjs updates commute. Empty for a document never stored. */
  updates: Uint8Array[];
  /** Position of the newest stored update; {@link DocStore.compact} merges everything up to it. */
  clock: number;
}

/** Who made an update and which fields it touched: the attribution trail, written by the server only. */
export interface DocEdit {
  author: AccountId;
  /** Top-level fields the update changed, e.g. `notes`, `case.village`. */
  fields: string[];
  bytes: number;
}

export interface DocEditRecord extends DocEdit {
  at: number;
}

export interface DocWrite {
  name: DocName;
  updates: Uint8Array[];
  summary: DocSummary;
  /** The attributed edits among `updates` (updates the server made itself have none). */
  edits?: readonly DocEdit[];
  /**
   * When the write happened, if not at the append: a seeded town's cases were last changed in the past, and the
   * ledger shows and sorts by that (SPEC D-DEMO-3). Defaults to the append's time.
   */
  at?: number;
}

/** One stored row of a document's log, with when it was saved. */
export interface StoredRow {
  clock: number;
  /** Milliseconds since the epoch of its save; null for a compaction's snapshot and rows older than times. */
  at: number | null;
  update: Uint8Array;
}

/**
 * One moment of a document's past: right after a save, named by the clock of the save's last row (unique, never
 * reused) and dated by its time.
 */
export interface Moment {
  clock: number;
  at: number;
}

/** A moment compaction keeps, with its Yjs snapshot (state vector and deletions, a few bytes). */
export interface KeptMoment extends Moment {
  snapshot: Uint8Array;
}

/**
 * What compaction keeps of the rows it merges (SPEC S-SNAP-1): their whole history as one update, deleted content
 * included, and the moments it can be read at.
 */
export interface KeptHistory {
  history: Uint8Array;
  moments: readonly KeptMoment[];
}

/** A kept moment as read back, with the history its snapshot is read against. */
export interface KeptMomentRecord extends Moment {
  history: Uint8Array;
  snapshot: Uint8Array;
}

/** What {@link DocStore.compact} keeps besides the snapshot, and the time before which kept history goes. */
export interface CompactionKeep {
  kept: KeptHistory;
  /** When it is kept (ms since the epoch): the retention period runs from here. */
  at: number;
  /** Histories kept before this time (ms since the epoch), of any document, are pruned once `kept` is stored. */
  pruneBefore: number;
}

/**
 * Where documents live. Small on purpose: one SQLite and one PostgreSQL implementation pass the same contract
 * suite (`doc-store.contract.ts`).
 */
export interface DocStore {
  load(name: DocName): Promise<StoredDoc>;
  /**
   * Appends the updates of several documents in one transaction: all of them reach the disk or none
   * (SPEC S-STORE-1). Resolves to the clock of the newest update written.
   */
  append(writes: readonly DocWrite[], at: number): Promise<number>;
  /** The stored rows with the time each was saved, oldest first (SPEC S-SNAP-2). */
  rows(name: DocName): Promise<StoredRow[]>;
  /**
   * Replaces the updates up to `throughClock` by one snapshot, in one transaction (SPEC S-STORE-6); with `keep`,
   * first stores what the merged rows held, then prunes kept histories past their time, in the same transaction
   * (SPEC S-SNAP-1).
   */
  compact(name: DocName, snapshot: Uint8Array, throughClock: number, keep?: CompactionKeep): Promise<void>;
  /** The moments compaction kept of the document, newest first (SPEC S-SNAP-1). */
  keptMoments(name: DocName): Promise<Moment[]>;
  /** The kept moment of `clock` and the history it reads, or null when none is kept. */
  keptMoment(name: DocName, clock: number): Promise<KeptMomentRecord | null>;
  list(): Promise<DocListing[]>;
  /** One document's listing, or null when it was never stored. */
  listing(name: DocName): Promise<DocListing | null>;
  /** Who changed the document and when, newest first (SPEC A-ATTR-1). */
  history(name: DocName, limit: number): Promise<DocEditRecord[]>;
  close(): Promise<void>;
}
