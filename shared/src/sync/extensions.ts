import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { refusedMessageSchema, type RefusedChange } from '../access/guard-refusals.ts';

/**
 * Concord's own messages on the sync socket (SPEC S-WIRE-1): numbers from 100 up, which stock clients ignore.
 * The server sends them only to a client that asked with `acks=1` among its URL parameters.
 */
export const extensionType = {
  /** The server's state vector at a moment when everything it holds of the document is on disk. */
  saved: 100,
  /** The client's rights on the document: read or write. */
  access: 101,
  /** Parts of what the client sent that the server undid, and why (SPEC A-GUARD-2). */
  refused: 102,
  /** A heartbeat with no body: the link is alive (SPEC S-BEAT-1). */
  beat: 103,
} as const;

/** How often the server sends `beat`, and how long a client waits without hearing anything before it drops the socket. */
export const beatIntervalMs = 2000;
export const silentLinkMs = 5000;

/** The heartbeat frame: only its type. The same bytes for every socket, so one is made once. */
export const beatFrame: Uint8Array = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, extensionType.beat);
  return encoding.toUint8Array(encoder);
})();

export function encodeSavedAck(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, extensionType.saved);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `saved` message (after its type). */
export function readSavedAck(decoder: decoding.Decoder): Map<number, number> {
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
}

/**
 * True when the server's saved state holds everything in `local` (a Yjs state vector as a map): every edit this
 * replica knows of is on the server's disk (SPEC S-ACK-1).
 */
export function coveredBy(local: ReadonlyMap<number, number>, saved: ReadonlyMap<number, number>): boolean {
  for (const [client, clock] of local) if ((saved.get(client) ?? 0) < clock) return false;
  return true;
}

/** What the server tells a client of its rights on the document (SPEC A-RIGHT-10); sent with type 101. */
const accessCodes = { read: 0, write: 1 } as const;

export function encodeAccess(level: 'read' | 'write'): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, extensionType.access);
  encoding.writeVarUint(encoder, accessCodes[level]);
  return encoding.toUint8Array(encoder);
}

/** Reads the body of an access message (after its type); an unknown code reads as the safer `read`. */
export function readAccess(decoder: decoding.Decoder): 'read' | 'write' {
  return decoding.readVarUint(decoder) === accessCodes.write ? 'write' : 'read';
}

/** Tells a writer what the server undid of their update, and why (SPEC A-GUARD-2); type 102, a JSON body. */
export function encodeRefused(refused: readonly RefusedChange[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, extensionType.refused);
  encoding.writeVarString(encoder, JSON.stringify({ refused: refused.slice(0, 100) }));
  return encoding.toUint8Array(encoder);
}

/** Reads the body of a `refused` message (after its type); null when it cannot be read. */
export function readRefused(decoder: decoding.Decoder): RefusedChange[] | null {
  let body: unknown;
  try {
    body = JSON.parse(decoding.readVarString(decoder));
  } catch (error) {
    // a truncated string or broken JSON: the message says nothing this client can act on
    if (error instanceof Error) return null;
    throw error;
  }
  const parsed = refusedMessageSchema.safeParse(body);
  return parsed.success ? parsed.data.refused : null;
}
