import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { encodeSyncMessage, messageType, syncStep } from '@concord/shared/sync/message-types.ts';
import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';

const { step1: syncStep1, step2: syncStep2, update: syncUpdate } = syncStep;

/** A frame from a client, checked down to its last byte (SPEC S-WIRE-2). */
export type ClientFrame =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' };

export type FrameResult = { ok: true; frame: ClientFrame } | { ok: false; code: CloseCode; reason: string };

const refuse = (code: CloseCode, reason: string): FrameResult => ({ ok: false, code, reason });

/** Decodes one binary frame. Never throws: anything it cannot read is a refusal with the close code to send. */
export function decodeClientFrame(bytes: Uint8Array): FrameResult {
  if (bytes.length === 0) return refuse(closeCode.malformedMessage, 'empty frame');
  try {
    const decoder = decoding.createDecoder(bytes);
    const frame = readFrame(decoder);
    if (!frame.ok) return frame;
    if (decoding.hasContent(decoder))
      return refuse(closeCode.malformedMessage, 'trailing bytes after message');
    return frame;
  } catch (error) {
    // lib0 throws on a truncated varint or a length past the end of the frame
    return refuse(closeCode.malformedMessage, error instanceof Error ? error.message : 'unreadable frame');
  }
}

function readFrame(decoder: decoding.Decoder): FrameResult {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case messageType.sync:
      return readSync(decoder);
    case messageType.awareness:
      return { ok: true, frame: { type: 'awareness', update: decoding.readVarUint8Array(decoder) } };
    case messageType.queryAwareness:
      return { ok: true, frame: { type: 'queryAwareness' } };
    default:
      return refuse(closeCode.unknownMessageType, `unknown message type ${type}`);
  }
}

function readSync(decoder: decoding.Decoder): FrameResult {
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (step) {
    case syncStep1:
      return { ok: true, frame: { type: 'syncStep1', stateVector: payload } };
    case syncStep2:
    case syncUpdate:
      {
        const problem = updateProblem(payload);
        if (problem !== null) return refuse(closeCode.invalidUpdate, `update does not decode: ${problem}`);
      }
      return { ok: true, frame: { type: 'update', update: payload } };
    default:
      return refuse(closeCode.unknownMessageType, `unknown sync step ${step}`);
  }
}

/** Decodes the update fully without touching any document, so garbage never reaches one (SPEC S-WIRE-2). */
function updateProblem(update: Uint8Array): string | null {
  try {
    Y.decodeUpdate(update);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSyncMessage(syncStep1, Y.encodeStateVector(doc));
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encodeSyncMessage(syncStep2, Y.encodeStateAsUpdate(doc, stateVector));
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(syncUpdate, update);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
