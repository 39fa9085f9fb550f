import { ledgerResponseSchema } from '@concord/shared/ledger/ledger-row.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { decodeLedgerCache, encodeLedgerCache, ledgerCacheKey } from '../ledger/ledger-cache.ts';
import {
  combineRows,
  mergeServerRows,
  noRows,
  readKnownCases,
  rowWith,
  sameRow,
  unsentRows,
  withoutRow,
  withRow,
  writeKnownCases,
  type CaseRowFields,
  type KnownCase,
} from './case-registry.ts';

export type ListSource = 'loading' | 'server' | 'device';

/** How long a change made here waits before the whole ledger is stored again; the change itself is kept at once. */
const storeLedgerAfterMs = 2000;

/**
 * The ledger rows of the cases this person can open: the server's `GET /api/ledger` merged with what this device
 * knows, so the ledger shows offline and a case recorded offline is listed before the server has it (SPEC W-LIST-1,
 * L-LEDGER-5). No case document is opened to list it. A case that is no longer the person's leaves the device,
 * row and local copy, unless something of it waits to be sent (SPEC A-REVOKE-2).
 *
 * Kept in two entries: the server's rows (large, stored when they arrive and a little after a change here), and
 * the rows changed here since (small, stored at every change, so nothing waiting to be sent is forgotten).
 */
export class CaseDirectory {
  #rows = $state.raw<ReadonlyMap<DocName, KnownCase>>(noRows);
  readonly #list = $derived([...this.#rows.values()]);
  /** Rows changed on this device since the ledger was last stored; every unsent one is here. */
  #local: ReadonlyMap<DocName, KnownCase>;
  #source = $state<ListSource>('loading');
  #savedAt = $state<number | null>(null);
  #storeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Moves on at sign-out, so an answer asked for before it is not kept (SPEC W-SIGNOUT-2). */
  #generation = 0;
  readonly #storage: Storage | null;
  readonly #fetch: typeof fetch;
  readonly #token: () => string | null;
  readonly #onUnauthorized: () => void;
  readonly #deleteLocalCopy: (name: DocName) => Promise<void>;
  readonly #onUploaded: (name: DocName) => void;

  constructor(options: {
    storage: Storage | null;
    fetch: typeof fetch;
    token: () => string | null;
    onUnauthorized: () => void;
    /** Deletes a case's copy on this device. */
    deleteLocalCopy: (name: DocName) => Promise<void>;
    /** The server has on its disk what was waiting to be sent (SPEC W-STATUS-2). */
    onUploaded?: (name: DocName) => void;
  }) {
    this.#onUploaded = options.onUploaded ?? (() => undefined);
    this.#storage = options.storage;
    this.#fetch = options.fetch;
    this.#token = options.token;
    this.#onUnauthorized = options.onUnauthorized;
    this.#deleteLocalCopy = options.deleteLocalCopy;
    const cached = decodeLedgerCache(this.#storage?.getItem(ledgerCacheKey) ?? null);
    if (cached.dropped > 0) console.warn(`ledger kept on this device: ${cached.dropped} rows unreadable`);
    this.#savedAt = cached.savedAt;
    this.#local = this.#storage ? readKnownCases(this.#storage) : noRows;
    this.#rows = combineRows(cached.rows, this.#local);
  }

  /** Every row, in no particular order: the ledger sorts them. */
  get rows(): readonly KnownCase[] {
    return this.#list;
  }

  /** Where the list last came from: the server, or only this device because the server did not answer. */
  get source(): ListSource {
    return this.#source;
  }

  /** When the server last sent the ledger this device shows; null if it never did. */
  get savedAt(): number | null {
    return this.#savedAt;
  }

  get pending(): KnownCase[] {
    return this.#list.filter((c) => c.pendingUpload);
  }

  /** What the server's ledger last said this person may do with the case; undefined if it never listed it. */
  accessOf(name: DocName): 'read' | 'write' | undefined {
    return this.#rows.get(name)?.access;
  }

  /** Asks the server for the ledger; when it cannot be reached the device's rows stay, and it says so. */
  async refresh(): Promise<void> {
    const generation = this.#generation;
    let response: Response;
    try {
      const token = this.#token();
      response = await this.#fetch('/api/ledger', {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch (error) {
      console.info('ledger: server unreachable, showing this device’s rows', error);
      this.#source = 'device';
      return;
    }
    if (response.status === 401) this.#onUnauthorized();
    if (!response.ok) {
      console.warn('ledger: server answered', response.status);
      this.#source = 'device';
      return;
    }
    const parsed = ledgerResponseSchema.safeParse(await response.json());
    if (generation !== this.#generation) return; // signed out meanwhile
    if (!parsed.success) {
      console.error('ledger: the server sent rows this app cannot read', parsed.error);
      this.#source = 'device';
      return;
    }
    const { cases, gone } = mergeServerRows(this.#rows, parsed.data.rows);
    this.#rows = cases;
    this.#savedAt = Date.now();
    this.#source = 'server';
    this.#storeLedger();
    for (const name of gone) this.#removeLocalCopy(name);
  }

  /**
   * The person signs out: every row leaves memory, nothing more is stored, and an answer on its way is dropped.
   * The caller clears what was stored (SPEC W-SIGNOUT-2).
   */
  clear(): void {
    if (this.#storeTimer !== null) clearTimeout(this.#storeTimer);
    this.#storeTimer = null;
    this.#generation++;
    this.#rows = noRows;
    this.#local = noRows;
    this.#savedAt = null;
    this.#source = 'loading';
  }

  /**
   * The server says the case is not the person's (a 4403 close): its row and local copy leave the device, unless
   * something of it waits to be sent. Returns whether it was removed.
   */
  forget(name: DocName): boolean {
    if (this.#rows.get(name)?.pendingUpload) return false;
    if (this.#local.has(name)) {
      this.#local = withoutRow(this.#local, name);
      this.#writeLocal();
    }
    if (this.#rows.has(name)) {
      this.#rows = withoutRow(this.#rows, name);
      this.#storeLedger();
    }
    this.#removeLocalCopy(name);
    return true;
  }

  /**
   * Remembers what a case file now says of its row (its summary, or the whole row derived from it);
   * `pendingUpload` when the server has not got it yet.
   */
  remember(name: DocName, fields: CaseRowFields, pendingUpload: boolean): void {
    const before = this.#rows.get(name);
    const next = rowWith(name, before, fields, pendingUpload, Date.now());
    if (before && sameRow(before, next)) return;
    this.#put(next);
  }

  /** The server has everything this device had of the case. */
  uploaded(name: DocName): void {
    const before = this.#rows.get(name);
    if (!before?.pendingUpload) return;
    this.#put({ ...before, pendingUpload: false });
    this.#onUploaded(name);
  }

  /** Keeps a row changed here: in the small entry at once, in the ledger a little later. */
  #put(row: KnownCase): void {
    this.#rows = withRow(this.#rows, row);
    this.#local = withRow(this.#local, row);
    this.#writeLocal();
    this.#storeTimer ??= setTimeout(() => {
      this.#storeLedger();
    }, storeLedgerAfterMs);
  }

  /** Stores every sent row as the ledger; only unsent rows stay in the small entry. */
  #storeLedger(): void {
    if (this.#storeTimer !== null) clearTimeout(this.#storeTimer);
    this.#storeTimer = null;
    const sent = this.#list.filter((row) => !row.pendingUpload);
    try {
      this.#storage?.setItem(ledgerCacheKey, encodeLedgerCache(sent, this.#savedAt ?? Date.now()));
    } catch (error) {
      // the rows are still right on screen, and unsent ones are kept apart; the ledger is fetched again online
      console.warn('could not keep the ledger on this device', error);
      return;
    }
    this.#local = unsentRows(this.#list);
    this.#writeLocal();
  }

  #writeLocal(): void {
    if (!this.#storage) return;
    try {
      writeKnownCases(this.#storage, this.#local.values());
    } catch (error) {
      // the list is still right on screen; it just will not be remembered past this visit
      console.warn('could not remember the changed cases on this device', error);
    }
  }

  #removeLocalCopy(name: DocName): void {
    this.#deleteLocalCopy(name).catch((error: unknown) => {
      // the row is gone, so nobody opens it; the copy goes the next time the server refuses it
      console.warn('could not delete the local copy of', name, error);
    });
  }
}
