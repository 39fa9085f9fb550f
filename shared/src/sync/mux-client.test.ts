import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocName } from './doc-name.ts';
import { MuxSocket, type MuxChannelHandler } from './mux-client.ts';
import { FakeSocket } from './fake-mux-socket.ts';
import { encodeChannelMessage, encodeClosed, muxBeatFrame } from './mux-frames.ts';

interface Heard {
  messages: number[][];
  closes: { code: number; reason: string; byServer: boolean }[];
}

function handler(
  flags: number,
  sendOnOpen?: () => Uint8Array,
): MuxChannelHandler & Heard & { channelSend?: (m: Uint8Array) => void } {
  const h: MuxChannelHandler & Heard & { channelSend?: (m: Uint8Array) => void } = {
    messages: [],
    closes: [],
    opening() {
      if (sendOnOpen && h.channelSend) h.channelSend(sendOnOpen());
      return { flags, stateVector: Uint8Array.of(0) };
    },
    message(message) {
      h.messages.push([...message]);
    },
    closed(code, reason, byServer) {
      h.closes.push({ code, reason, byServer });
    },
  };
  return h;
}

const caseA = 'case:a' as DocName;
const caseB = 'case:b' as DocName;

/** Lets the microtask that sends this turn's frames run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('MuxSocket', () => {
  let sockets: FakeSocket[];
  let mux: MuxSocket;
  let warnings: string[];
  const last = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket made');
    return socket;
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    warnings = [];
    mux = new MuxSocket({
      logger: { warn: (message) => warnings.push(message) },
      url: 'ws://server/sync',
      params: { token: 't1' },
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      reconnectDelay: (failures) => 1000 * failures,
      silentLinkMs: 5000,
    });
  });

  afterEach(() => {
    mux.destroy();
    vi.useRealTimers();
  });

  it('S-MUX-1: on open, every channel opens in one message, a handler’s first messages right after its open', async () => {
    const a = handler(7, () => Uint8Array.of(1, 9));
    const b = handler(2);
    const channelA = mux.channel(caseA, a);
    a.channelSend = (message) => channelA.send(message);
    mux.channel(caseB, b);
    mux.connect();
    expect(mux.connecting).toBe(true);
    expect(last().url).toBe('ws://server/sync?token=t1');
    expect(last().binaryType).toBe('arraybuffer');
    last().accept();
    expect(mux.connected).toBe(true);
    await settle();
    const messages = last().messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toEqual([
      { type: 'open', channel: 1, name: caseA, kind: 'case', flags: 7, stateVector: Uint8Array.of(0) },
      { type: 'message', channel: 1, message: Uint8Array.of(1, 9) },
      { type: 'open', channel: 2, name: caseB, kind: 'case', flags: 2, stateVector: Uint8Array.of(0) },
    ]);
  });

  it('S-MUX-1: frames sent in one turn go out as one WebSocket message, and incoming ones reach their channel', async () => {
    const a = handler(0);
    const b = handler(0);
    const channelA = mux.channel(caseA, a);
    const channelB = mux.channel(caseB, b);
    mux.connect();
    last().accept();
    await settle();
    channelA.send(Uint8Array.of(0, 1));
    channelB.send(Uint8Array.of(0, 2));
    channelA.send(Uint8Array.of(0, 3));
    await settle();
    expect(
      last()
        .messages()[1]
        ?.map((f) => (f.type === 'message' ? f.channel : -1)),
    ).toEqual([1, 2, 1]);
    last().deliver(encodeChannelMessage(2, Uint8Array.of(5)), encodeChannelMessage(1, Uint8Array.of(6)));
    expect(a.messages).toEqual([[6]]);
    expect(b.messages).toEqual([[5]]);
  });

  it('S-MUX-1: a released name is taken again at once under a new number, and a late frame of the old one is ignored', async () => {
    const first = handler(0);
    const channel = mux.channel(caseA, first);
    mux.connect();
    last().accept();
    await settle();
    channel.release();
    expect(() => channel.send(Uint8Array.of(1))).not.toThrow();
    const again = handler(0);
    const second = mux.channel(caseA, again);
    expect(() => mux.channel(caseA, handler(0))).toThrow();
    await settle();
    expect(
      last()
        .messages()[1]
        ?.map((f) => [f.type, 'channel' in f ? f.channel : null]),
    ).toEqual([
      ['close', 1],
      ['open', 2],
    ]);
    last().deliver(encodeChannelMessage(1, Uint8Array.of(4)), encodeClosed(1, 1013, 'late'));
    expect(first.messages).toEqual([]);
    expect(again.messages).toEqual([]);
    expect(again.closes).toEqual([]);
    expect(second.open).toBe(true);
  });

  it('S-MUX-3: a closed frame closes one channel until it is reopened, under a new number', async () => {
    const a = handler(0);
    const b = handler(0);
    const channelA = mux.channel(caseA, a);
    mux.channel(caseB, b);
    mux.connect();
    last().accept();
    await settle();
    last().deliver(encodeClosed(1, 4403, 'forbidden'));
    expect(a.closes).toEqual([{ code: 4403, reason: 'forbidden', byServer: true }]);
    expect(channelA.open).toBe(false);
    channelA.send(Uint8Array.of(1));
    await settle();
    expect(last().sent).toHaveLength(1);
    // the socket drops and comes back: only the other channel opens again
    last().serverClose(1006);
    expect(a.closes).toHaveLength(1);
    expect(b.closes).toEqual([{ code: 1006, reason: '', byServer: false }]);
    vi.advanceTimersByTime(1000);
    last().accept();
    await settle();
    expect(
      last()
        .messages()[0]
        ?.map((f) => f.type === 'open' && f.name),
    ).toEqual([caseB]);
    channelA.reopen();
    await settle();
    expect(last().messages()[1]).toMatchObject([{ type: 'open', channel: 4, name: caseA }]);
    expect(channelA.open).toBe(true);
  });

  it('W-NET-2: a closed socket closes every channel, and reconnects after the backoff, which starts over once the server speaks', async () => {
    const a = handler(0);
    mux.channel(caseA, a);
    const statuses: string[] = [];
    mux.on('status', () =>
      statuses.push(mux.connected ? 'connected' : mux.connecting ? 'connecting' : 'off'),
    );
    mux.connect();
    last().serverClose(1006);
    expect(mux.failures).toBe(1);
    expect(a.closes).toEqual([{ code: 1006, reason: '', byServer: false }]);
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    last().serverClose(1006);
    expect(mux.failures).toBe(2);
    vi.advanceTimersByTime(2000);
    last().accept();
    expect(mux.failures).toBe(2);
    last().deliver(muxBeatFrame);
    expect(mux.failures).toBe(0);
    expect(statuses).toEqual(['connecting', 'off', 'connecting', 'off', 'connecting', 'connected']);
    await settle();
    expect(last().messages()[0]).toMatchObject([{ type: 'open', channel: 1, name: caseA }]);
  });

  it('W-NET-2: disconnect() drops the socket at once and retries; connect() tries at once instead of waiting', () => {
    const a = handler(0);
    mux.channel(caseA, a);
    mux.connect();
    last().accept();
    mux.disconnect();
    expect(last().closedByClient).toBe(true);
    expect(mux.connected).toBe(false);
    expect(a.closes).toHaveLength(1);
    expect(a.closes[0]?.byServer).toBe(false);
    mux.connect();
    expect(sockets).toHaveLength(2);
    expect(mux.connecting).toBe(true);
    // the retry the drop scheduled was cancelled
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it('W-NET-2: a 4401 close leaves the socket closed until new credentials, which reopen every channel', async () => {
    const a = handler(0);
    const b = handler(0);
    mux.channel(caseA, a);
    mux.channel(caseB, b);
    mux.connect();
    last().accept();
    await settle();
    last().deliver(encodeClosed(2, 4403, 'forbidden'));
    last().serverClose(4401, 'sign-in ended');
    expect(mux.signInEnded).toBe(true);
    expect(a.closes).toEqual([{ code: 4401, reason: 'sign-in ended', byServer: false }]);
    vi.advanceTimersByTime(60_000);
    mux.connect();
    expect(sockets).toHaveLength(1);
    mux.setParams({ token: 't2' });
    expect(sockets).toHaveLength(2);
    expect(last().url).toBe('ws://server/sync?token=t2');
    last().accept();
    await settle();
    expect(
      last()
        .messages()[0]
        ?.map((f) => f.type === 'open' && f.name),
    ).toEqual([caseA, caseB]);
  });

  it('W-NET-2: stop() closes the socket and keeps it closed until new credentials', async () => {
    const a = handler(0);
    mux.channel(caseA, a);
    mux.connect();
    last().accept();
    mux.stop();
    expect(a.closes).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    mux.connect();
    expect(sockets).toHaveLength(1);
    mux.setParams({ token: 't2' });
    last().accept();
    await settle();
    expect(last().messages()[0]).toMatchObject([{ type: 'open', name: caseA }]);
  });

  it('S-BEAT-1: a socket that heard beats and then nothing for longer than silentLinkMs is dropped and retried', () => {
    mux.channel(caseA, handler(0));
    mux.connect();
    last().accept();
    // no beat heard yet: silence means nothing
    vi.advanceTimersByTime(10_000);
    expect(mux.connected).toBe(true);
    last().deliver(muxBeatFrame);
    expect(mux.heardBeat).toBe(true);
    expect(mux.lastHeardAt).toBe(Date.now());
    vi.advanceTimersByTime(4000);
    last().deliver(muxBeatFrame);
    vi.advanceTimersByTime(5000);
    expect(mux.connected).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(mux.connected).toBe(false);
    expect(last().closedByClient).toBe(true);
    expect(mux.heardBeat).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('S-MUX-2: a message from the server that cannot be read drops the socket', () => {
    const a = handler(0);
    mux.channel(caseA, a);
    mux.connect();
    last().accept();
    last().onmessage?.({ data: Uint8Array.of(9, 1).buffer });
    expect(warnings).toEqual(['the sync server sent a message this version cannot read']);
    expect(mux.connected).toBe(false);
    expect(a.closes).toHaveLength(1);
  });

  it('S-MUX-1: nothing is sent on a channel that is not open, and destroy closes everything for good', async () => {
    const a = handler(0);
    const channel = mux.channel(caseA, a);
    channel.send(Uint8Array.of(1));
    mux.connect();
    last().accept();
    await settle();
    expect(
      last()
        .messages()
        .flat()
        .map((f) => f.type),
    ).toEqual(['open']);
    mux.destroy();
    expect(a.closes).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
