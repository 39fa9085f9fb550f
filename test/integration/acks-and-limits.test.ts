import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCode } from '../../shared/src/sync/close-codes.ts';
import { coveredBy, extensionType, readSavedAck } from '../../shared/src/sync/extensions.ts';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { messageType } from '../../shared/src/sync/message-types.ts';
import { stockClient, synced, type StockClient } from '../helpers/clients.ts';
import { rawSocket } from '../helpers/raw-socket.ts';
import { serverPool } from '../helpers/test-server.ts';

const servers = serverPool();
afterEach(() => servers.disposeAll());

/** Resolves with the next `saved` acknowledgement the client receives. */
function nextAck(client: StockClient): Promise<Map<number, number>> {
  return new Promise((resolve) => {
    client.provider.messageHandlers[extensionType.saved] = (_encoder, decoder) => {
      resolve(readSavedAck(decoder));
    };
  });
}

describe('acknowledgements', () => {
  it('S-ACK-1: a writer that asks is told once its edit is on disk, with a state that covers it', async () => {
    const server = await servers.start();
    const writer = stockClient(server.syncUrl, 'case:ack', { params: { acks: '1' } });
    await synced(writer);
    const acked = nextAck(writer);
    writer.doc.getText('notes').insert(0, '调解协议已签字');
    const saved = await acked;
    expect(coveredBy(Y.decodeStateVector(Y.encodeStateVector(writer.doc)), saved)).toBe(true);

    // at the moment of the acknowledgement, the disk already has the edit
    const stored = await server.store.load('case:ack' as DocName);
    const onDisk = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(onDisk, update);
    expect(onDisk.getText('notes').toString()).toBe('调解协议已签字');
    writer.destroy();
  });

  it('S-ACK-1: a client that did not ask gets no extension message', async () => {
    const server = await servers.start();
    const socket = rawSocket(`${server.syncUrl}/case:plain`);
    await socket.firstFrame();
    const edit = new Y.Doc();
    edit.getText('notes').insert(0, 'x');
    socket.ws.send(syncFrame(2, Y.encodeStateAsUpdate(edit)));
    // the server answers a step 1 only once everything before it is saved, so any ack would come first
    socket.ws.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await socket.frameWhere((f) => f[0] === messageType.sync && f[1] === 1);
    expect(socket.frames.filter((f) => f[0] === extensionType.saved)).toEqual([]);
    socket.ws.close();
  });
});

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('limits', () => {
  it('S-LIMIT-1: a socket that floods messages is closed with 4429; the others carry on', async () => {
    const server = await servers.start({ maxMessagesPerSecond: 50 });
    const bystander = stockClient(server.syncUrl, 'case:flood');
    await synced(bystander);
    const flood = rawSocket(`${server.syncUrl}/case:flood`);
    await flood.opened;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageType.queryAwareness);
    const query = encoding.toUint8Array(encoder);
    for (let i = 0; i < 500; i++) flood.ws.send(query);
    expect((await flood.closed).code).toBe(closeCode.rateLimited);

    const other = stockClient(server.syncUrl, 'case:flood');
    await synced(other);
    bystander.doc.getText('notes').insert(0, 'still here');
    await new Promise<void>((resolve) => {
      other.doc.on('update', () => resolve());
    });
    expect(other.doc.getText('notes').toString()).toBe('still here');
    bystander.destroy();
    other.destroy();
  });

  it('S-MEM-2: past the cap on loaded documents the least recently used one is let go with 1013', async () => {
    const server = await servers.start({ maxLoadedDocs: 2 });
    const first = stockClient(server.syncUrl, 'case:first');
    await synced(first);
    const second = stockClient(server.syncUrl, 'case:second');
    await synced(second);
    first.doc.getText('notes').insert(0, 'kept before letting go');
    second.doc.getText('notes').insert(0, 'more recent');
    const closedFirst = new Promise<number>((resolve) => {
      first.provider.on('connection-close', (event) => resolve(event?.code ?? 0));
    });
    const third = stockClient(server.syncUrl, 'case:third');
    await synced(third);
    expect(await closedFirst).toBe(closeCode.tryAgainLater);
    first.destroy();

    // nothing was lost: a fresh client finds the edit
    const again = stockClient(server.syncUrl, 'case:first');
    await synced(again);
    expect(again.doc.getText('notes').toString()).toBe('kept before letting go');
    again.destroy();
    second.destroy();
    third.destroy();
  });
});

describe('metrics', () => {
  it('S-OBS-1: /metrics shows connections, loaded documents and relayed updates in Prometheus text', async () => {
    const server = await servers.start();
    const a = stockClient(server.syncUrl, 'case:metrics');
    const b = stockClient(server.syncUrl, 'case:metrics');
    await Promise.all([synced(a), synced(b)]);
    a.doc.getText('notes').insert(0, 'counted');
    await new Promise<void>((resolve) => {
      b.doc.on('update', () => resolve());
    });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('concord_connections')).toBe(2);
    expect(value('concord_loaded_docs')).toBe(1);
    expect(value('concord_updates_relayed_total')).toBeGreaterThanOrEqual(1);
    expect(value('concord_persist_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    a.destroy();
    b.destroy();
  });
});
