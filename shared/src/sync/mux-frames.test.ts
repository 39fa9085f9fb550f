import { describe, expect, it } from 'vitest';
import { docName } from './doc-name.ts';
import {
  encodeChannelMessage,
  encodeClose,
  encodeClosed,
  encodeOpen,
  muxBeatFrame,
  muxOpenFlag,
  packFrames,
  readFrames,
} from './mux-frames.ts';

describe('mux frames (SPEC S-MUX-1, S-MUX-2)', () => {
  it('S-MUX-1: frames packed into one message read back in order', () => {
    const name = docName('case', 'abc');
    const packed = packFrames([
      encodeOpen(7, name, muxOpenFlag.extensions | muxOpenFlag.presence, Uint8Array.of(1, 2, 3)),
      encodeChannelMessage(7, Uint8Array.of(0, 0, 1, 0)),
      encodeClose(7),
      encodeClosed(8, 4403, 'not yours'),
      muxBeatFrame,
    ]);
    const read = readFrames(packed);
    expect(read).toEqual({
      ok: true,
      frames: [
        { type: 'open', channel: 7, name, kind: 'case', flags: 5, stateVector: Uint8Array.of(1, 2, 3) },
        { type: 'message', channel: 7, message: Uint8Array.of(0, 0, 1, 0) },
        { type: 'close', channel: 7 },
        { type: 'closed', channel: 8, code: 4403, reason: 'not yours' },
        { type: 'beat' },
      ],
    });
  });

  it('S-MUX-2: an empty, truncated, unknown or overlong frame is refused, never thrown', () => {
    expect(readFrames(new Uint8Array()).ok).toBe(false);
    const open = encodeOpen(1, docName('case', 'x'), 0, Uint8Array.of(0));
    expect(readFrames(packFrames([open.slice(0, open.length - 1)])).ok).toBe(false);
    expect(readFrames(packFrames([Uint8Array.of(9, 1)])).ok).toBe(false);
    expect(readFrames(packFrames([Uint8Array.of(...encodeClose(1), 0)])).ok).toBe(false);
    expect(readFrames(packFrames([encodeChannelMessage(1, new Uint8Array())])).ok).toBe(false);
    // a length prefix past the end of the message
    expect(readFrames(Uint8Array.of(50, 1, 2)).ok).toBe(false);
  });

  it('S-MUX-2: an open frame naming no document is refused', () => {
    const bad = packFrames([Uint8Array.of(0, 1, 3, ...new TextEncoder().encode('x:y'), 0, 0)]);
    const read = readFrames(bad);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/document name/);
  });
});
