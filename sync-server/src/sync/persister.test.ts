import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import { encodeUpdate } from './frames.ts';
import { FakeMember, roomsInMemory } from './test-fixtures.ts';

const caseA = docName('case', 'persist-a');
const caseB = docName('case', 'persist-b');
const rooms = roomsInMemory();

function setup(options: { retryDelayMs?: number } = {}) {
  const { store, logger, persister, registry } = rooms(options);
  /** A room with a writer (the origin of its edits) and a reader, who gets what the room relays. */
  const open = async (name: DocName) => {
    const writer = new FakeMember();
    const reader = new FakeMember();
    const room = await registry.join(name, 'case', writer);
    await registry.join(name, 'case', reader);
    /** Edits the room's document as if `writer` had sent the update; returns the update. */
    const edit = (text: string): Uint8Array => {
      const updates: Uint8Array[] = [];
      room.doc.once('update', (update: Uint8Array) => updates.push(update));
      const notes = room.doc.getText('notes');
      room.doc.transact(() => notes.insert(notes.length, text), writer);
      const [update] = updates;
      if (!update) throw new Error('the edit made no update');
      return update;
    };
    return { room, writer, reader, edit };
  };
  return { store, logger, persister, open };
}

describe('Persister', () => {
  it('S-STORE-1: the updates of one turn, across documents, share one store call', async () => {
    const { store, open } = setup();
    const a = await open(caseA);
    const b = await open(caseB);

    const a1 = a.edit('甲一');
    const b1 = b.edit('乙一');
    const a2 = a.edit('甲二');
    await Promise.all([a.room.whenSaved(), b.room.whenSaved()]);

    expect(store.appends).toHaveLength(1);
    expect(store.appends[0]?.writes.map((w) => [w.name, w.updates.map(hex)])).toEqual([
      [caseA, [a1, a2].map(hex)],
      [caseB, [b1].map(hex)],
    ]);
    expect(store.appends[0]?.writes[0]?.summary).toMatchObject({ kind: 'case' });
  });

  it('S-STORE-1: a write waits for the one before; what came meanwhile goes in the next call', async () => {
    const { store, open } = setup();
    const a = await open(caseA);
    const firstStarted = Promise.withResolvers<undefined>();
    const releaseFirst = Promise.withResolvers<undefined>();
    store.beforeAppend = async () => {
      if (store.appends.length > 1) return;
      firstStarted.resolve(undefined);
      await releaseFirst.promise;
    };

    const u1 = a.edit('一');
    await firstStarted.promise;
    const u2 = a.edit('二');
    await nextTurn();
    const u3 = a.edit('三');
    await nextTurn();
    expect(store.appends).toHaveLength(1);
    releaseFirst.resolve(undefined);
    await a.room.whenSaved();

    expect(store.appends.map((call) => call.writes.flatMap((w) => w.updates.map(hex)))).toEqual([
      [u1].map(hex),
      [u2, u3].map(hex),
    ]);
    expect(store.maxAppendsInFlight).toBe(1);
  });

  it('S-STORE-1: other members get an update only once the store has it, and never the writer', async () => {
    const { store, open } = setup();
    const a = await open(caseA);
    const started = Promise.withResolvers<undefined>();
    const release = Promise.withResolvers<undefined>();
    store.beforeAppend = async () => {
      started.resolve(undefined);
      await release.promise;
    };

    const update = a.edit('先存后发');
    await started.promise;
    expect(a.reader.frames).toEqual([]);
    release.resolve(undefined);
    await a.room.whenSaved();

    expect(a.reader.frames).toEqual([encodeUpdate(update)]);
    expect(a.writer.frames).toEqual([]);
  });

  it('S-STORE-5: a failed write keeps the updates in memory, relays nothing, and is retried', async () => {
    const { store, logger, open } = setup({ retryDelayMs: 0 });
    const a = await open(caseA);
    store.beforeAppend = () => {
      if (store.appends.length === 1) throw new Error('disk full');
    };

    const update = a.edit('重试');
    await a.room.whenSaved();

    expect(store.appends).toHaveLength(2);
    expect(store.appends[1]?.writes[0]?.updates.map(hex)).toEqual([hex(update)]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', error: 'disk full', docs: 1 }),
    );
    expect((await store.inner.load(caseA)).updates.map(hex)).toEqual([hex(update)]);
    // relayed once, after the write that worked
    expect(a.reader.frames).toEqual([encodeUpdate(update)]);
  });

  it('S-STORE-5: while a failed batch waits, the document keeps it; later updates are written after it, in order', async () => {
    // a retry far away: the next edit's write must carry the failed batch along by itself
    const { store, persister, open } = setup({ retryDelayMs: 60_000 });
    const a = await open(caseA);
    store.beforeAppend = () => {
      if (store.appends.length === 1) throw new Error('disk full');
    };

    const u1 = a.edit('失败的');
    await store.appendsSettled(1);
    await persister.idle();
    expect(a.room.hasUnsaved).toBe(true);
    expect(a.room.doc.getText('notes').toString()).toBe('失败的');
    expect(a.reader.frames).toEqual([]);

    const u2 = a.edit('后来的');
    await a.room.whenSaved();

    expect(store.appends[1]?.writes[0]?.updates.map(hex)).toEqual([u1, u2].map(hex));
    // the batch saved together reaches the reader as one merged update, the failed one first
    expect(a.reader.frames).toEqual([encodeUpdate(Y.mergeUpdates([u1, u2]))]);
    expect(replay(await store.inner.load(caseA))).toBe('失败的后来的');
  });
});

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function replay(stored: { updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getText('notes').toString();
}

/** One full turn of the event loop, after which anything the persister scheduled has started. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
