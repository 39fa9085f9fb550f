import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { messageType } from '../../shared/src/sync/message-types.ts';
import {
  encodeChannelMessage,
  encodeOpen,
  packFrames,
  readFrames,
  type MuxFrame,
} from '../../shared/src/sync/mux-frames.ts';
import { rawSocket, type RawSocket } from './raw-socket.ts';

/** A bare `/sync` socket speaking mux frames, for tests that send exactly what they mean (SPEC S-MUX-1). */
export interface MuxTestSocket {
  raw: RawSocket;
  ws: WebSocket;
  /** Every frame received so far, in order, across messages. */
  frames: MuxFrame[];
  /** Sends the frames as one WebSocket message. */
  send(...frames: Uint8Array[]): void;
  /** Resolves with the first frame, received already or later, for which `match` holds. */
  frameWhere(match: (frame: MuxFrame) => boolean): Promise<MuxFrame>;
  /** The y-websocket messages the server sent on `channel`. */
  messagesOf(channel: number): Uint8Array[];
}

export function muxSocket(url: string): MuxTestSocket {
  const raw = rawSocket(url);
  const frames: MuxFrame[] = [];
  const watchers = new Set<() => void>();
  raw.ws.on('message', (data: Buffer) => {
    const read = readFrames(new Uint8Array(data));
    if (!read.ok) throw new Error(`the server sent an unreadable message: ${read.reason}`);
    frames.push(...read.frames);
    for (const watch of [...watchers]) watch();
  });
  return {
    raw,
    ws: raw.ws,
    frames,
    send: (...sent) => raw.ws.send(packFrames(sent)),
    frameWhere: (match) =>
      new Promise((resolve) => {
        const check = () => {
          const found = frames.find(match);
          if (!found) return false;
          watchers.delete(watch);
          resolve(found);
          return true;
        };
        const watch = () => void check();
        if (!check()) watchers.add(watch);
      }),
    messagesOf: (channel) =>
      frames.flatMap((f) => (f.type === 'message' && f.channel === channel ? [f.message] : [])),
  };
}

/** An `open` frame with the state vector of `doc` (an empty one when none). */
export function openFrame(channel: number, name: DocName, flags: number, doc?: Y.Doc): Uint8Array {
  return encodeOpen(channel, name, flags, Y.encodeStateVector(doc ?? new Y.Doc()));
}

/** A sync update from `doc` as a channel message. */
export function updateFrame(channel: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encodeChannelMessage(channel, encoding.toUint8Array(encoder));
}

/** What kind of y-websocket message `message` is: `sync:0` (step 1), `sync:1` (step 2), `sync:2`, or its type. */
export function kindOf(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  return type === messageType.sync ? `sync:${decoding.readVarUint(decoder)}` : String(type);
}

/** The update inside a sync step 2 or update message. */
export function syncPayload(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}
