import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import {
  decodeClientFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type FrameResult,
} from './frames.ts';
import { malformedFrames } from './malformed-frames.ts';

/** A frame as the stock y-websocket client builds it, with y-protocols. */
function stockFrame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function editedDoc(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return doc;
}

describe('decodeClientFrame on what stock clients send', () => {
  it('S-WIRE-1: reads sync step 1 with its state vector', () => {
    const doc = editedDoc('调解');
    const result = decodeClientFrame(
      stockFrame(messageType.sync, (e) => syncProtocol.writeSyncStep1(e, doc)),
    );
    expect(result).toEqual({ ok: true, frame: { type: 'syncStep1', stateVector: Y.encodeStateVector(doc) } });
  });

  it('S-WIRE-1: reads sync step 2 and a sync update as updates', () => {
    const doc = editedDoc('调解');
    const step2 = decodeClientFrame(stockFrame(messageType.sync, (e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(step2).toEqual({ ok: true, frame: { type: 'update', update: Y.encodeStateAsUpdate(doc) } });

    const update = Y.encodeStateAsUpdate(editedDoc('协议'));
    const single = decodeClientFrame(
      stockFrame(messageType.sync, (e) => syncProtocol.writeUpdate(e, update)),
    );
    expect(single).toEqual({ ok: true, frame: { type: 'update', update } });
  });

  it('S-WIRE-1: reads an awareness update and an awareness query', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalStateField('user', { name: '司法所' });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    awareness.destroy();

    expect(
      decodeClientFrame(stockFrame(messageType.awareness, (e) => encoding.writeVarUint8Array(e, update))),
    ).toEqual({ ok: true, frame: { type: 'awareness', update } });
    expect(decodeClientFrame(stockFrame(messageType.queryAwareness, () => undefined))).toEqual({
      ok: true,
      frame: { type: 'queryAwareness' },
    });
  });

  it('S-WIRE-1: reads back every frame the server itself encodes', () => {
    const doc = editedDoc('双方');
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientFrame(encodeSyncStep1(doc))).toMatchObject({ ok: true, frame: { type: 'syncStep1' } });
    expect(decodeClientFrame(encodeSyncStep2(doc, new Uint8Array([0])))).toEqual({
      ok: true,
      frame: { type: 'update', update },
    });
    expect(decodeClientFrame(encodeUpdate(update))).toEqual({ ok: true, frame: { type: 'update', update } });
    expect(decodeClientFrame(encodeAwareness(new Uint8Array([0])))).toEqual({
      ok: true,
      frame: { type: 'awareness', update: new Uint8Array([0]) },
    });
  });

  it('S-WIRE-1: reads a frame that is a view into a larger buffer', () => {
    const frame = encodeUpdate(Y.encodeStateAsUpdate(editedDoc('视图')));
    const padded = new Uint8Array(frame.length + 8);
    padded.set(frame, 4);
    const result = decodeClientFrame(padded.subarray(4, 4 + frame.length));
    expect(result.ok).toBe(true);
  });
});

describe('decodeClientFrame on malformed frames', () => {
  it.each(malformedFrames().map((f) => [f.label, f] as const))(
    'S-WIRE-2: refuses %s with its close code',
    (_label, frame) => {
      const result = decodeClientFrame(frame.bytes);
      expect(result).toEqual({ ok: false, code: frame.code, reason: expect.any(String) as string });
    },
  );

  it('S-WIRE-2: never throws, and refuses only with a documented close code, on random and mutated frames', () => {
    const gen = prng.create(0x5eed);
    const doc = editedDoc('随机');
    doc.getMap('case').set('village', 'hongyan');
    doc.getArray('log').push([1, 'x', { k: true }, new Uint8Array([1, 2])]);
    const seeds = [
      encodeUpdate(Y.encodeStateAsUpdate(doc)),
      encodeSyncStep1(doc),
      encodeAwareness(new Uint8Array([1, 1, 1, 2, 2, 123, 125])),
      new Uint8Array([messageType.queryAwareness]),
    ];
    const codes = new Set<number>(Object.values(closeCode));
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      let frame: Uint8Array;
      if (i % 5 === 0) {
        frame = prng.uint8Array(gen, prng.uint32(gen, 0, 24));
      } else {
        frame = new Uint8Array(prng.oneOf(gen, seeds));
        const flips = prng.uint32(gen, 1, 4);
        for (let f = 0; f < flips; f++)
          frame[prng.uint32(gen, 0, frame.length - 1)] = prng.uint32(gen, 0, 255);
        if (prng.bool(gen)) frame = frame.slice(0, prng.uint32(gen, 0, frame.length));
      }
      let result: FrameResult | undefined;
      expect(
        () => (result = decodeClientFrame(frame)),
        `frame ${Buffer.from(frame).toString('hex')}`,
      ).not.toThrow();
      if (result && !result.ok) {
        expect(codes.has(result.code)).toBe(true);
        seen.add(result.code);
      }
    }
    // the inputs really were varied enough to meet every kind of refusal
    expect([...seen].sort()).toEqual([4410, 4411, 4412]);
  });
});
