import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { summarizeDoc, type DocSummary } from '@concord/shared/docs/summary.ts';
import type { DocKind, DocName } from '@concord/shared/sync/doc-name.ts';
import type { Access, DocFacts } from '@concord/shared/access/rights.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { changedFields } from './changed-fields.ts';
import { encodeAwareness, encodeUpdate } from './frames.ts';
import { GuardWrite } from './guarded-apply.ts';

/** One side of a socket as a room sees it: somewhere to send frames to. */
export interface RoomMember {
  send(frame: Uint8Array): void;
  /** Everything this member sent is on disk; `stateVector` is the document's state at that moment. */
  acknowledge?(stateVector: Uint8Array): void;
  /** The server lets the document go (too many loaded): close, so the client comes back later. */
  release(): void;
  /** False when the member asked for no presence: awareness changes are not sent to it (SPEC S-MUX-4). */
  readonly wantsPresence?: boolean;
  /** The signed-in person behind the socket, to whom its updates are attributed. */
  readonly author?: AccountId;
  /** What the person may do with the document if its facts were `facts` (SPEC A-RIGHT-9). */
  accessWith?(facts: DocFacts): Access;
  /** The person may no longer open the document: close, before anything more is sent (SPEC A-GUARD-8). */
  revoke?(): void;
}

/** What a room tells the rest of the server. */
export interface RoomHooks {
  /** Updates are queued for the persister. */
  unsaved(room: Room): void;
  /** Updates were relayed, for the metrics. */
  relayed?(updates: number, bytes: number): void;
  /** A saved change altered who may open the document (SPEC A-RIGHT-9). */
  factsChanged?(room: Room): void;
  /** Updates from this instance's clients are saved: other instances may now hear of them. */
  published?(room: Room, updates: readonly Uint8Array[]): void;
  /** Presence of this instance's clients changed (an awareness update), for other instances. */
  presence?(room: Room, update: Uint8Array): void;
  /** A batch is on disk and relayed: what follows from it elsewhere (a meeting's links into cases) may go on. */
  saved?(room: Room, batch: UnsavedBatch): void;
}

/** Origin of updates another server instance saved and passed on (SPEC S-SCALE-1). */
export const fromOtherInstance = Symbol('another instance');

interface UnsavedUpdate {
  update: Uint8Array;
  origin: unknown;
  /** Top-level fields the update changed, for the attribution trail. */
  fields: string[];
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
  /** Which member announced each presence client id: only it may change or remove it (SPEC S-AWARE-4). */
  readonly presenceOwners = new Map<number, RoomMember>();
  /** Rows the store holds for this document, to decide when to compact. */
  storedUpdates: number;
  /** Clock of the newest stored row: compaction may merge rows up to here. */
  storedClock: number;
  #unsaved: UnsavedUpdate[] = [];
  /** Batches handed to the persister and not yet back. */
  #inFlight = 0;
  #savedWaiters: (() => void)[] = [];
  /** Members whose updates were saved since their last acknowledgement. */
  readonly #awaitingAck = new Set<RoomMember>();
  /** Awareness clients changed this turn: relayed together once the turn ends. */
  readonly #awarenessChanged = new Set<number>();
  /** Of those, the ones this instance's own clients changed. */
  readonly #localAwarenessChanged = new Set<number>();
  #awarenessFlush: NodeJS.Immediate | null = null;
  readonly #hooks: RoomHooks;
  /**
   * The facts rights were last decided on, as saved; read just before the first change, so a document that is only
   * read (most of a reconnect's thousand) never pays for summarizing it.
   */
  #facts: string | null = null;
  /** When a member last joined or sent an update: the least recently used room is unloaded first. */
  lastActive = performance.now();
  /** Chosen to be let go: its members are leaving and it unloads once saved. */
  releasing = false;

  constructor(
    name: DocName,
    kind: DocKind,
    doc: Y.Doc,
    stored: { updates: number; clock: number },
    hooks: RoomHooks,
  ) {
    this.#hooks = hooks;
    this.name = name;
    this.kind = kind;
    this.doc = doc;
    this.storedUpdates = stored.updates;
    this.storedClock = stored.clock;
    this.awareness = new awarenessProtocol.Awareness(doc);
    // the server is no participant: it must not announce a presence of its own
    this.awareness.setLocalState(null);
    doc.on('beforeTransaction', () => {
      this.#facts ??= JSON.stringify(summarizeDoc(kind, doc).facts);
    });
    doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      this.lastActive = performance.now();
      if (origin === fromOtherInstance) {
        // saved by the instance that published it: relay only (SPEC S-SCALE-1), once rights are decided anew
        this.#beforeRelay(summarizeDoc(kind, doc).facts);
        this.#relay([{ update, origin, fields: [] }]);
        return;
      }
      // what the guard undid is kept in the history as refused, in the name of who tried it (SPEC A-GUARD-2)
      const fields = origin instanceof GuardWrite ? origin.historyFields : changedFields(doc, transaction);
      this.#unsaved.push({ update, origin, fields });
      hooks.unsaved(this);
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
    this.#beforeRelay(batch.summary.facts, new Set(batch.updates.map((u) => u.origin)));
    this.#relay(batch.updates);
    for (const { origin } of batch.updates) {
      if (this.members.has(origin as RoomMember)) this.#awaitingAck.add(origin as RoomMember);
    }
    this.#hooks.published?.(
      this,
      batch.updates.map((u) => u.update),
    );
    this.#hooks.saved?.(this, batch);
    if (!this.hasUnsaved) {
      this.#acknowledge();
      this.#resolveSavedWaiters();
    }
  }

  /**
   * Rights are decided on the facts the updates about to be relayed leave, and whoever may no longer open the
   * document is let go before any of them is sent (SPEC A-GUARD-8); the rest of the re-check (read or write)
   * follows through the hook.
   */
  #beforeRelay(facts: DocFacts, writers: ReadonlySet<unknown> = new Set()): void {
    this.#checkFacts(facts);
    for (const member of this.members) {
      if (member.accessWith?.(facts) !== 'none') continue;
      // one who moved the case out of their own reach hears that the move is on disk before they go, so their
      // device may let its copy go (SPEC W-MOVE-1); a state vector tells nothing of the content
      if (writers.has(member) && !this.hasUnsaved) member.acknowledge?.(Y.encodeStateVector(this.doc));
      member.revoke?.();
      this.members.delete(member);
    }
  }

  /**
   * Sends each member, as one merged update, what the others sent (SPEC A-GUARD-8): a change and the server's
   * undoing of part of it arrive together, so nobody sees what was refused; the sender gets only the undoing.
   */
  #relay(updates: readonly UnsavedUpdate[]): void {
    if (updates.length === 0) return;
    let sent = 0;
    let bytes = 0;
    const frames = new Map<unknown, Uint8Array | null>();
    const frameFor = (exclude: unknown): Uint8Array | null => {
      const cached = frames.get(exclude);
      if (cached !== undefined) return cached;
      const parts = updates.filter((u) => u.origin !== exclude || exclude === null).map((u) => u.update);
      const [first] = parts;
      const frame =
        first === undefined ? null : encodeUpdate(parts.length === 1 ? first : Y.mergeUpdates(parts));
      frames.set(exclude, frame);
      return frame;
    };
    const origins = new Set(updates.map((u) => u.origin));
    for (const member of this.members) {
      const frame = frameFor(origins.has(member) ? member : null);
      if (!frame) continue;
      member.send(frame);
      sent++;
      bytes += frame.length;
    }
    this.#hooks.relayed?.(sent, bytes);
  }

  #checkFacts(next: DocFacts): void {
    const facts = JSON.stringify(next);
    if (facts === this.#facts) return;
    this.#facts = facts;
    this.#hooks.factsChanged?.(this);
  }

  /** Tells each writer that everything is on disk, with the state that is (SPEC S-ACK-1). */
  #acknowledge(): void {
    if (this.#awaitingAck.size === 0) return;
    const stateVector = Y.encodeStateVector(this.doc);
    for (const member of this.#awaitingAck) if (this.members.has(member)) member.acknowledge?.(stateVector);
    this.#awaitingAck.clear();
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
    if (this.#awarenessFlush) clearImmediate(this.#awarenessFlush);
    this.awareness.destroy();
    this.doc.destroy();
  }

  #resolveSavedWaiters(): void {
    const waiters = this.#savedWaiters;
    this.#savedWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Awareness changes of one turn go out as one frame (SPEC S-AWARE-3): a room of fifty people moving their
   * cursors sends each member one frame per turn, not fifty. The frame goes to the sender too, which ignores
   * states it already has.
   */
  #relayAwareness = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const client of [...change.added, ...change.updated, ...change.removed]) {
      this.#awarenessChanged.add(client);
      // presence from this instance's clients goes to the other instances too, once a turn (SPEC S-SCALE-2)
      if (origin !== fromOtherInstance) this.#localAwarenessChanged.add(client);
    }
    if (this.#awarenessChanged.size === 0 || this.#awarenessFlush) return;
    this.#awarenessFlush = setImmediate(() => {
      this.#awarenessFlush = null;
      const clients = [...this.#awarenessChanged];
      this.#awarenessChanged.clear();
      const frame = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
      for (const member of this.members) if (member.wantsPresence !== false) member.send(frame);
      const local = [...this.#localAwarenessChanged];
      this.#localAwarenessChanged.clear();
      if (local.length > 0) {
        this.#hooks.presence?.(this, awarenessProtocol.encodeAwarenessUpdate(this.awareness, local));
      }
    });
  };
}
