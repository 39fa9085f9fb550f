import { untrack } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { CaseFile } from '@concord/shared/cases/case-file.ts';
import { readParties } from '@concord/shared/cases/parties.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import { joinDetails, privateDetailsOf, type PrivateDetails } from '@concord/shared/meetings/redaction.ts';
import { parseDocName, type DocName } from '@concord/shared/sync/doc-name.ts';
import { availabilityOf, serverWaitMs, type CaseAvailability } from '../cases/case-availability.ts';
import type { CaseDirectory } from '../cases/case-directory.svelte.ts';
import { ProviderConnection } from '../sync/connection-state.svelte.ts';
import type { DocPool } from '../sync/doc-pool.ts';
import type { SharedDoc } from '../sync/shared-doc.ts';

/**
 * A meeting open for its papers (the public notice, the archive export): the document through the pool, so it
 * opens offline from this device's copy like a case (SPEC M-PUBLIC-2). Every read goes to the document.
 */
export class MeetingPaperSession {
  readonly name: DocName;
  readonly #meeting: MeetingFile;
  readonly #shared: SharedDoc;
  readonly #release: () => void;
  readonly #subscribe: () => void;
  readonly #subscribeAccess: () => void;
  readonly #connection: ProviderConnection;
  #loaded = $state(false);
  #waitedLong = $state(false);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #stopped = false;

  constructor(name: DocName, pool: DocPool) {
    this.name = name;
    const { shared, release } = pool.acquire(name);
    this.#shared = shared;
    this.#release = release;
    this.#meeting = new MeetingFile(shared.doc);
    this.#connection = new ProviderConnection(shared.provider);
    // the minutes are top-level texts of their own, made as items are added: the whole document is watched
    this.#subscribe = createSubscriber((update) => {
      shared.doc.on('update', update);
      return () => shared.doc.off('update', update);
    });
    this.#subscribeAccess = createSubscriber((update) => shared.access.subscribe(update));
    void shared.localLoaded.then(() => {
      if (this.#stopped) return;
      this.#loaded = true;
      this.#timer = setTimeout(() => (this.#waitedLong = true), serverWaitMs);
    });
  }

  /** The meeting as the document holds it now. */
  get meeting(): MeetingFile {
    this.#subscribe();
    return this.#meeting;
  }

  /** What the page can show: the meeting, or why not (the same reasons as a case's, SPEC W-MISSING-1). */
  get availability(): CaseAvailability {
    this.#subscribe();
    this.#subscribeAccess();
    return availabilityOf({
      loaded: this.#loaded,
      exists: this.#meeting.exists,
      refused: this.#shared.access.refused,
      synced: this.#connection.synced,
      unreachable: this.#connection.unreachable,
      waitedLong: this.#waitedLong,
    });
  }

  destroy(): void {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#release();
  }
}

/** Whether this device can read a linked case's parties: yes, not yet, or not here (not the person's, or not kept). */
export type CaseDetailsState = 'read' | 'waiting' | 'unreadable';

interface OpenCase {
  id: string;
  shared: SharedDoc;
  release: () => void;
  connection: ProviderConnection;
  stop: () => void;
  loaded: boolean;
}

/**
 * The parties of the cases a meeting is about, read from their documents on this device to redact the public
 * notice (SPEC M-PUBLIC-1). Only cases the person's ledger lists are opened: any other would be refused by the
 * server, and the person may not read its parties anyway.
 */
export class LinkedCaseDetails {
  readonly #pool: DocPool;
  readonly #directory: CaseDirectory;
  // not reactive: `follow` runs in an effect, which must not depend on what it changes; `#version` tells readers
  #open: OpenCase[] = [];
  #followed = $state<readonly string[]>([]);
  #version = $state(0);
  #waitedLong = $state(false);
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(pool: DocPool, directory: CaseDirectory) {
    this.#pool = pool;
    this.#directory = directory;
    this.#timer = setTimeout(() => (this.#waitedLong = true), serverWaitMs);
  }

  /** Opens the cases among `caseIds` this person's ledger lists, and lets go of those no longer linked. */
  follow(caseIds: readonly string[]): void {
    this.#followed = [...caseIds];
    const wanted = caseIds.flatMap((id) => {
      const name = caseName(id);
      return name && this.#directory.accessOf(name) !== undefined ? [{ id, name }] : [];
    });
    const kept: OpenCase[] = [];
    for (const open of this.#open) {
      if (wanted.some((want) => want.id === open.id)) kept.push(open);
      else {
        open.stop();
        open.release();
      }
    }
    this.#open = kept;
    for (const { id, name } of wanted) {
      if (kept.some((open) => open.id === id)) continue;
      const { shared, release } = this.#pool.acquire(name);
      const bump = () => this.#version++;
      shared.doc.on('update', bump);
      const entry: OpenCase = {
        id,
        shared,
        release,
        connection: new ProviderConnection(shared.provider),
        stop: () => shared.doc.off('update', bump),
        loaded: false,
      };
      void shared.localLoaded.then(() => {
        entry.loaded = true;
        bump();
      });
      this.#open.push(entry);
    }
    untrack(() => this.#version++);
  }

  /** Each followed case and whether its parties are read. */
  get states(): { id: string; state: CaseDetailsState }[] {
    this.#track();
    return this.#followed.map((id) => ({
      id,
      state: this.#stateOf(this.#open.find((open) => open.id === id)),
    }));
  }

  #stateOf(open: OpenCase | undefined): CaseDetailsState {
    if (!open) return 'unreadable';
    if (!open.loaded) return 'waiting';
    if (new CaseFile(open.shared.doc).exists) return 'read';
    const settled = open.connection.synced || open.connection.unreachable || this.#waitedLong;
    return settled ? 'unreadable' : 'waiting';
  }

  /** Makes the caller depend on any change to the cases followed. */
  #track(): number {
    return this.#version;
  }

  /** The private details of every party of the cases read so far. */
  get details(): PrivateDetails {
    this.#track();
    return joinDetails(this.#open.map((open) => privateDetailsOf(readParties(open.shared.doc))));
  }

  destroy(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    for (const open of this.#open) {
      open.stop();
      open.release();
    }
    this.#open = [];
  }
}

/** The case's document name, or null for an id no case can have (a meeting's word is not trusted). */
function caseName(id: string): DocName | null {
  const parsed = parseDocName(`case:${id}`);
  return parsed.ok ? parsed.name : null;
}
