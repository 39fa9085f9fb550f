import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';
import { localEditOrigin } from '@concord/shared/cases/case-file.ts';
import { MeetingFile, type MeetingSummary } from '@concord/shared/meetings/meeting-file.ts';
import type {
  ActionItem,
  AgendaItem,
  Attendance,
  Completion,
  Decision,
  LockEntry,
  LockState,
} from '@concord/shared/meetings/meeting-parts.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { availabilityOf, serverWaitMs, type CaseAvailability } from '../cases/case-availability.ts';
import { effectiveAccess, type DocAccess } from '../sync/access-tracker.ts';
import { ProviderConnection } from '../sync/connection-state.svelte.ts';
import type { DocPool } from '../sync/doc-pool.ts';
import type { LocalSaveState } from '../sync/local-save.ts';
import type { HeardRefusal, RefusalLog } from '../sync/refusal-log.ts';
import type { SharedDoc } from '../sync/shared-doc.ts';
import { DocPresence } from '../workflow/doc-presence.svelte.ts';
import type { MeetingDirectory } from './meeting-directory.svelte.ts';

/**
 * A meeting open on screen, like a case (SPEC W-MEET-1): opened through the pool from the device's copy, so it
 * shows offline; reads go to the Y.Doc through subscribers, never a copy. Keeps the list's row up to date.
 */
export class MeetingSession {
  readonly name: DocName;
  readonly file: MeetingFile;
  readonly connection: ProviderConnection;
  /** Who else is on the meeting, and in which item's minutes (SPEC W-PRES-1, W-PRES-2). */
  readonly presence: DocPresence;
  readonly #shared: SharedDoc;
  readonly #release: () => void;
  readonly #subscribeMeeting: () => void;
  readonly #subscribeAccess: () => void;
  readonly #subscribeRefusals: () => void;
  readonly #subscribeLocalSave: () => void;
  readonly #subscribeServerSave: () => void;
  readonly #directory: MeetingDirectory;
  readonly #refusals: RefusalLog;
  readonly #stop: () => void;
  #loaded = $state(false);
  #waitedLong = $state(false);

  constructor(name: DocName, pool: DocPool, directory: MeetingDirectory) {
    this.name = name;
    this.#directory = directory;
    const { shared, release } = pool.acquire(name);
    this.#shared = shared;
    this.#release = release;
    this.file = new MeetingFile(shared.doc);
    this.connection = new ProviderConnection(shared.provider);
    this.presence = new DocPresence(shared.provider);
    this.#subscribeMeeting = createSubscriber((update) => this.file.observe(update));
    this.#subscribeAccess = createSubscriber((update) => shared.access.subscribe(update));
    this.#subscribeLocalSave = createSubscriber((update) => shared.localSave.subscribe(update));
    this.#subscribeServerSave = createSubscriber((update) => shared.serverSave.subscribe(update));
    this.#refusals = pool.refusals;
    const unwatchRefusals = pool.refusals.watch(name);
    this.#subscribeRefusals = createSubscriber((update) => pool.refusals.subscribe(update));

    let stopped = false;
    let waitTimer: ReturnType<typeof setTimeout> | null = null;
    void shared.localLoaded.then(() => {
      this.#loaded = true;
      if (!stopped) waitTimer = setTimeout(() => (this.#waitedLong = true), serverWaitMs);
    });

    // the list's row follows the document; an edit made here waits to be sent until the server has it on disk
    const remember = (editedHere: boolean) => {
      if (this.file.exists) directory.remember(name, this.file.summary(), editedHere);
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => remember(origin === localEditOrigin);
    const onSync = (synced: boolean) => {
      if (synced) remember(false);
    };
    const onSaved = () => {
      if (shared.serverSave.saved) directory.uploaded(name);
    };
    // the first look waits a turn: the page makes its session while deriving, where state may not be written
    let stopSaves: (() => void) | null = null;
    queueMicrotask(() => {
      if (stopped) return;
      stopSaves = shared.serverSave.subscribe(onSaved);
      onSaved();
    });
    shared.doc.on('update', onUpdate);
    shared.provider.on('sync', onSync);
    this.#stop = () => {
      stopped = true;
      unwatchRefusals();
      if (waitTimer !== null) clearTimeout(waitTimer);
      stopSaves?.();
      shared.doc.off('update', onUpdate);
      shared.provider.off('sync', onSync);
    };
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  get summary(): MeetingSummary {
    this.#subscribeMeeting();
    return this.file.summary();
  }

  get agenda(): AgendaItem[] {
    this.#subscribeMeeting();
    return this.file.agendaItems;
  }

  get decisions(): Decision[] {
    this.#subscribeMeeting();
    return this.file.decisions;
  }

  get actions(): ActionItem[] {
    this.#subscribeMeeting();
    return this.file.actions;
  }

  completion(actionId: string): Completion | null {
    this.#subscribeMeeting();
    return this.file.completion(actionId);
  }

  get attendance(): Map<string, Attendance> {
    this.#subscribeMeeting();
    return this.file.attendance;
  }

  get locked(): LockState | null {
    this.#subscribeMeeting();
    return this.file.locked;
  }

  get lockLog(): LockEntry[] {
    this.#subscribeMeeting();
    return this.file.lockLog;
  }

  /** The minutes of one agenda item. */
  minutes(itemId: string): Y.Text {
    return this.file.minutes(itemId);
  }

  /** What the person may do: the server's word on the socket, else the list's, else write (SPEC A-RIGHT-10). */
  get access(): DocAccess {
    this.#subscribeAccess();
    return effectiveAccess(this.#shared.access.level, this.#directory.accessOf(this.name));
  }

  /** The meeting, or why the page cannot show it (as a case page says, SPEC W-MISSING-1). */
  get availability(): CaseAvailability {
    this.#subscribeMeeting();
    this.#subscribeAccess();
    return availabilityOf({
      loaded: this.#loaded,
      exists: this.file.exists,
      refused: this.#shared.access.refused,
      synced: this.connection.synced,
      unreachable: this.connection.unreachable,
      waitedLong: this.#waitedLong,
    });
  }

  get localSave(): LocalSaveState {
    this.#subscribeLocalSave();
    return this.#shared.localSave.state;
  }

  get serverSaved(): boolean {
    this.#subscribeServerSave();
    return this.#shared.serverSave.saved;
  }

  /** What the server undid of this device's edits to the meeting, until dismissed (SPEC W-MEET-6). */
  get refusals(): readonly HeardRefusal[] {
    this.#subscribeRefusals();
    return this.#refusals.heardFor(this.name);
  }

  dismissRefusal(id: string): void {
    this.#refusals.dismiss(this.name, id);
  }

  destroy(): void {
    this.presence.leave();
    this.#stop();
    this.#release();
  }
}
