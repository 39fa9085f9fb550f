import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';
import type { DocKind, DocName } from '@concord/shared/sync/doc-name.ts';
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
import type { RoomRegistry } from './room-registry.ts';

/** The socket under a session, whatever library holds it. */
export interface SyncSocket {
  send(frame: Uint8Array): void;
  close(code: CloseCode, reason: string): void;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/**
 * One client's socket on one document. Frames are handled strictly in arrival order through one promise chain,
 * so an update never overtakes the sync step before it.
 */
export class SyncSession implements RoomMember {
  readonly id: string;
  readonly docName: DocName;
  readonly #kind: DocKind;
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
    docName: DocName;
    kind: DocKind;
    socket: SyncSocket;
    registry: RoomRegistry;
    logger: Logger;
  }) {
    this.id = options.id;
    this.docName = options.docName;
    this.#kind = options.kind;
    this.#socket = options.socket;
    this.#registry = options.registry;
    this.#logger = options.logger;
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
      this.send(encodeSyncStep1(room.doc));
      const present = [...room.awareness.getStates().keys()];
      if (present.length > 0) {
        this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, present)));
      }
    });
  }

  receive(bytes: Uint8Array): void {
    if (!this.#open) return;
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
        return;
      }
      case 'update':
        try {
          Y.applyUpdate(room.doc, frame.update, this);
        } catch (error) {
          this.#reject(closeCode.invalidUpdate, `update could not be applied: ${errorFields(error).error}`);
        }
        return;
      case 'awareness':
        try {
          awarenessProtocol.applyAwarenessUpdate(room.awareness, frame.update, this);
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
    this.#logger.warn('frame rejected', { doc: this.docName, session: this.id, code, reason });
    this.close(code, reason);
  }

  #trackAwareness = (change: AwarenessChange, origin: unknown): void => {
    if (origin !== this) return;
    for (const client of [...change.added, ...change.updated]) this.#awarenessClients.add(client);
    for (const client of change.removed) this.#awarenessClients.delete(client);
  };
}
