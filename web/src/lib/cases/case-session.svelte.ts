import { createSubscriber } from 'svelte/reactivity';
import * as Y from 'yjs';
import { ledgerEntryOf } from '@concord/shared/ledger/ledger-of.ts';
import { attachmentsKey, readAttachments, type Attachment } from '@concord/shared/cases/attachments.ts';
import { CaseFile, localEditOrigin, type CaseSummary } from '@concord/shared/cases/case-file.ts';
import type { FieldChange } from '@concord/shared/cases/field-log.ts';
import type { RegisterField, RegisterState } from '@concord/shared/cases/field-register.ts';
import type { RawTextOp } from '@concord/shared/cases/notes-format.ts';
import type { Party } from '@concord/shared/cases/parties.ts';
import type { WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import { readReceipts, receiptsKey, type Receipt } from '@concord/shared/cases/workflow/receipts.ts';
import { CaseTimeline, timelineKey } from '@concord/shared/cases/workflow/timeline.ts';
import {
  inOrder,
  type WorkflowConflict,
  type WorkflowState,
} from '@concord/shared/cases/workflow/transitions.ts';
import {
  caseMeetingEntries,
  meetingDoneKey,
  meetingLinksKey,
  setDoneOnCase,
  type CaseMeetingEntry,
} from '@concord/shared/meetings/case-links.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocAccess } from '../sync/access-tracker.ts';
import { ProviderConnection } from '../sync/connection-state.svelte.ts';
import type { DocPool } from '../sync/doc-pool.ts';
import { OpenDoc } from '../sync/open-doc.svelte.ts';
import type { LocalSaveState } from '../sync/local-save.ts';
import type { HeardRefusal } from '../sync/refusal-log.ts';
import type { SharedDoc } from '../sync/shared-doc.ts';
import { covers, stepItemIds } from '../workflow/step-items.ts';
import { DocPresence } from '../workflow/doc-presence.svelte.ts';
import type { Peer, PresenceField, PresenceState } from '../workflow/presence.ts';
import type { CaseAvailability } from './case-availability.ts';
import type { CaseDirectory } from './case-directory.svelte.ts';

/**
 * A case file open on screen: reads go straight to the Y.Doc through subscribers, so the view always shows the
 * document and never a stale copy. Keeps the directory's row for the case up to date.
 */
export class CaseSession {
  readonly name: DocName;
  readonly caseFile: CaseFile;
  readonly timeline: CaseTimeline;
  readonly connection: ProviderConnection;
  /** Who else is on the case, and where (SPEC W-PRES-1, W-PRES-2). */
  readonly presence: DocPresence;
  readonly #open: OpenDoc;
  readonly #shared: SharedDoc;
  readonly #subscribeCase: () => void;
  readonly #subscribeTimeline: () => void;
  readonly #subscribeServerSave: () => void;
  readonly #subscribeReceipts: () => void;
  readonly #subscribeMeetings: () => void;
  readonly #subscribeAttachments: () => void;
  readonly #directory: CaseDirectory;
  readonly #stopWatching: () => void;

  constructor(name: DocName, pool: DocPool, directory: CaseDirectory) {
    this.name = name;
    this.#directory = directory;
    this.#open = new OpenDoc(name, pool);
    const shared = this.#open.shared;
    this.#shared = shared;
    this.caseFile = new CaseFile(shared.doc);
    this.connection = this.#open.connection;
    this.timeline = new CaseTimeline(shared.doc);
    this.#subscribeCase = createSubscriber((update) => this.caseFile.observe(update));
    this.#subscribeTimeline = createSubscriber((update) => this.timeline.observe(update));
    this.presence = this.#open.presence;
    this.#subscribeServerSave = createSubscriber((update) => shared.serverSave.subscribe(update));
    let stopped = false;
    const receipts = shared.doc.getMap(receiptsKey);
    this.#subscribeReceipts = createSubscriber((update) => {
      receipts.observe(update);
      return () => receipts.unobserve(update);
    });
    const attachments = shared.doc.getMap(attachmentsKey);
    this.#subscribeAttachments = createSubscriber((update) => {
      attachments.observe(update);
      return () => attachments.unobserve(update);
    });
    const meetingLinks = shared.doc.getMap(meetingLinksKey);
    const meetingDone = shared.doc.getMap(meetingDoneKey);
    this.#subscribeMeetings = createSubscriber((update) => {
      meetingLinks.observe(update);
      meetingDone.observe(update);
      return () => {
        meetingLinks.unobserve(update);
        meetingDone.unobserve(update);
      };
    });

    // keep the list row right; an edit made here waits to be sent until the server has it on disk, even online,
    // so a case taken away meanwhile keeps what was typed (SPEC S-ACK-1, A-REVOKE-2)
    const provider = shared.provider;
    const rememberRow = (editedHere: boolean) => {
      if (this.caseFile.exists) directory.remember(name, ledgerEntryOf(this.caseFile.doc), editedHere);
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => rememberRow(origin === localEditOrigin);
    const onSync = (synced: boolean) => {
      if (synced) rememberRow(false);
    };
    // sent only when the server says it has it all on disk (SPEC S-ACK-1). The first look waits a turn: a page
    // makes its session while deriving what it shows, where writing the directory's state is not allowed, and a
    // case the server already has (just recorded here) would otherwise be marked sent right then.
    let stopWatchingSaves: (() => void) | null = null;
    queueMicrotask(() => {
      if (!stopped) stopWatchingSaves = this.onSaved(() => directory.uploaded(name));
    });
    shared.doc.on('update', onUpdate);
    provider.on('sync', onSync);
    this.#stopWatching = () => {
      stopped = true;
      stopWatchingSaves?.();
      shared.doc.off('update', onUpdate);
      provider.off('sync', onSync);
    };
  }

  /** True once the local copy is loaded: before that an empty case means nothing. */
  get loaded(): boolean {
    return this.#open.loaded;
  }

  get summary(): CaseSummary {
    this.#subscribeCase();
    // level, leaders and departments come from the timeline once it has a step (SPEC C-FLOW-1)
    this.#subscribeTimeline();
    return this.caseFile.summary();
  }

  /** The parties, as the case file lists them. */
  get parties(): Party[] {
    this.#subscribeCase();
    return this.caseFile.parties;
  }

  /** Every value set on a scalar field, oldest first, with who set it and when (SPEC C-HIST-1). */
  fieldHistory(field: RegisterField): FieldChange[] {
    this.#subscribeCase();
    return this.caseFile.fieldHistory(field);
  }

  /** What a register field's writes come to: the value shown, and the others written at once (SPEC C-REG-2). */
  register(field: RegisterField): RegisterState {
    this.#subscribeCase();
    return this.caseFile.register(field);
  }

  /** The notes as they read now. */
  get notes(): string {
    this.#subscribeCase();
    return this.caseFile.notes.toString();
  }

  /** The notes with their formatting, as the document holds them. */
  get notesDelta(): RawTextOp[] {
    this.#subscribeCase();
    return this.caseFile.notes.toDelta() as RawTextOp[];
  }

  /** Where the case stands and the steps that conflicted, derived from the timeline at each read (SPEC C-FLOW-1). */
  get workflow(): { state: WorkflowState; conflicts: WorkflowConflict[] } {
    this.#subscribeTimeline();
    return this.timeline.derive();
  }

  /** Every step recorded, in the one order every replica folds them in. */
  get events(): WorkflowEvent[] {
    this.#subscribeTimeline();
    return inOrder(this.timeline.events);
  }

  /** Appends a step to the timeline; the form has checked it against the rules first. */
  record(event: WorkflowEvent): void {
    this.timeline.record(event);
  }

  /** Tells the others on the case who is on this device (SPEC W-PRES-1, S-AWARE-1). */
  announce(user: PresenceState['user']): void {
    this.presence.announce(user);
  }

  /** Which field the person is in, or null when none: shown beside that field on the others' screens. */
  focus(field: PresenceField | null): void {
    this.presence.focus(field);
  }

  /** The other people on the case now, one entry each, with the field they are in. */
  get peers(): Peer[] {
    return this.presence.peers;
  }

  /** How many devices have this case open, this one included. */
  get editors(): number {
    return this.presence.editors;
  }

  /** Whether this device's latest edit is in its local copy, so a reload or a flat battery cannot lose it. */
  get localSave(): LocalSaveState {
    return this.#open.localSave;
  }

  /** Whether the server has every edit this device has of the case on its disk (SPEC S-ACK-1). */
  get serverSaved(): boolean {
    return this.#open.serverSaved;
  }

  /**
   * What the person may do with the case: the server's word on the socket, else the case list's, else write
   * (SPEC A-RIGHT-10). `none` once the server refused it (SPEC A-REVOKE-2).
   */
  get access(): DocAccess {
    return this.#open.access(this.#directory.accessOf(this.name));
  }

  /**
   * What the page can show: the case, or why not (SPEC W-MISSING-1). Follows the socket as it opens, syncs,
   * fails or is refused, so an unknown case never waits without end.
   */
  get availability(): CaseAvailability {
    this.#subscribeCase();
    return this.#open.availability(this.caseFile.exists);
  }

  /** What the server undid of this device's edits and why, newest first, until dismissed (SPEC W-REFUSE-1). */
  get refusals(): readonly HeardRefusal[] {
    return this.#open.refusals;
  }

  dismissRefusal(id: string): void {
    this.#open.dismissRefusal(id);
  }

  /** The case's photos, voice notes and files, oldest first, removed ones too (SPEC C-ATTACH-1). */
  get attachments(): Attachment[] {
    this.#subscribeAttachments();
    return readAttachments(this.#shared.doc);
  }

  /** The meetings' decisions and action items on the case, oldest first (SPEC W-CASEMEET-1). */
  get meetingEntries(): CaseMeetingEntry[] {
    this.#subscribeMeetings();
    return caseMeetingEntries(this.#shared.doc);
  }

  /** Marks a meeting's action item done or not from the case; the server carries it to the meeting. */
  setMeetingDone(key: string, done: boolean, by: string): void {
    setDoneOnCase(this.#shared.doc, key, done, { by, at: Date.now() });
  }

  /** When the server received each step, by step id: written by the server alone (SPEC A-ATTEST-2, W-RECEIPT-1). */
  get receipts(): ReadonlyMap<string, Receipt> {
    this.#subscribeReceipts();
    return readReceipts(this.#shared.doc);
  }

  /**
   * Whether the server has each step on its disk, by step id, from its last acknowledgement (SPEC S-ACK-1,
   * W-RECEIPT-1); before it said anything this visit, whether it has everything this device has.
   */
  get stepOnServer(): (stepId: string) => boolean {
    this.#subscribeTimeline();
    this.#subscribeServerSave();
    const { serverSave, doc } = this.#shared;
    const acknowledged = serverSave.acknowledged;
    const allSaved = serverSave.saved;
    if (acknowledged === null || allSaved) return () => allSaved;
    const items = stepItemIds(doc.getArray(timelineKey));
    return (stepId) => {
      const item = items.get(stepId);
      return item !== undefined && covers(acknowledged, item);
    };
  }

  /**
   * Calls `listener` each time the server has on its disk a state of the case it did not have before: after this
   * device's edits are acknowledged, and after someone else's edit arrives (the server stores before it relays).
   * Called at once if the server has everything already, unless `now` is false. Returns the function that stops it.
   */
  onSaved(listener: () => void, { now = true }: { now?: boolean } = {}): () => void {
    const { serverSave, doc } = this.#shared;
    let heard: Uint8Array | null = !now && serverSave.saved ? Y.encodeStateVector(doc) : null;
    const check = () => {
      if (!serverSave.saved) return;
      const state = Y.encodeStateVector(doc);
      if (heard !== null && sameBytes(heard, state)) return;
      heard = state;
      listener();
    };
    const stop = serverSave.subscribe(check);
    check();
    return stop;
  }

  get syncedOnce(): boolean {
    return this.connection.synced;
  }

  destroy(): void {
    // the document may stay open for something else (a case being sent): this person is no longer on the page
    this.#stopWatching();
    this.#open.close();
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
