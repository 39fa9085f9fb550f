import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';
import type { DocKind, DocName } from '@concord/shared/sync/doc-name.ts';
import { accessTo, type Access, type DocFacts } from '@concord/shared/access/rights.ts';
import { beatFrame, encodeAccess, encodeRefused, encodeSavedAck } from '@concord/shared/sync/extensions.ts';
import { subjectOf } from '../access/doc-access.ts';
import { applyGuarded, type GuardedApplyResult } from './guarded-apply.ts';
import { ownedPresence, releasePresence, stampPresence, type PresenceUser } from './presence-stamp.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { AuthenticatedUser } from '../auth/auth-service.ts';
import type { Logger } from '../logger.ts';
import { errorFields } from '../logger.ts';
import {
  decodeClientFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  type ClientFrame,
} from './frames.ts';
import type { Room, RoomMember } from './room.ts';
import { TokenBucket } from './token-bucket.ts';
import type { RoomRegistry } from './room-registry.ts';

/** The socket under a session, whatever library holds it. */
export interface SyncSocket {
  send(frame: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** Who opened a socket on which document, as the HTTP upgrade established it. */
export interface SessionRequest {
  docName: DocName;
  kind: DocKind;
  user: AuthenticatedUser;
  /** The client understands the `saved` extension message (SPEC S-ACK-1). */
  wantsAcks: boolean;
  /** What the person may do with the document, as decided at connect (SPEC A-RIGHT-9). */
  access: 'read' | 'write';
  /** What the greeting holds; a `/sync/<name>` socket gets all of it, a mux channel what its flags ask. */
  greeting?: SessionGreeting;
}

/** A channel's greeting as its open flags ask (SPEC S-MUX-4); absent, the greeting of a `/sync/<name>` socket. */
export interface SessionGreeting {
  /** The server's own sync step 1. */
  serverState: boolean;
  /** Who is here, and every awareness change after. */
  presence: boolean;
  /** The client's state vector, answered at once with sync step 2 as if it had sent its step 1. */
  stateVector: Uint8Array | null;
  /** The session beats on its own; false when its socket beats once for all its channels. */
  beats: boolean;
}

const fullGreeting: SessionGreeting = { serverState: true, presence: true, stateVector: null, beats: true };

/** What one socket may send (SPEC S-LIMIT-1, S-LIMIT-2). */
export interface SessionLimits {
  /** Sustained messages per second; bursts of twice this are allowed. */
  messagesPerSecond: number;
  /** Bytes a client may send before its document is loaded and greeted. */
  earlyBytes: number;
}

export const defaultSessionLimits: SessionLimits = { messagesPerSecond: 200, earlyBytes: 1024 * 1024 };

/**
 * One client's socket on one document. Frames are handled strictly in arrival order through one promise chain,
 * so an update never overtakes the sync step before it.
 */
export class SyncSession implements RoomMember {
  readonly id: string;
  readonly docName: DocName;
  #user: AuthenticatedUser;
  readonly #kind: DocKind;
  readonly #wantsAcks: boolean;
  readonly #greeting: SessionGreeting;
  #access: 'read' | 'write';
  readonly #limits: SessionLimits;
  readonly #onReject: (code: CloseCode) => void;
  readonly #onDroppedUpdate: () => void;
  readonly #onRefused: (count: number) => void;
  readonly #now: () => number;
  readonly #rate: TokenBucket;
  /** Bytes received before the greeting went out. */
  #earlyBytes = 0;
  #greeted = false;
  readonly #socket: SyncSocket;
  readonly #registry: RoomRegistry;
  readonly #logger: Logger;
  #room: Room | null = null;
  #queue: Promise<void> = Promise.resolve();
  #open = true;
  /** Awareness client ids this socket announced, removed for everyone when it goes (SPEC S-AWARE-2). */
  readonly #awarenessClients = new Set<number>();

  constructor(options: {
    id: string;
    request: SessionRequest;
    socket: SyncSocket;
    registry: RoomRegistry;
    logger: Logger;
    limits?: SessionLimits;
    onReject?: (code: CloseCode) => void;
    onDroppedUpdate?: () => void;
    onRefused?: (count: number) => void;
    now?: () => number;
  }) {
    this.#onRefused = options.onRefused ?? (() => undefined);
    this.#now = options.now ?? Date.now;
    this.#onDroppedUpdate = options.onDroppedUpdate ?? (() => undefined);
    this.id = options.id;
    this.docName = options.request.docName;
    this.#user = options.request.user;
    this.#kind = options.request.kind;
    this.#wantsAcks = options.request.wantsAcks;
    this.#greeting = options.request.greeting ?? fullGreeting;
    this.#access = options.request.access;
    this.#limits = options.limits ?? defaultSessionLimits;
    this.#rate = new TokenBucket(this.#limits.messagesPerSecond);
    this.#onReject = options.onReject ?? (() => undefined);
    this.#socket = options.socket;
    this.#registry = options.registry;
    this.#logger = options.logger;
  }

  get author(): AccountId {
    return this.#user.id;
  }

  /** The signed-in person; their account may change while the socket is open. */
  get user(): AuthenticatedUser {
    return this.#user;
  }

  updateUser(user: AuthenticatedUser): void {
    this.#user = user;
  }

  get kind(): DocKind {
    return this.#kind;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Loads the document and greets the client with the server's state vector and who else is here (SPEC S-SYNC-1). */
  start(): void {
    this.#enqueue(async () => {
      let room: Room;
      try {
        room = await this.#registry.join(this.docName, this.#kind, this);
      } catch (error) {
        this.#logger.error('document load failed', { ...errorFields(error), doc: this.docName });
        this.close(closeCode.internalError, 'document could not be loaded');
        return;
      }
      this.#room = room;
      room.awareness.on('update', this.#trackAwareness);
      if (!this.#open) return;
      this.#greeted = true;
      const greeting = this.#greeting;
      if (this.#wantsAcks) this.send(encodeAccess(this.#access));
      if (greeting.serverState) this.send(encodeSyncStep1(room.doc));
      const present = greeting.presence ? [...room.awareness.getStates().keys()] : [];
      if (present.length > 0) {
        this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, present)));
      }
      if (greeting.stateVector) await this.#handle({ type: 'syncStep1', stateVector: greeting.stateVector });
    });
  }

  /** A channel of a multiplexed socket, rather than a socket of its own. */
  get isChannel(): boolean {
    return this.#greeting !== fullGreeting;
  }

  /** Awareness of others reaches this session only when it asked for presence (SPEC S-MUX-4). */
  get wantsPresence(): boolean {
    return this.#greeting.presence;
  }

  receive(bytes: Uint8Array): void {
    if (!this.#open) return;
    if (!this.#rate.take()) {
      this.#reject(closeCode.rateLimited, 'too many messages');
      return;
    }
    if (!this.#greeted) {
      // frames wait in the queue while the document loads; a flood of them must not fill the memory
      this.#earlyBytes += bytes.length;
      if (this.#earlyBytes > this.#limits.earlyBytes) {
        this.#reject(closeCode.tooMuchEarly, 'too much sent before the document was ready');
        return;
      }
    }
    const decoded = decodeClientFrame(bytes);
    if (!decoded.ok) {
      this.#reject(decoded.code, decoded.reason);
      return;
    }
    this.#enqueue(() => this.#handle(decoded.frame));
  }

  /** The sync protocol is binary; a text frame is a client speaking something else (SPEC S-WIRE-3). */
  receiveText(): void {
    this.#reject(closeCode.unsupportedData, 'text frames are not part of the sync protocol');
  }

  send(frame: Uint8Array): void {
    if (this.#open) this.#socket.send(frame);
  }

  get access(): 'read' | 'write' {
    return this.#access;
  }

  /**
   * The person's rights changed (the document moved, or the person did): narrower rights apply to the next
   * frame, and none at all close the socket with 4403 (SPEC A-RIGHT-9, A-REVOKE-1).
   */
  setAccess(next: Access): void {
    if (next === 'none') {
      this.close(closeCode.forbidden, 'no longer yours to open');
      return;
    }
    if (next === this.#access) return;
    this.#access = next;
    if (this.#wantsAcks) this.send(encodeAccess(next));
  }

  accessWith(facts: DocFacts): Access {
    return accessTo(subjectOf(this.#user), this.#kind, facts);
  }

  revoke(): void {
    this.setAccess('none');
  }

  release(): void {
    this.close(closeCode.tryAgainLater, 'too many documents open on the server; try again shortly');
  }

  /** Tells a client that asked for Concord's messages that the link is alive (SPEC S-BEAT-1); others hear nothing. */
  beat(): void {
    if (this.#wantsAcks && this.#greeted && this.#greeting.beats) this.send(beatFrame);
  }

  acknowledge(stateVector: Uint8Array): void {
    if (this.#wantsAcks) this.send(encodeSavedAck(stateVector));
  }

  close(code: CloseCode, reason: string): void {
    if (!this.#open) return;
    this.#socket.close(code, reason);
    this.closed();
  }

  /** The socket is gone: take this client's presence away and leave the room once pending frames are done. */
  closed(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#queue = this.#queue.then(async () => {
      const room = this.#room;
      if (!room) return;
      room.awareness.off('update', this.#trackAwareness);
      if (this.#awarenessClients.size > 0) {
        awarenessProtocol.removeAwarenessStates(room.awareness, [...this.#awarenessClients], this);
      }
      releasePresence(room, this);
      await this.#registry.leave(room, this);
    });
  }

  /** Resolves when every frame received so far has been handled. */
  settled(): Promise<void> {
    return this.#queue;
  }

  async #handle(frame: ClientFrame): Promise<void> {
    const room = this.#room;
    if (!room || !this.#open) return;
    switch (frame.type) {
      case 'syncStep1': {
        // answer only with what is on disk, so nothing is passed on that a crash could still lose
        await room.whenSaved();
        let reply: Uint8Array;
        try {
          reply = encodeSyncStep2(room.doc, frame.stateVector);
        } catch (error) {
          this.#reject(closeCode.malformedMessage, `unreadable state vector: ${errorFields(error).error}`);
          return;
        }
        this.send(reply);
        // a reader learns that what it now holds is on disk too; only said when nothing is unsaved right now
        if (!room.hasUnsaved) this.acknowledge(Y.encodeStateVector(room.doc));
        return;
      }
      case 'update':
        if (this.#access === 'read') {
          // never applied, stored nor relayed; the client is told, so it shows the document read-only
          this.#onDroppedUpdate();
          if (this.#wantsAcks) this.send(encodeAccess('read'));
          return;
        }
        this.#applyUpdate(room, frame.update);
        return;
      case 'awareness':
        try {
          const stamped = stampPresence(room, frame.update, this, this.#presenceUser());
          if (stamped) awarenessProtocol.applyAwarenessUpdate(room.awareness, stamped, this);
        } catch (error) {
          this.#reject(
            closeCode.malformedMessage,
            `unreadable awareness update: ${errorFields(error).error}`,
          );
        }
        return;
      case 'queryAwareness': {
        const clients = [...room.awareness.getStates().keys()];
        this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, clients)));
        return;
      }
    }
  }

  /** Applies an update under the server's guard and tells the sender what did not stand (SPEC A-GUARD-2). */
  #applyUpdate(room: Room, update: Uint8Array): void {
    let result: GuardedApplyResult;
    try {
      result = applyGuarded({
        doc: room.doc,
        kind: this.#kind,
        update,
        origin: this,
        sender: subjectOf(this.#user),
        now: this.#now(),
        ownClients: ownedPresence(room, this),
      });
    } catch (error) {
      this.#reject(closeCode.invalidUpdate, `update could not be applied: ${errorFields(error).error}`);
      return;
    }
    if (!result.ok) {
      // nothing applied: the writer is told by a close it cannot mistake for a network fault (SPEC A-BIND-1)
      this.#reject(closeCode.clientIdTaken, `client id ${result.client} writes for another account`);
      return;
    }
    if (result.refused.length === 0) return;
    this.#onRefused(result.refused.length);
    this.#logger.info('update partly refused', {
      doc: this.docName,
      session: this.id,
      user: this.user.username,
      refused: result.refused.map((r) => `${r.reason}:${r.field}`).join(' '),
    });
    if (this.#wantsAcks) this.send(encodeRefused(result.refused));
  }

  /** Who this socket's presence says is here: the signed-in account, whatever the client announces. */
  #presenceUser(): PresenceUser {
    return { id: this.#user.id, name: this.#user.displayName, role: this.#user.role };
  }

  #enqueue(work: () => Promise<void>): void {
    this.#queue = this.#queue.then(work).catch((error: unknown) => {
      this.#logger.error('sync session failed', {
        ...errorFields(error),
        doc: this.docName,
        session: this.id,
      });
      this.close(closeCode.internalError, 'internal error');
    });
  }

  #reject(code: CloseCode, reason: string): void {
    this.#onReject(code);
    this.#logger.warn('frame rejected', {
      doc: this.docName,
      session: this.id,
      user: this.user.username,
      code,
      reason,
    });
    this.close(code, reason);
  }

  #trackAwareness = (change: AwarenessChange, origin: unknown): void => {
    if (origin !== this) return;
    for (const client of [...change.added, ...change.updated]) this.#awarenessClients.add(client);
    for (const client of change.removed) this.#awarenessClients.delete(client);
  };
}
