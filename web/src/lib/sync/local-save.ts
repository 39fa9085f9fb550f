import type { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { transactionDone } from '../device/idb-transaction.ts';

/** Where this device's latest edit stands: on its way into the local copy, in it, or with no local copy at all. */
export type LocalSaveState = 'saving' | 'saved' | 'unavailable';

// y-indexeddb keeps every update in this object store
const updatesStore = 'updates';

/**
 * Tells when every edit made so far is in IndexedDB. y-indexeddb writes each update in its own transaction and
 * says nothing when it commits; a read-only transaction over the same store, opened afterwards, completes only
 * after those writes (IndexedDB runs overlapping transactions in order), so its completion is the signal.
 * A reload before that moment can lose the last keystrokes, which is why the app shows the state.
 */
export class LocalSaveTracker {
  readonly #persistence: IndexeddbPersistence | null;
  readonly #listeners = new Set<() => void>();
  #edits = 0;
  #stored = 0;

  constructor(doc: Y.Doc, persistence: IndexeddbPersistence | null) {
    this.#persistence = persistence;
    if (!persistence) return;
    doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === persistence) return;
      this.#edits++;
      this.#emit();
      this.#confirm(this.#edits).catch((error: unknown) => {
        // the state stays 'saving', which is the truth as far as anyone can tell
        console.warn('could not confirm the local copy', error);
      });
    });
  }

  get state(): LocalSaveState {
    if (!this.#persistence) return 'unavailable';
    return this.#stored === this.#edits ? 'saved' : 'saving';
  }

  /** Calls `listener` whenever `state` may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #confirm(edit: number): Promise<void> {
    const persistence = this.#persistence;
    if (!persistence) return;
    await persistence.whenSynced;
    const db = persistence.db;
    if (!db) return; // destroyed meanwhile: nothing more will be written
    await transactionDone(db.transaction([updatesStore], 'readonly'));
    if (edit > this.#stored) {
      this.#stored = edit;
      this.#emit();
    }
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
