import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { coveredBy, extensionType, readSavedAck } from '@concord/shared/sync/extensions.ts';
import { encodeSyncMessage, messageType, syncStep } from '@concord/shared/sync/message-types.ts';
import { muxOpenFlag } from '@concord/shared/sync/mux-frames.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { LocalCopy } from './local-copy.ts';

/** What the device knows of a kept document without loading it: kept in the patch index. */
export interface KeptState {
  /** The state vector of the copy on this device. */
  stateVector: Uint8Array;
  /** The server's state vector at a moment all of it was on its disk; null if never heard. */
  saved: Uint8Array | null;
  /** Bytes of updates written to the copy, for the size shown. */
  bytes: number;
}

export const emptyKeptState: KeptState = {
  stateVector: Y.encodeStateVector(new Y.Doc()),
  saved: null,
  bytes: 0,
};

const { step1: syncStep1, step2: syncStep2, update: syncUpdate } = syncStep;

/** The device may hold edits the server has not acknowledged (SPEC S-ACK-1). */
export function mayHoldUnsent(state: KeptState): boolean {
  if (state.saved === null) return Y.decodeStateVector(state.stateVector).size > 0;
  return !coveredBy(Y.decodeStateVector(state.stateVector), Y.decodeStateVector(state.saved));
}

/** The state vector after `update` is applied to a copy whose state vector is `stateVector`. */
export function advance(stateVector: Uint8Array, update: Uint8Array): Uint8Array {
  const next = Y.decodeStateVector(stateVector);
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if ((next.get(client) ?? 0) < clock) next.set(client, clock);
  }
  return encodeVector(next);
}

/**
 * One document kept on the device in the background, never loaded into memory (SPEC W-PATCH-2): what the server
 * sends is appended to the copy, and the copy's state vector follows from the updates' metadata alone. Only a copy
 * that may hold edits the server lacks asks for the server's state vector, and answers it from the copy.
 */
export class KeptDoc {
  readonly name: DocName;
  #state: KeptState;
  readonly #copy: LocalCopy;
  readonly #send: (message: Uint8Array) => void;
  readonly #changed: (state: KeptState) => void;
  /** The server's reply to this connection's state vector has arrived. */
  #upToDate = false;
  #queue: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(options: {
    name: DocName;
    state: KeptState;
    copy: LocalCopy;
    send: (message: Uint8Array) => void;
    changed: (state: KeptState) => void;
  }) {
    this.name = options.name;
    this.#state = options.state;
    this.#copy = options.copy;
    this.#send = options.send;
    this.#changed = options.changed;
  }

  get state(): KeptState {
    return this.#state;
  }

  /** Up to date with the server since the channel last opened. */
  get upToDate(): boolean {
    return this.#upToDate;
  }

  /** What the channel's open frame carries (SPEC S-MUX-4): acknowledgements and the server's state only if needed. */
  opening(): { flags: number; stateVector: Uint8Array } {
    this.#upToDate = false;
    const unsent = mayHoldUnsent(this.#state);
    return {
      flags: unsent ? muxOpenFlag.extensions | muxOpenFlag.serverState : 0,
      stateVector: this.#state.stateVector,
    };
  }

  /** Messages are handled one after another, so an update is never written before the one it follows. */
  message(message: Uint8Array): Promise<void> {
    this.#queue = this.#queue.then(() => this.#handle(message));
    return this.#queue;
  }

  /** Resolves when every message received so far is on the device. */
  settled(): Promise<void> {
    return this.#queue;
  }

  /** The channel closed: the copy is as up to date as it was, but no longer known to be. */
  disconnected(): void {
    this.#upToDate = false;
  }

  /** Sign-out: what is still queued is not written, so no copy comes back after the device is wiped. */
  stop(): void {
    this.#stopped = true;
  }

  async #handle(message: Uint8Array): Promise<void> {
    if (this.#stopped) return;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === extensionType.saved) {
      this.#update({ ...this.#state, saved: encodeVector(readSavedAck(decoder)) });
      return;
    }
    if (type !== messageType.sync) return; // presence, access and refusals mean nothing to a copy nobody has open
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncStep1) {
      await this.#answer(payload);
      return;
    }
    if (step !== syncStep2 && step !== syncUpdate) return;
    await this.#copy.append(payload);
    const unsent = mayHoldUnsent(this.#state);
    const stateVector = advance(this.#state.stateVector, payload);
    // what the server sends is on its disk (it persists before it relays), so a copy with nothing of its own
    // is as saved as what it now holds
    this.#update({
      stateVector,
      saved: unsent ? this.#state.saved : stateVector,
      bytes: this.#state.bytes + payload.length,
    });
    if (step === syncStep2) this.#upToDate = true;
  }

  /** The server's state vector: send what the copy has that the server lacks. */
  async #answer(serverVector: Uint8Array): Promise<void> {
    const server = Y.decodeStateVector(serverVector);
    if (coveredBy(Y.decodeStateVector(this.#state.stateVector), server)) return;
    const kept = await this.#copy.read();
    this.#send(encodeSyncMessage(syncStep2, Y.diffUpdate(kept, serverVector)));
  }

  #update(state: KeptState): void {
    this.#state = state;
    this.#changed(state);
  }
}

/** A state vector in Yjs's encoding, highest client first as Yjs writes it, so equal vectors are equal bytes. */
function encodeVector(vector: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, vector.size);
  for (const [client, clock] of [...vector].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}
