import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { FakeSocket } from '@concord/shared/sync/fake-mux-socket.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import { MuxSocket } from '@concord/shared/sync/mux-client.ts';
import {
  encodeChannelMessage,
  encodeClosed,
  muxOpenFlag,
  type MuxFrame,
} from '@concord/shared/sync/mux-frames.ts';
import type { DocConnectionClose } from './doc-provider.ts';
import { MuxProvider } from './mux-provider.ts';

const name = 'case:a' as DocName;
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve));

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The y-websocket messages of the channel's `message` frames, by their first varint (and sync sub-type). */
function kinds(frames: MuxFrame[]): string[] {
  return frames.map((frame) => {
    if (frame.type !== 'message') return frame.type;
    const decoder = decoding.createDecoder(frame.message);
    const type = decoding.readVarUint(decoder);
    if (type === messageType.awareness) return 'awareness';
    if (type !== messageType.sync) return `type ${type}`;
    return ['step1', 'step2', 'update'][decoding.readVarUint(decoder)] ?? 'sync?';
  });
}

describe('MuxProvider', () => {
  let socket: FakeSocket;
  let mux: MuxSocket;
  let doc: Y.Doc;
  let provider: MuxProvider;
  let refused: number[];

  beforeEach(() => {
    vi.useFakeTimers();
    refused = [];
    mux = new MuxSocket({
      url: 'ws://server/sync',
      params: {},
      createSocket: (url) => (socket = new FakeSocket(url)),
      reconnectDelay: () => 1000,
    });
    doc = new Y.Doc();
    doc.getText('notes').insert(0, 'kept on the device');
    provider = new MuxProvider(name, doc, mux, {
      onRefused: (code) => refused.push(code),
      reconnectDelay: () => 1000,
    });
  });

  afterEach(() => {
    provider.destroy();
    mux.destroy();
    doc.destroy();
    vi.useRealTimers();
  });

  /** Connects the socket and the provider, and returns the open frame the server received. */
  async function open(): Promise<Extract<MuxFrame, { type: 'open' }>> {
    mux.connect();
    provider.connect();
    socket.accept();
    await settle();
    const first = socket.messages()[0]?.[0];
    if (first?.type !== 'open') throw new Error('no open frame');
    return first;
  }

  it('S-MUX-4: opens with the document’s state vector and asks for the server’s state, presence and extensions', async () => {
    provider.awareness.setLocalStateField('user', { name: '李调解员' });
    const opened = await open();
    expect(opened.flags).toBe(muxOpenFlag.extensions | muxOpenFlag.presence | muxOpenFlag.serverState);
    expect(opened.stateVector).toEqual(Y.encodeStateVector(doc));
    // who is here follows in the same message, as y-websocket sends it once its socket opens
    expect(kinds(socket.messages()[0] ?? [])).toEqual(['open', 'awareness']);
    expect(provider.wsconnected).toBe(true);
    expect(provider.synced).toBe(false);
  });

  it('S-MUX-4, S-SYNC-4: synced once the server answers the state vector; its step 1 is answered with what it lacks', async () => {
    const server = new Y.Doc();
    server.getText('notes').insert(0, 'on the server. ');
    const opened = await open();
    const syncs: boolean[] = [];
    provider.on('sync', (synced) => syncs.push(synced));
    socket.deliver(
      encodeChannelMessage(
        opened.channel,
        syncMessage((e) => syncProtocol.writeSyncStep2(e, server, opened.stateVector)),
      ),
      encodeChannelMessage(
        opened.channel,
        syncMessage((e) => syncProtocol.writeSyncStep1(e, server)),
      ),
    );
    expect(provider.synced).toBe(true);
    expect(syncs).toEqual([true]);
    expect(doc.getText('notes').toString()).toContain('on the server.');
    await settle();
    // only the reply goes back: what came from the server is not sent to it again
    const reply = socket.messages()[1] ?? [];
    expect(kinds(reply)).toEqual(['step2']);
    const frame = reply[0];
    if (frame?.type !== 'message') throw new Error('no reply');
    const decoder = decoding.createDecoder(frame.message);
    decoding.readVarUint(decoder);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), server, 'test');
    expect(server.getText('notes').toString()).toBe(doc.getText('notes').toString());
  });

  it('S-SYNC-2: a local edit goes to the server as an update on the channel', async () => {
    await open();
    doc.getText('notes').insert(0, '新');
    await settle();
    expect(kinds(socket.messages()[1] ?? [])).toEqual(['update']);
  });

  it('S-AWARE-1, S-AWARE-2: others’ presence shows while open and goes when the socket closes; leaving tells the others', async () => {
    const opened = await open();
    const other = new awarenessProtocol.Awareness(new Y.Doc());
    other.setLocalStateField('user', { name: '王' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]));
    socket.deliver(encodeChannelMessage(opened.channel, encoding.toUint8Array(encoder)));
    expect(provider.awareness.getStates().has(other.clientID)).toBe(true);
    // nothing is echoed back: the server relays the others' presence itself
    await settle();
    expect(socket.messages()).toHaveLength(1);

    socket.serverClose(1006);
    expect(provider.awareness.getStates().has(other.clientID)).toBe(false);
    vi.advanceTimersByTime(1000);
    socket.accept();
    provider.awareness.setLocalStateField('user', { name: '李' });
    await settle();
    provider.destroy();
    await settle();
    const last = socket.messages().at(-1) ?? [];
    expect(kinds(last)).toEqual(['awareness', 'close']);
    other.destroy();
  });

  it('A-REVOKE-2: a 4403 closes the document alone until connect(); a 1013 reopens it after the backoff', async () => {
    const statuses: string[] = [];
    const closes: DocConnectionClose[] = [];
    provider.on('status', ({ status }) => statuses.push(status));
    provider.on('connection-close', (close) => closes.push(close));
    const opened = await open();
    socket.deliver(encodeClosed(opened.channel, 4403, 'forbidden'));
    expect(refused).toEqual([4403]);
    expect(closes).toEqual([{ code: 4403, reason: 'forbidden', byServer: true }]);
    expect(provider.wsconnected).toBe(false);
    expect(provider.wsconnecting).toBe(false);
    expect(provider.wsUnsuccessfulReconnects).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(socket.messages()).toHaveLength(1);

    provider.connect();
    await settle();
    const reopened = socket.messages()[1]?.[0];
    expect(reopened).toMatchObject({ type: 'open', name });
    if (reopened?.type !== 'open') throw new Error('not reopened');
    socket.deliver(encodeClosed(reopened.channel, 1013, 'try again later'));
    expect(refused).toEqual([4403]);
    vi.advanceTimersByTime(1000);
    await settle();
    expect(socket.messages()[2]?.[0]).toMatchObject({ type: 'open', name });
    expect(provider.wsconnected).toBe(true);
    expect(statuses).toEqual([
      'connecting',
      'connected',
      'disconnected',
      'connected',
      'disconnected',
      'connected',
    ]);
  });

  it('W-NET-2: while the socket is down the document is connecting, then unreachable, and counts the failures', () => {
    mux.connect();
    provider.connect();
    expect(provider.wsconnecting).toBe(true);
    socket.serverClose(1006);
    expect(provider.wsconnecting).toBe(false);
    expect(provider.wsUnsuccessfulReconnects).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(provider.wsconnecting).toBe(true);
    socket.serverClose(1006);
    expect(provider.wsUnsuccessfulReconnects).toBe(2);
  });
});
