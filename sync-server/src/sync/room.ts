import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { summarizeDoc, type DocSummary } from '@concord/shared/docs/summary.ts';
import type { DocKind, DocName } from '@concord/shared/sync/doc-name.ts';
import { encodeAwareness, encodeUpdate } from './frames.ts';

/** One side of a socket as a room sees it: somewhere to send frames to. */
export interface RoomMember {
  send(frame: Uint8Array): void;
}

interface UnsavedUpdate {
  update: Uint8Array;
  origin: unknown;
}

export interface UnsavedBatch {
  updates: UnsavedUpdate[];
  summary: DocSummary;
}

/**
 * A document loaded in memory with the sockets that have it open. Updates are relayed only after the store
 * has them (SPEC S-STORE-1): the room queues them and the persister hands them back through {@link saved}.
 */
export class Room {
  readonly name: DocName;
  readonly kind: DocKind;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly members = new Set<RoomMember>();
  /** Rows the store holds for this document, to decide when to compact. */
  storedUpdates: number;
  /** Clock of the newest stored row: compaction may merge rows up to here. */
  storedClock: number;
  #unsaved: UnsavedUpdate[] = [];
  /** Batches handed to the persister and not yet back. */
  #inFlight = 0;
  #savedWaiters: (() => void)[] = [];

  constructor(
    name: DocName,
    kind: DocKind,
    doc: Y.Doc,
    stored: { updates: number; clock: number },
    onUnsaved: (room: Room) => void,
  ) {
    this.name = name;
    this.kind = kind;
    this.doc = doc;
    this.storedUpdates = stored.updates;
    this.storedClock = stored.clock;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // the server is no participant: it must not announce a presence of its own
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.#unsaved.push({ update, origin });
      onUnsaved(this);
    });
    this.awareness.on('update', this.#relayAwareness);
  }

  /** True while any update is not yet on disk, queued or being written. */
  get hasUnsaved(): boolean {
    return this.#unsaved.length > 0 || this.#inFlight > 0;
  }

  /** True when there are updates queued that no persister has taken yet. */
  get hasQueued(): boolean {
    return this.#unsaved.length > 0;
  }

  /** Hands the queued updates to the persister; they come back through {@link saved} or {@link unsaveFailed}. */
  takeUnsaved(): UnsavedBatch {
    const updates = this.#unsaved;
    this.#unsaved = [];
    this.#inFlight++;
    return { updates, summary: summarizeDoc(this.kind, this.doc) };
  }

  /** The store has the batch: now relay each update to every member but the one that sent it. */
  saved(batch: UnsavedBatch, clock: number): void {
    this.#inFlight--;
    this.storedUpdates += batch.updates.length;
    this.storedClock = Math.max(this.storedClock, clock);
    for (const { update, origin } of batch.updates) {
      const frame = encodeUpdate(update);
      for (const member of this.members) if (member !== origin) member.send(frame);
    }
    if (!this.hasUnsaved) this.#resolveSavedWaiters();
  }

  /** The store failed: put the batch back in front, to be tried again; the document stays in memory. */
  unsaveFailed(batch: UnsavedBatch): void {
    this.#inFlight--;
    this.#unsaved = [...batch.updates, ...this.#unsaved];
  }

  /** Resolves once every update applied so far is on disk. */
  whenSaved(): Promise<void> {
    if (!this.hasUnsaved) return Promise.resolve();
    return new Promise((resolve) => this.#savedWaiters.push(resolve));
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  #resolveSavedWaiters(): void {
    const waiters = this.#savedWaiters;
    this.#savedWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const clients = [...change.added, ...change.updated, ...change.removed];
    if (clients.length === 0) return;
    const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    for (const member of this.members) if (member !== origin) member.send(frame);
  };
}
