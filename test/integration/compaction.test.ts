import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocName } from '../../shared/src/sync/doc-name.ts';
import { boundHere, stockClient, synced, until, type StockClient } from '../helpers/clients.ts';
import { serverPool, type TestServer } from '../helpers/test-server.ts';

const servers = serverPool();
const clients: StockClient[] = [];
const client = (...args: Parameters<typeof stockClient>) => {
  const c = stockClient(...args);
  clients.push(c);
  return c;
};

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await servers.disposeAll();
});

/** The document the rows of the store make, as a fresh server would load it. */
async function storedDoc(server: TestServer, name: DocName): Promise<{ doc: Y.Doc; rows: number }> {
  const stored = await server.store.load(name);
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return { doc, rows: stored.updates.length };
}

function merged(...docs: Y.Doc[]): Y.Doc {
  const doc = new Y.Doc();
  for (const d of docs) Y.applyUpdate(doc, Y.encodeStateAsUpdate(d));
  return doc;
}

function sameState(doc: Y.Doc, expected: Y.Doc): boolean {
  return (
    Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(expected)) &&
    doc.getText('notes').toString() === expected.getText('notes').toString() &&
    isDeepStrictEqual(doc.getMap('case').toJSON(), expected.getMap('case').toJSON())
  );
}

function expectSameState(doc: Y.Doc, expected: Y.Doc): void {
  expect(doc.getText('notes').toString()).toBe(expected.getText('notes').toString());
  const json: unknown = doc.getMap('case').toJSON();
  expect(json).toEqual(expected.getMap('case').toJSON());
  expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(expected));
  expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(expected))).toBe(true);
}

/**
 * For what the server announces by no event (a room unloaded, sockets opened): yields to the event loop, which
 * runs the sockets' I/O in between, until `check` holds.
 */
async function turnsUntil(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Two clients edit `name` in many small updates, each its own stored row, until both have everything. */
async function editMany(a: StockClient, b: StockClient, edits: number): Promise<void> {
  const notes = a.doc.getText('notes');
  const fields = b.doc.getMap<number>('case');
  for (let i = 0; i < edits; i++) {
    notes.insert(notes.length, `第${i}条;`);
    if (i % 4 === 0) notes.delete(0, 1);
    if (i % 3 === 0) fields.set(`field${i % 5}`, i);
    if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
  }
  // the server binds each client's id to its account on its first edit (SPEC A-BIND-1): heard by both
  const bothBound = (doc: Y.Doc) => () =>
    [a, b].every((c) => doc.getMap('writers').has(String(c.doc.clientID)));
  await Promise.all([until(a.doc, bothBound(a.doc)), until(b.doc, bothBound(b.doc))]);
  const all = merged(a.doc, b.doc);
  await Promise.all([until(a.doc, () => sameState(a.doc, all)), until(b.doc, () => sameState(b.doc, all))]);
}

/**
 * Resolves after the server's compaction of `name` has run, with the document the stored rows made just before
 * it and just after it.
 */
function compactionOf(
  server: TestServer,
  name: DocName,
): Promise<{ before: Y.Doc; after: Y.Doc; rows: number }> {
  const store = server.store;
  const compact = store.compact.bind(store);
  return new Promise((resolve, reject) => {
    store.compact = async (doc, snapshot, throughClock) => {
      if (doc !== name) return compact(doc, snapshot, throughClock);
      const before = await storedDoc(server, name);
      await compact(doc, snapshot, throughClock);
      storedDoc(server, name).then(
        (after) => resolve({ before: before.doc, after: after.doc, rows: before.rows }),
        reject,
      );
    };
  });
}

describe('compaction (S-STORE-6) and unloading (S-MEM-1)', () => {
  it('S-STORE-6, S-MEM-1: past the threshold, the last client out leaves one snapshot with the same state', async () => {
    const server = await servers.start({ compactAfterUpdates: 20 });
    const name = 'case:compacted' as DocName;
    const compacted = compactionOf(server, name);
    const a = client(server.syncUrl, name);
    const b = client(server.syncUrl, name);
    await Promise.all([synced(a), synced(b)]);
    await editMany(a, b, 40);
    const { rows } = await storedDoc(server, name);
    expect(rows).toBeGreaterThan(20);

    // the last edits go out in the same turn as the clients leave, and their write is held up until both
    // sockets are gone: compaction must wait until they are saved
    let releaseWrites = () => {};
    const writesHeld = new Promise<void>((resolve) => (releaseWrites = resolve));
    const append = server.store.append.bind(server.store);
    server.store.append = async (writes, at) => {
      await writesHeld;
      return append(writes, at);
    };
    a.doc.getText('notes').insert(0, '最后一笔: ');
    b.doc.getMap('case').set('status', 'closed');
    const expected = merged(a.doc, b.doc);
    a.destroy();
    b.destroy();
    await turnsUntil(() => server.hub.sessionCount === 0, 'the sockets never closed');
    await new Promise((resolve) => setImmediate(resolve));
    releaseWrites();

    const { before, after, rows: rowsBefore } = await compacted;
    expect(rowsBefore).toBeGreaterThan(rows);
    expectSameState(before, expected);
    expectSameState(after, expected);
    const now = await storedDoc(server, name);
    expect(now.rows).toBe(1);
    expect(server.hub.rooms.loadedCount).toBe(0);
    expect(server.logs.some((line) => line.message === 'document compacted' && line.doc === name)).toBe(true);

    // a newcomer loads the snapshot and gets exactly the same document
    const newcomer = client(server.syncUrl, name);
    await synced(newcomer);
    expectSameState(newcomer.doc, expected);
    // and its edits go on from there, into rows after the snapshot
    newcomer.doc.getText('notes').insert(0, '复查: ');
    const witness = client(server.syncUrl, name);
    await until(witness.doc, () => witness.doc.getText('notes').toString().startsWith('复查: 最后一笔: '));
    // the newcomer's edit, and the server's binding of its client id (SPEC A-BIND-1)
    expect((await storedDoc(server, name)).rows).toBe(3);
  });

  it('S-STORE-6, S-MEM-1: under the threshold the document is unloaded with its rows as they were', async () => {
    const server = await servers.start({ compactAfterUpdates: 1000 });
    const name = 'case:small' as DocName;
    const compactions: DocName[] = [];
    const compact = server.store.compact.bind(server.store);
    server.store.compact = (doc, snapshot, throughClock) => {
      compactions.push(doc);
      return compact(doc, snapshot, throughClock);
    };
    const a = client(server.syncUrl, name);
    const b = client(server.syncUrl, name);
    await Promise.all([synced(a), synced(b)]);
    await editMany(a, b, 30);
    const expected = merged(a.doc, b.doc);
    const { rows } = await storedDoc(server, name);
    expect(rows).toBeGreaterThan(20);
    a.destroy();
    b.destroy();

    await turnsUntil(() => server.hub.rooms.loadedCount === 0, 'the document was never unloaded');
    expect(compactions).toEqual([]);
    const stored = await storedDoc(server, name);
    expect(stored.rows).toBe(rows);
    expectSameState(stored.doc, expected);
  });
});

describe('concurrent opening (S-STORE-3)', () => {
  it('S-STORE-3: ten clients opening one document at the same moment load it once', async () => {
    const server = await servers.start();
    const name = 'case:crowded' as DocName;
    const first = client(server.syncUrl, name);
    await synced(first);
    first.doc.getText('notes').insert(0, '十个人同时打开');
    first.doc.getMap('case').set('village', 'jiangting');
    await boundHere(first);
    const expected = merged(first.doc);
    first.destroy();
    await turnsUntil(() => server.hub.rooms.loadedCount === 0, 'the document was never unloaded');

    // the load waits until all ten sockets have asked for the document, so that they all ask while it loads
    const loadsBefore = server.logs.filter((line) => line.message === 'document loaded').length;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const loads: DocName[] = [];
    const load = server.store.load.bind(server.store);
    server.store.load = async (doc) => {
      loads.push(doc);
      await gate;
      return load(doc);
    };
    const crowd = Array.from({ length: 10 }, () => client(server.syncUrl, name));
    await turnsUntil(() => server.hub.sessionCount === 10, 'ten sockets never opened');
    release();
    await Promise.all(crowd.map((c) => synced(c)));

    expect(loads).toEqual([name]);
    const loaded = server.logs.filter((line) => line.message === 'document loaded');
    expect(loaded.slice(loadsBefore).map((line) => line.doc)).toEqual([name]);
    for (const c of crowd) expectSameState(c.doc, expected);
    expect(server.hub.rooms.loadedCount).toBe(1);
  });
});
