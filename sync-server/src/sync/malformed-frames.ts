import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import { encodeSyncStep1, encodeUpdate } from './frames.ts';

/** A binary frame no well-behaved client sends, with the close code the server must answer it with. */
export interface MalformedFrame {
  label: string;
  bytes: Uint8Array;
  code: CloseCode;
  /** True when the frame carries document content that must never reach a document. */
  carriesContent: boolean;
}

/**
 * Every kind of malformed binary frame the sync endpoint must refuse (SPEC S-WIRE-2), shared by the unit tests of
 * the decoder and the socket tests of the running server.
 */
export function malformedFrames(): MalformedFrame[] {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, '不该保存的内容');
  const realUpdate = Y.encodeStateAsUpdate(doc);
  return [
    { label: 'empty binary frame', bytes: bytes(), code: closeCode.malformedMessage, carriesContent: false },
    {
      label: 'truncated varint',
      bytes: bytes(0x80),
      code: closeCode.malformedMessage,
      carriesContent: false,
    },
    {
      label: 'unknown message type',
      bytes: bytes(7),
      code: closeCode.unknownMessageType,
      carriesContent: false,
    },
    {
      label: 'auth message, which this server does not speak',
      bytes: bytes(messageType.auth, 0),
      code: closeCode.unknownMessageType,
      carriesContent: false,
    },
    {
      label: 'unknown sync step',
      bytes: bytes(0, 9, 0),
      code: closeCode.unknownMessageType,
      carriesContent: false,
    },
    {
      label: 'payload length past the end of the frame',
      bytes: bytes(0, 2, 5, 1),
      code: closeCode.malformedMessage,
      carriesContent: false,
    },
    {
      label: 'garbage update bytes',
      bytes: syncFrame(2, bytes(0xff, 0xff, 0xff, 0xff)),
      code: closeCode.invalidUpdate,
      carriesContent: true,
    },
    {
      label: 'sync step 2 with an invalid update',
      bytes: syncFrame(1, realUpdate.slice(0, realUpdate.length - 3)),
      code: closeCode.invalidUpdate,
      carriesContent: true,
    },
    {
      label: 'update whose embedded JSON does not parse',
      bytes: encodeUpdate(updateWithEmbedJson(`{"${'案'.repeat(8)}":${'案'.repeat(30)}`)),
      code: closeCode.invalidUpdate,
      carriesContent: true,
    },
    {
      label: 'trailing bytes after a valid update',
      bytes: concat(encodeUpdate(realUpdate), bytes(0)),
      code: closeCode.malformedMessage,
      carriesContent: true,
    },
    {
      label: 'trailing bytes after sync step 1',
      bytes: concat(encodeSyncStep1(new Y.Doc()), bytes(0)),
      code: closeCode.malformedMessage,
      carriesContent: false,
    },
    {
      label: 'awareness payload cut short',
      bytes: bytes(messageType.awareness, 3, 1, 2),
      code: closeCode.malformedMessage,
      carriesContent: false,
    },
  ];
}

/**
 * A well-formed Yjs update but for the JSON of one embed, which is `json` as it stands. Yjs reads that JSON while
 * decoding, so the update fails only deep inside; a JSON error also makes a long message.
 */
export function updateWithEmbedJson(json: string): Uint8Array {
  const marker = '{"m":"MARK"}';
  const doc = new Y.Doc();
  doc.getText('notes').insertEmbed(0, JSON.parse(marker) as object);
  const update = Y.encodeStateAsUpdate(doc);
  const needle = concat(bytes(marker.length), new TextEncoder().encode(marker));
  const at = indexOf(update, needle);
  if (at < 0) throw new Error('embed JSON not found in the update');
  const replacement = encoding.createEncoder();
  encoding.writeVarString(replacement, json);
  return concat(
    update.subarray(0, at),
    encoding.toUint8Array(replacement),
    update.subarray(at + needle.length),
  );
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function bytes(...values: number[]): Uint8Array {
  return new Uint8Array(values);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
