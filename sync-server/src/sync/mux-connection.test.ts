import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { encodeOpen, packFrames, readFrames, type MuxFrame } from '@concord/shared/sync/mux-frames.ts';
import { memoryLogger } from '../logger.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { MuxConnection } from './mux-connection.ts';
import { defaultSessionLimits } from './session.ts';
import { SyncHub } from './sync-hub.ts';
import { testUser } from './test-fixtures.ts';

const hubs: SyncHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.shutdown();
});

function connection(options: { messagesPerSecond?: number; maxChannels?: number } = {}) {
  const hub = new SyncHub({
    store: SqliteDocStore.open(':memory:'),
    logger: memoryLogger(),
    beatIntervalMs: 0,
    limits: { ...defaultSessionLimits, messagesPerSecond: options.messagesPerSecond ?? 200 },
    mux: { maxChannels: options.maxChannels ?? 5000, packFrames: true },
  });
  hubs.push(hub);
  const sent: Uint8Array[] = [];
  const closes: number[] = [];
  let arrived: () => void = () => undefined;
  const mux = new MuxConnection({
    id: 'mux-test',
    hub,
    user: testUser(),
    logger: memoryLogger(),
    transport: {
      send: (message) => {
        sent.push(message);
        arrived();
      },
      close: (code) => closes.push(code),
    },
  });
  const frames = (): MuxFrame[] =>
    sent.flatMap((message) => {
      const read = readFrames(message);
      if (!read.ok) throw new Error(read.reason);
      return read.frames;
    });
  /** Resolves once `count` frames of type `type` came. */
  const until = (type: MuxFrame['type'], count: number) =>
    new Promise<void>((resolve) => {
      arrived = () => {
        if (frames().filter((f) => f.type === type).length >= count) resolve();
      };
      arrived();
    });
  return { hub, mux, sent, closes, frames, until };
}

const empty = Y.encodeStateVector(new Y.Doc());
const opens = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => encodeOpen(from + i, docName('case', `c${from + i}`), 0, empty));

describe('MuxConnection', () => {
  it('S-MUX-5: a reconnect opening a thousand channels in one message passes the rate, which counts messages', async () => {
    const { mux, sent, closes, until, hub } = connection({ messagesPerSecond: 2 });
    mux.receive(packFrames(opens(1, 1000)));
    await until('message', 1000);
    expect(closes).toEqual([]);
    expect(mux.channelCount).toBe(1000);
    expect(hub.sessionCount).toBe(1000);
    // the answers of a turn leave together: far fewer WebSocket messages than channels
    expect(sent.length).toBeLessThan(50);
    // ten more messages at once are past a rate of two a second with bursts of four, however long the above took
    for (let i = 0; i < 10; i++) mux.receive(packFrames(opens(2000 + i, 1)));
    expect(closes).toEqual([closeCode.rateLimited]);
    expect(mux.channelCount).toBe(0);
  });

  it('S-MUX-5: a message of more than twice MAX_CHANNELS frames closes the socket', () => {
    const { mux, closes } = connection({ maxChannels: 10 });
    mux.receive(packFrames(opens(1, 21)));
    expect(closes).toEqual([closeCode.rateLimited]);
  });

  it('S-MUX-3: the server restarting closes the socket with 1012 and ends every channel', async () => {
    const { mux, closes, until, hub } = connection();
    mux.receive(packFrames(opens(1, 3)));
    await until('message', 3);
    await hub.shutdown();
    expect(closes).toEqual([closeCode.serviceRestart]);
    expect(hub.sessionCount).toBe(0);
  });
});
