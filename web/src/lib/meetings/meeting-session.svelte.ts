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
import type { CaseAvailability } from '../cases/case-availability.ts';
import type { DocAccess } from '../sync/access-tracker.ts';
import { ProviderConnection } from '../sync/connection-state.svelte.ts';
import type { DocPool } from '../sync/doc-pool.ts';
import { OpenDoc } from '../sync/open-doc.svelte.ts';
import type { LocalSaveState } from '../sync/local-save.ts';
import type { HeardRefusal } from '../sync/refusal-log.ts';
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
  readonly #open: OpenDoc;
  readonly #subscribeMeeting: () => void;
  readonly #directory: MeetingDirectory;
  readonly #stop: () => void;

  constructor(name: DocName, pool: DocPool, directory: MeetingDirectory) {
    this.name = name;
    this.#directory = directory;
    this.#open = new OpenDoc(name, pool);
    const shared = this.#open.shared;
    this.file = new MeetingFile(shared.doc);
    this.connection = this.#open.connection;
    this.presence = this.#open.presence;
    this.#subscribeMeeting = createSubscriber((update) => this.file.observe(update));

    let stopped = false;

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
      stopSaves?.();
      shared.doc.off('update', onUpdate);
      shared.provider.off('sync', onSync);
    };
  }

  get loaded(): boolean {
    return this.#open.loaded;
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
    return this.#open.access(this.#directory.accessOf(this.name));
  }

  /** The meeting, or why the page cannot show it (as a case page says, SPEC W-MISSING-1). */
  get availability(): CaseAvailability {
    this.#subscribeMeeting();
    return this.#open.availability(this.file.exists);
  }

  get localSave(): LocalSaveState {
    return this.#open.localSave;
  }

  get serverSaved(): boolean {
    return this.#open.serverSaved;
  }

  /** What the server undid of this device's edits to the meeting, until dismissed (SPEC W-MEET-6). */
  get refusals(): readonly HeardRefusal[] {
    return this.#open.refusals;
  }

  dismissRefusal(id: string): void {
    this.#open.dismissRefusal(id);
  }

  destroy(): void {
    this.#stop();
    this.#open.close();
  }
}
