import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { parseDocName, type DocKind, type DocName } from './doc-name.ts';

/**
 * The multiplexed sync socket `/sync` (SPEC S-MUX-1): one WebSocket carries the sync of many documents. Each
 * WebSocket message holds one or more mux frames, each prefixed by its byte length, so a reconnect opens a
 * thousand documents in one message. Inside a `message` frame is exactly what `/sync/<name>` carries for one
 * document: the standard y-websocket messages and Concord's extensions.
 */
export const muxFrameType = {
  /** Client → server: open a channel on a document, with the client's state vector (its sync step 1). */
  open: 0,
  /** Both ways: one y-websocket message of the channel's document. */
  message: 1,
  /** Client → server: the client lets the document go. */
  close: 2,
  /** Server → client: the channel is closed, with a close code and reason as a socket would be. */
  closed: 3,
  /** Server → client: the link is alive (SPEC S-BEAT-1). */
  beat: 4,
} as const;

/** What a client asks for when it opens a channel (bits of the `flags` of an `open` frame). */
export const muxOpenFlag = {
  /** Concord's extension messages on this channel: access (101), saved (100) and refused (102), as `acks=1`. */
  extensions: 1,
  /**
   * The server sends its own state vector (sync step 1) in the greeting: the client holds, or may hold, edits the
   * server lacks. A device that knows it has nothing unsent leaves it out and saves the bytes.
   */
  serverState: 2,
  /** Presence: the states of who is here now, and every awareness change after. Background copies need none. */
  presence: 4,
} as const;

export type MuxFrame =
  | { type: 'open'; channel: number; name: DocName; kind: DocKind; flags: number; stateVector: Uint8Array }
  | { type: 'message'; channel: number; message: Uint8Array }
  | { type: 'close'; channel: number }
  | { type: 'closed'; channel: number; code: number; reason: string }
  | { type: 'beat' };

export type MuxReadResult = { ok: true; frames: MuxFrame[] } | { ok: false; reason: string };

export function encodeOpen(
  channel: number,
  name: DocName,
  flags: number,
  stateVector: Uint8Array,
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, muxFrameType.open);
  encoding.writeVarUint(encoder, channel);
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, flags);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

export function encodeChannelMessage(channel: number, message: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, muxFrameType.message);
  encoding.writeVarUint(encoder, channel);
  encoding.writeUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

export function encodeClose(channel: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, muxFrameType.close);
  encoding.writeVarUint(encoder, channel);
  return encoding.toUint8Array(encoder);
}

export function encodeClosed(channel: number, code: number, reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, muxFrameType.closed);
  encoding.writeVarUint(encoder, channel);
  encoding.writeVarUint(encoder, code);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

export const muxBeatFrame: Uint8Array = Uint8Array.of(muxFrameType.beat);

/** Joins frames into one WebSocket message, each prefixed by its length. */
export function packFrames(frames: readonly Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const frame of frames) encoding.writeVarUint8Array(encoder, frame);
  return encoding.toUint8Array(encoder);
}

/**
 * Reads every frame of one WebSocket message, to its last byte. Never throws: a message that cannot be read whole
 * is a refusal, and the socket closes (SPEC S-MUX-2). The message inside a `message` frame is not read here; the
 * channel's session checks it as `/sync/<name>` would.
 */
export function readFrames(bytes: Uint8Array): MuxReadResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty message' };
  const frames: MuxFrame[] = [];
  try {
    const outer = decoding.createDecoder(bytes);
    while (decoding.hasContent(outer)) {
      const frame = readFrame(decoding.readVarUint8Array(outer));
      if (typeof frame === 'string') return { ok: false, reason: frame };
      frames.push(frame);
    }
  } catch (error) {
    // lib0 throws on a truncated varint or a length past the end of the message
    return { ok: false, reason: error instanceof Error ? error.message : 'unreadable message' };
  }
  return { ok: true, frames };
}

/** One frame, or why it cannot be read. */
function readFrame(bytes: Uint8Array): MuxFrame | string {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  if (type === muxFrameType.beat)
    return decoding.hasContent(decoder) ? 'trailing bytes after beat' : { type: 'beat' };
  const channel = decoding.readVarUint(decoder);
  let frame: MuxFrame;
  switch (type) {
    case muxFrameType.open: {
      const parsed = parseDocName(decoding.readVarString(decoder));
      if (!parsed.ok) return `not a document name (${parsed.reason})`;
      const flags = decoding.readVarUint(decoder);
      const stateVector = decoding.readVarUint8Array(decoder);
      frame = { type: 'open', channel, name: parsed.name, kind: parsed.kind, flags, stateVector };
      break;
    }
    case muxFrameType.message: {
      const message = decoding.readTailAsUint8Array(decoder);
      if (message.length === 0) return 'empty channel message';
      return { type: 'message', channel, message };
    }
    case muxFrameType.close:
      frame = { type: 'close', channel };
      break;
    case muxFrameType.closed: {
      const code = decoding.readVarUint(decoder);
      frame = { type: 'closed', channel, code, reason: decoding.readVarString(decoder) };
      break;
    }
    default:
      return `unknown frame type ${type}`;
  }
  return decoding.hasContent(decoder) ? 'trailing bytes after frame' : frame;
}
