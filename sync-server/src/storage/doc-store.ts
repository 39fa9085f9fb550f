import type { DocSummary } from '@concord/shared/docs/summary.ts';
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

export interface DocWrite {
  name: DocName;
  updates: Uint8Array[];
  summary: DocSummary;
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
  close(): Promise<void>;
}
