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
  /** Replaces the updates up to `throughClock` by one snapshot, in one transaction (SPEC S-STORE-6). */
  compact(name: DocName, snapshot: Uint8Array, throughClock: number): Promise<void>;
  list(): Promise<DocListing[]>;
  /** One document's listing, or null when it was never stored. */
  listing(name: DocName): Promise<DocListing | null>;
  /** Who changed the document and when, newest first (SPEC A-ATTR-1). */
  history(name: DocName, limit: number): Promise<DocEditRecord[]>;
  close(): Promise<void>;
}
