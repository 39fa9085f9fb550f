import type { MeetingSummary } from '@concord/shared/meetings/meeting-file.ts';
import { meetingListResponseSchema, type MeetingListing } from '@concord/shared/meetings/meeting-listing.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { apiFailure, callApi } from '../http/api.ts';
import type { ListSource } from '../cases/case-directory.svelte.ts';
import {
  encodeStoredMeetings,
  meetingsStorageKey,
  mergeServerMeetings,
  readStoredMeetings,
  rowOfSummary,
  rowsByName,
  withoutRow,
  withRow,
  sameRow,
  type MeetingRow,
} from './meeting-rows.ts';

/**
 * The meetings this person can open: the server's `GET /api/meetings` merged with what this device knows, kept
 * on the device so the list and the calendar show offline, with the meetings created here before the server has
 * them (SPEC M-CAL-1). No meeting document is opened to list it.
 */
export class MeetingDirectory {
  #rows = $state.raw<ReadonlyMap<DocName, MeetingRow>>(rowsByName([]));
  readonly #list = $derived([...this.#rows.values()]);
  #source = $state<ListSource>('loading');
  #savedAt: number | null;
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
    const stored = readStoredMeetings(this.#storage?.getItem(meetingsStorageKey) ?? null);
    this.#rows = rowsByName(stored.rows);
    this.#savedAt = stored.savedAt;
  }

  get rows(): readonly MeetingRow[] {
    return this.#list;
  }

  get source(): ListSource {
    return this.#source;
  }

  get pending(): MeetingRow[] {
    return this.#list.filter((row) => row.pendingUpload);
  }

  row(name: DocName): MeetingRow | undefined {
    return this.#rows.get(name);
  }

  accessOf(name: DocName): 'read' | 'write' | undefined {
    return this.#rows.get(name)?.access;
  }

  /** Asks the server for the list; offline, the device's rows stay and the list says so. */
  async refresh(): Promise<void> {
    const generation = this.#generation;
    const listings = await this.#fetchListings();
    if (generation !== this.#generation) return; // signed out meanwhile
    if (listings === null) {
      this.#source = 'device';
      return;
    }
    const { rows, gone } = mergeServerMeetings(this.#rows, listings);
    this.#rows = rows;
    this.#savedAt = Date.now();
    this.#source = 'server';
    this.#store();
    for (const name of gone) this.#removeLocalCopy(name);
  }

  async #fetchListings(): Promise<MeetingListing[] | null> {
    const result = await callApi(this.#fetch, this.#token(), '/api/meetings', {
      schema: meetingListResponseSchema,
    });
    if (result.ok) return result.value.meetings;
    if (result.failure === apiFailure.signedOut) this.#onUnauthorized();
    else if (result.failure !== apiFailure.unreachable) console.warn('meetings: not refreshed', result);
    return null;
  }

  /** The person signs out: every row leaves memory; the caller clears what was stored (SPEC W-SIGNOUT-2). */
  clear(): void {
    this.#generation++;
    this.#rows = rowsByName([]);
    this.#savedAt = null;
    this.#source = 'loading';
  }

  /** Remembers what a meeting's document now says of it; `pendingUpload` when the server has not got it yet. */
  remember(name: DocName, summary: MeetingSummary, pendingUpload: boolean): void {
    const before = this.#rows.get(name);
    const next = rowOfSummary(name, summary, before, pendingUpload, Date.now());
    if (before && sameRow(before, next)) return;
    this.#put(next);
  }

  /** The server has everything this device had of the meeting. */
  uploaded(name: DocName): void {
    const before = this.#rows.get(name);
    if (!before?.pendingUpload) return;
    this.#put({ ...before, pendingUpload: false });
    this.#onUploaded(name);
  }

  /** The server says the meeting is not the person's (4403): it leaves the device unless something waits. */
  forget(name: DocName): boolean {
    const row = this.#rows.get(name);
    if (row?.pendingUpload) return false;
    if (row) {
      this.#rows = withoutRow(this.#rows, name);
      this.#store();
    }
    this.#removeLocalCopy(name);
    return true;
  }

  #put(row: MeetingRow): void {
    this.#rows = withRow(this.#rows, row);
    this.#store();
  }

  #store(): void {
    try {
      this.#storage?.setItem(meetingsStorageKey, encodeStoredMeetings(this.#list, this.#savedAt));
    } catch (error) {
      // the list is right on screen; it is fetched again when the server can be reached
      console.warn('meetings: the list is not kept on this device', error);
    }
  }

  #removeLocalCopy(name: DocName): void {
    this.#deleteLocalCopy(name).catch((error: unknown) => {
      console.warn('could not delete the local copy of', name, error);
    });
  }
}
