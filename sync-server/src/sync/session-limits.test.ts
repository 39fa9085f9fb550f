import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import { memoryLogger } from '../logger.ts';
import { encodeUpdate } from './frames.ts';
import { RoomRegistry } from './room-registry.ts';
import type { RoomMember } from './room.ts';
import { SyncSession, type SessionLimits } from './session.ts';
import { roomsInMemory, testUser } from './test-fixtures.ts';

const name = docName('case', 'limits');
const user = testUser();

const setup = roomsInMemory();

function session(registry: RoomRegistry, limits: SessionLimits) {
  const closes: CloseCode[] = [];
  const sent: Uint8Array[] = [];
  const s = new SyncSession({
    id: 'one',
    request: { docName: name, kind: 'case', user, wantsAcks: false, access: 'write' },
    socket: { send: (frame) => sent.push(frame), close: (code) => closes.push(code) },
    registry,
    logger: memoryLogger(),
    limits,
  });
  return { session: s, closes, sent };
}

function queryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.queryAwareness);
  return encoding.toUint8Array(encoder);
}

describe('what one socket may send', () => {
  it('S-LIMIT-2: while the document loads, more than the early allowance closes the socket with 4413', async () => {
    const { store, registry } = setup();
    const gate = Promise.withResolvers<undefined>();
    store.beforeLoad = () => gate.promise;
    const { session: s, closes } = session(registry, { messagesPerSecond: 1000, earlyBytes: 1000 });
    s.start();
    const edit = new Y.Doc();
    edit.getText('notes').insert(0, 'x'.repeat(600));
    const frame = encodeUpdate(Y.encodeStateAsUpdate(edit));
    s.receive(queryAwareness());
    expect(closes).toEqual([]);
    s.receive(frame);
    s.receive(frame);
    expect(closes).toEqual([closeCode.tooMuchEarly]);
    gate.resolve(undefined);
    await s.settled();
    // nothing it sent early was applied, and the room it was joining has no member left
    expect(store.appends).toEqual([]);
  });

  it('S-LIMIT-1: a burst past twice the rate closes the socket with 4429; a steady client is never cut', async () => {
    const { registry } = setup();
    const flood = session(registry, { messagesPerSecond: 10, earlyBytes: 1 << 20 });
    flood.session.start();
    await flood.session.settled();
    for (let i = 0; i < 20; i++) flood.session.receive(queryAwareness());
    expect(flood.closes).toEqual([]);
    flood.session.receive(queryAwareness());
    expect(flood.closes).toEqual([closeCode.rateLimited]);
  });
});

describe('awareness', () => {
  it('S-AWARE-3: changes from several clients in one turn reach a member as one frame', async () => {
    const { registry } = setup();
    const watcher: RoomMember & { frames: Uint8Array[] } = {
      frames: [],
      send(frame) {
        this.frames.push(frame);
      },
      release() {
        // never let go in this test
      },
    };
    const room = await registry.join(name, 'case', watcher);
    const peers = [1, 2, 3].map(() => new awarenessProtocol.Awareness(new Y.Doc()));
    peers.forEach((peer, i) => {
      peer.setLocalState({ user: { name: `peer ${i}` } });
      awarenessProtocol.applyAwarenessUpdate(
        room.awareness,
        awarenessProtocol.encodeAwarenessUpdate(peer, [peer.clientID]),
        `socket ${i}`,
      );
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    const awarenessFrames = watcher.frames.filter((f) => f[0] === messageType.awareness);
    expect(awarenessFrames).toHaveLength(1);
    const seen = new awarenessProtocol.Awareness(new Y.Doc());
    seen.setLocalState(null);
    const frame = awarenessFrames[0];
    if (!frame) throw new Error('no awareness frame');
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), null);
    expect([...seen.getStates().keys()].sort()).toEqual(peers.map((p) => p.clientID).sort());
    await registry.leave(room, watcher);
  });
});
