import { SvelteMap } from 'svelte/reactivity';
import { docListResponseSchema } from '@concord/shared/docs/listing.ts';
import type { CaseSummary } from '@concord/shared/cases/case-file.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import {
  mergeServerList,
  readKnownCases,
  sortCases,
  writeKnownCases,
  type KnownCase,
} from './case-registry.ts';

export type ListSource = 'loading' | 'server' | 'device';

/**
 * The case files this person can open: the server's list merged with what this device remembers, so the list
 * shows offline and a case recorded offline is listed before the server has it (SPEC W-LIST-1). A case that is no
 * longer the person's leaves the device, row and local copy, unless something of it waits to be sent
 * (SPEC A-REVOKE-2).
 */
export class CaseDirectory {
  readonly #known: SvelteMap<DocName, KnownCase>;
  readonly #storage: Storage | null;
  readonly #fetch: typeof fetch;
  readonly #token: () => string | null;
  readonly #onUnauthorized: () => void;
  readonly #deleteLocalCopy: (name: DocName) => Promise<void>;
  #source = $state<ListSource>('loading');

  constructor(options: {
    storage: Storage | null;
    fetch: typeof fetch;
    token: () => string | null;
    onUnauthorized: () => void;
    /** Deletes a case's copy on this device. */
    deleteLocalCopy: (name: DocName) => Promise<void>;
  }) {
    this.#storage = options.storage;
    this.#fetch = options.fetch;
    this.#token = options.token;
    this.#onUnauthorized = options.onUnauthorized;
    this.#deleteLocalCopy = options.deleteLocalCopy;
    this.#known = new SvelteMap(this.#storage ? readKnownCases(this.#storage) : []);
  }

  /** Newest first. */
  get cases(): KnownCase[] {
    return sortCases(this.#known.values());
  }

  /** Where the list last came from: the server, or only this device because the server did not answer. */
  get source(): ListSource {
    return this.#source;
  }

  get pending(): KnownCase[] {
    return this.cases.filter((c) => c.pendingUpload);
  }

  /** What the server's list last said this person may do with the case; undefined if it never listed it. */
  accessOf(name: DocName): 'read' | 'write' | undefined {
    return this.#known.get(name)?.access;
  }

  /** Asks the server for its list; when it cannot be reached the device's list stays, and says so. */
  async refresh(): Promise<void> {
    let response: Response;
    try {
      const token = this.#token();
      response = await this.#fetch('/api/docs', {
        headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch (error) {
      console.info('case list: server unreachable, showing this device’s list', error);
      this.#source = 'device';
      return;
    }
    if (response.status === 401) this.#onUnauthorized();
    if (!response.ok) {
      console.warn('case list: server answered', response.status);
      this.#source = 'device';
      return;
    }
    const parsed = docListResponseSchema.safeParse(await response.json());
    if (!parsed.success) {
      console.error('case list: the server sent a list this app cannot read', parsed.error);
      this.#source = 'device';
      return;
    }
    const { cases, gone } = mergeServerList(this.#known, parsed.data.docs);
    this.#replace(cases);
    this.#source = 'server';
    for (const name of gone) this.#removeLocalCopy(name);
  }

  /**
   * The server says the case is not the person's (a 4403 close): its row and local copy leave the device, unless
   * something of it waits to be sent. Returns whether it was removed.
   */
  forget(name: DocName): boolean {
    if (this.#known.get(name)?.pendingUpload) return false;
    if (this.#known.delete(name)) this.#save();
    this.#removeLocalCopy(name);
    return true;
  }

  /** Remembers what a case now shows; `pendingUpload` when the server has not got it yet. */
  remember(name: DocName, summary: CaseSummary, pendingUpload: boolean): void {
    const before = this.#known.get(name);
    const next: KnownCase = {
      name,
      title: summary.title,
      village: summary.village,
      updatedAt: before && !pendingUpload && before.title === summary.title ? before.updatedAt : Date.now(),
      pendingUpload: pendingUpload || (before?.pendingUpload ?? false),
      access: before?.access ?? 'write',
    };
    this.#known.set(name, next);
    this.#save();
  }

  /** The server has everything this device had of the case. */
  uploaded(name: DocName): void {
    const before = this.#known.get(name);
    if (!before?.pendingUpload) return;
    this.#known.set(name, { ...before, pendingUpload: false });
    this.#save();
  }

  #replace(next: Map<DocName, KnownCase>): void {
    this.#known.clear();
    for (const [name, entry] of next) this.#known.set(name, entry);
    this.#save();
  }

  #removeLocalCopy(name: DocName): void {
    this.#deleteLocalCopy(name).catch((error: unknown) => {
      // the row is gone, so nobody opens it; the copy goes the next time the server refuses it
      console.warn('could not delete the local copy of', name, error);
    });
  }

  #save(): void {
    if (!this.#storage) return;
    try {
      writeKnownCases(this.#storage, this.#known);
    } catch (error) {
      // the list is still right on screen; it just will not be remembered past this visit
      console.warn('could not remember the case list on this device', error);
    }
  }
}
