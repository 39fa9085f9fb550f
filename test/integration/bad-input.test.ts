import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import { messageType } from '@concord/shared/sync/message-types.ts';
import { malformedFrames } from '../../sync-server/src/sync/malformed-frames.ts';
import type { StoredDoc } from '../../sync-server/src/storage/doc-store.ts';
import { stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { rawSocket, type RawSocket } from '../helpers/raw-socket.ts';
import { serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
const clients: StockClient[] = [];
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of sockets.splice(0)) s.ws.terminate();
  await servers.disposeAll();
});

/**
 * Two stock clients in sync on `name`, one edit of theirs on disk, and a raw socket on the same document that the
 * server has greeted: the stage on which the raw socket misbehaves.
 */
async function stage(server: TestServer, name: DocName) {
  const a = stockClient(server.syncUrl, name);
  const b = stockClient(server.syncUrl, name);
  clients.push(a, b);
  await Promise.all([synced(a), synced(b)]);
  a.doc.getText('notes').insert(0, '调解开始');
  // relayed only once stored (S-STORE-1): when b has it, the disk has it
  await until(b.doc, () => b.doc.getText('notes').toString() === '调解开始');
  const before = await server.store.load(name);

  const raw = rawSocket(`${server.syncUrl}/${name}`);
  sockets.push(raw);
  await raw.opened;
  await raw.firstFrame();
  return { a, b, raw, before };
}

/**
 * The stock clients still sync, and the disk holds what it held plus their new edit: not a byte of what the raw
 * socket sent.
 */
async function expectUnharmed(
  server: TestServer,
  name: DocName,
  { a, b, before }: { a: StockClient; b: StockClient; before: StoredDoc },
): Promise<void> {
  expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  a.doc.getText('notes').insert(a.doc.getText('notes').length, '，继续');
  await until(b.doc, () => b.doc.getText('notes').toString() === '调解开始，继续');

  const after = await server.store.load(name);
  expect(after.updates).toHaveLength(before.updates.length + 1);
  expect(after.updates.slice(0, before.updates.length).map(hex)).toEqual(before.updates.map(hex));
  const stored = replay(after);
  expect(stored.getText('notes').toString()).toBe('调解开始，继续');
  // no client id but the writer's: nothing of the refused frame was applied
  expect(Y.decodeStateVector(Y.encodeStateVector(stored))).toEqual(
    Y.decodeStateVector(Y.encodeStateVector(a.doc)),
  );
}

describe('bad input on the sync socket', () => {
  it.each(malformedFrames().map((f) => [f.label, f] as const))(
    'S-WIRE-2: %s closes only that socket with its close code, logged, the document untouched',
    async (_label, frame) => {
      const server = await servers.start();
      const name = docName('case', 'badframe');
      const scene = await stage(server, name);

      scene.raw.ws.send(frame.bytes, { binary: true });
      const closed = await scene.raw.closed;

      expect(closed.code).toBe(frame.code);
      expect(server.logs).toContainEqual(
        expect.objectContaining({ level: 'warn', message: 'frame rejected', doc: name, code: frame.code }),
      );
      await expectUnharmed(server, name, scene);
    },
  );

  it('S-WIRE-2: an awareness update whose state is not JSON closes that socket with 4410, logged', async () => {
    const server = await servers.start();
    const name = docName('case', 'badawareness');
    const scene = await stage(server, name);
    // the JSON error quotes these characters back: a reason longer than a close frame holds
    const state = `{"${'案'.repeat(8)}":${'案'.repeat(30)}`;
    const update = [...varUint(1), ...varUint(4242), ...varUint(1), ...varString(state)];

    scene.raw.ws.send(new Uint8Array([messageType.awareness, ...varUint(update.length), ...update]), {
      binary: true,
    });
    const closed = await scene.raw.closed;

    expect(closed.code).toBe(closeCode.malformedMessage);
    expect(Buffer.byteLength(closed.reason)).toBeLessThanOrEqual(123);
    expect(server.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'frame rejected', doc: name, code: 4410 }),
    );
    expect(scene.a.provider.awareness.getStates().has(4242)).toBe(false);
    await expectUnharmed(server, name, scene);
  });

  it('S-WIRE-3: a text frame closes only that socket with 1003, logged, the document untouched', async () => {
    const server = await servers.start();
    const name = docName('case', 'textframe');
    const scene = await stage(server, name);

    scene.raw.ws.send('{"type":"update","text":"hello"}');
    const closed = await scene.raw.closed;

    expect(closed.code).toBe(closeCode.unsupportedData);
    expect(server.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'frame rejected', doc: name, code: 1003 }),
    );
    await expectUnharmed(server, name, scene);
  });

  it('S-WIRE-4: a frame over MAX_FRAME_BYTES closes only that socket with 1009, logged, the document untouched', async () => {
    const server = await servers.start({ maxFrameBytes: 1024 });
    const name = docName('case', 'bigframe');
    const scene = await stage(server, name);
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, '长'.repeat(2000));
    const update = Y.encodeStateAsUpdate(doc);
    expect(update.length).toBeGreaterThan(1024);

    scene.raw.ws.send(encodeSyncUpdate(update), { binary: true });
    const closed = await scene.raw.closed;

    expect(closed.code).toBe(closeCode.messageTooBig);
    await expectUnharmed(server, name, scene);
    // ws reports the refusal in the same turn in which it sends the close frame, so the line is there already
    expect(
      server.logs.filter((l) => l.message === 'frame rejected' && l.doc === name && l.code === 1009),
    ).toHaveLength(1);
  });

  it('S-WIRE-2: many bad sockets at once are each closed with their own code; the good ones carry on', async () => {
    const server = await servers.start();
    const name = docName('case', 'manybad');
    const scene = await stage(server, name);
    const frames = malformedFrames();
    const raws = frames.map(() => rawSocket(`${server.syncUrl}/${name}`));
    sockets.push(...raws);
    await Promise.all(raws.map((r) => r.opened));

    raws.forEach((raw, i) => raw.ws.send(frames[i]?.bytes ?? new Uint8Array(), { binary: true }));
    const codes = await Promise.all(raws.map(async (raw) => (await raw.closed).code));

    expect(codes).toEqual(frames.map((f) => f.code));
    await expectUnharmed(server, name, scene);
  });
});

/** A sync update frame: message type 0, step 2, then the update with its length. */
function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return new Uint8Array([messageType.sync, 2, ...varUint(update.length), ...update]);
}

/** lib0's variable-length unsigned integer, small enough to write here by hand. */
function varUint(value: number): number[] {
  const out: number[] = [];
  let n = value;
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

function varString(text: string): number[] {
  const bytes = new TextEncoder().encode(text);
  return [...varUint(bytes.length), ...bytes];
}

function replay(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
