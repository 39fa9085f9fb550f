import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import { encodeSavedAck } from '@concord/shared/sync/extensions.ts';
import { muxOpenFlag } from '@concord/shared/sync/mux-frames.ts';
import { advance, type KeptState } from './kept-doc.ts';
import type { LocalCopy } from './local-copy.ts';
import type { PatchIndex } from './patch-index.ts';
import { PatchKeeper, type KeeperChannel, type KeeperSocket } from './patch-keeper.ts';

function sync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** The server's side of the channels, as S-MUX-4 says it greets: step 2 at once, step 1 and acks when asked. */
class FakeServer implements KeeperSocket {
  readonly docs = new Map<DocName, Y.Doc>();
  readonly opens: { name: DocName; flags: number }[] = [];
  readonly refused = new Set<DocName>();
  sentBytes = 0;

  #self(): this {
    return this;
  }

  doc(name: DocName): Y.Doc {
    let doc = this.docs.get(name);
    if (!doc) this.docs.set(name, (doc = new Y.Doc()));
    return doc;
  }

  channel(name: DocName, handler: Parameters<KeeperSocket['channel']>[1]): KeeperChannel {
    const server = this.#self();
    let released = false;
    let flags = 0;
    const deliver = (message: Uint8Array) => {
      server.sentBytes += message.length;
      handler.message(message);
    };
    const open = () => {
      const opening = handler.opening();
      flags = opening.flags;
      server.opens.push({ name, flags });
      if (server.refused.has(name)) {
        handler.closed(4403, 'not yours', true);
        return;
      }
      const doc = server.doc(name);
      if (flags & muxOpenFlag.serverState) deliver(sync(0, Y.encodeStateVector(doc)));
      deliver(sync(1, Y.encodeStateAsUpdate(doc, opening.stateVector)));
    };
    queueMicrotask(open);
    return {
      get open() {
        return !released;
      },
      send(message) {
        const decoder = decoding.createDecoder(message);
        decoding.readVarUint(decoder);
        decoding.readVarUint(decoder);
        const doc = server.doc(name);
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
        if (flags & muxOpenFlag.extensions) deliver(encodeSavedAck(Y.encodeStateVector(doc)));
      },
      reopen: () => queueMicrotask(open),
      release() {
        released = true;
      },
    };
  }
}

class MemoryCopies {
  readonly updates = new Map<DocName, Uint8Array[]>();
  copyOf = (name: DocName): LocalCopy => ({
    append: (update) => {
      this.updates.set(name, [...(this.updates.get(name) ?? []), update]);
      return Promise.resolve();
    },
    read: () => Promise.resolve(Y.mergeUpdates(this.updates.get(name) ?? [])),
  });
  docOf(name: DocName): Y.Doc {
    const doc = new Y.Doc();
    for (const update of this.updates.get(name) ?? []) Y.applyUpdate(doc, update);
    return doc;
  }
}

class MemoryIndex implements PatchIndex {
  readonly entries = new Map<DocName, KeptState>();
  all() {
    return Promise.resolve(new Map(this.entries));
  }
  putMany(entries: ReadonlyMap<DocName, KeptState>) {
    for (const [name, state] of entries) this.entries.set(name, state);
    return Promise.resolve();
  }
  remove(name: DocName) {
    this.entries.delete(name);
    return Promise.resolve();
  }
}

function caseNamed(n: number): DocName {
  return docName('case', `c${n}`);
}

function setup() {
  const server = new FakeServer();
  const copies = new MemoryCopies();
  const index = new MemoryIndex();
  const refused: DocName[] = [];
  const deleted: DocName[] = [];
  const keeper = new PatchKeeper({
    socket: server,
    index,
    copyOf: copies.copyOf,
    deleteCopy: (name) => {
      deleted.push(name);
      copies.updates.delete(name);
      return Promise.resolve();
    },
    onRefused: (name) => refused.push(name),
  });
  return { server, copies, index, keeper, refused, deleted };
}

async function settle(keeper: PatchKeeper): Promise<void> {
  // the fake server answers in microtasks; let them run, then wait for the writes
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  await keeper.settled();
}

afterEach(() => vi.useRealTimers());

describe('the patch kept on the device (SPEC W-PATCH-1, W-PATCH-2)', () => {
  it('W-PATCH-2: every wanted document is fetched into its copy without being loaded, asking no server state', async () => {
    const { server, copies, keeper, index } = setup();
    for (let n = 0; n < 20; n++) server.doc(caseNamed(n)).getText('notes').insert(0, `案件 ${n}`);
    await keeper.keep(Array.from({ length: 20 }, (_, n) => caseNamed(n)));
    await settle(keeper);
    for (let n = 0; n < 20; n++)
      expect(copies.docOf(caseNamed(n)).getText('notes').toString()).toBe(`案件 ${n}`);
    expect(server.opens.every((o) => o.flags === 0)).toBe(true);
    expect(keeper.progress).toMatchObject({ wanted: 20, held: 20, upToDate: 20 });
    expect(index.entries.size).toBe(20);
  });

  it('W-PATCH-2: a reconnect asks only for what changed: the state vectors kept in the index are sent', async () => {
    const first = setup();
    const names = [caseNamed(1), caseNamed(2)];
    for (const name of names) first.server.doc(name).getText('notes').insert(0, 'before');
    await first.keeper.keep(names);
    await settle(first.keeper);
    first.server.doc(caseNamed(2)).getText('notes').insert(0, '新的 ');
    // a new start of the app over the same device: the index and the copies are what it has
    const keeper = new PatchKeeper({
      socket: first.server,
      index: first.index,
      copyOf: first.copies.copyOf,
      deleteCopy: () => Promise.resolve(),
      onRefused: () => undefined,
    });
    first.server.sentBytes = 0;
    await keeper.keep(names);
    await settle(keeper);
    expect(first.copies.docOf(caseNamed(2)).getText('notes').toString()).toBe('新的 before');
    // the unchanged document costs an empty reply only
    expect(first.server.sentBytes).toBeLessThan(60);
  });

  it('W-PATCH-3: a page takes a document over, and edits made there are sent when the keeper takes it back', async () => {
    const { server, copies, keeper } = setup();
    const name = caseNamed(1);
    server.doc(name).getText('notes').insert(0, 'server');
    await keeper.keep([name]);
    await settle(keeper);
    keeper.stepAside(name);
    // the page edits its copy offline; y-indexeddb appends the update to the same database
    const page = copies.docOf(name);
    const before = Y.encodeStateVector(page);
    page.getText('notes').insert(0, '现场记录 ');
    await copies.copyOf(name).append(Y.encodeStateAsUpdate(page, before));
    await keeper.takeBack(name);
    await settle(keeper);
    expect(server.doc(name).getText('notes').toString()).toBe('现场记录 server');
    const last = server.opens.at(-1);
    expect(last?.flags).toBe(muxOpenFlag.extensions | muxOpenFlag.serverState);
    // the server's acknowledgement makes the copy count as sent
    await keeper.keep([]);
    expect(copies.updates.has(name)).toBe(false);
  });

  it('W-PATCH-1: a document no longer wanted goes from the device unless it may hold unsent edits', async () => {
    const { server, copies, keeper, deleted } = setup();
    const [a, b] = [caseNamed(1), caseNamed(2)];
    server.doc(a).getText('notes').insert(0, 'a');
    server.doc(b).getText('notes').insert(0, 'b');
    await keeper.keep([a, b]);
    await settle(keeper);
    keeper.stepAside(b);
    const page = copies.docOf(b);
    const before = Y.encodeStateVector(page);
    page.getText('notes').insert(0, 'unsent ');
    await copies.copyOf(b).append(Y.encodeStateAsUpdate(page, before));
    server.refused.add(b); // the server will not take it now, so it stays unsent
    await keeper.takeBack(b);
    await settle(keeper);
    await keeper.keep([]);
    expect(deleted).toEqual([a]);
    expect(copies.updates.has(b)).toBe(true);
  });

  it('W-SIGNOUT-2: after a sign-out nothing is written; a new sign-in keeps again from what the device holds', async () => {
    const { server, copies, keeper, index } = setup();
    const name = caseNamed(7);
    server.doc(name).getText('notes').insert(0, 'first');
    keeper.stop();
    await keeper.keep([name]);
    await settle(keeper);
    expect(copies.updates.has(name)).toBe(false);
    keeper.restart();
    await keeper.keep([name]);
    await settle(keeper);
    expect(copies.docOf(name).getText('notes').toString()).toBe('first');
    expect(index.entries.has(name)).toBe(true);
  });

  it('A-REVOKE-2: a document the server refuses (4403) is handed to the app and no longer kept', async () => {
    const { server, keeper, refused } = setup();
    const name = caseNamed(3);
    server.refused.add(name);
    await keeper.keep([name]);
    await settle(keeper);
    expect(refused).toEqual([name]);
  });
});

describe('state vectors of kept copies', () => {
  it("W-PATCH-2: advancing by the server's diff gives the state vector of the copy with it applied", () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'abc');
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    device.getText('t').insert(0, 'offline ');
    server.getText('t').insert(3, ' more');
    const third = new Y.Doc();
    Y.applyUpdate(third, Y.encodeStateAsUpdate(server));
    third.getText('t').insert(0, 'third ');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(third));
    const kept = Y.encodeStateVector(device);
    const diff = Y.encodeStateAsUpdate(server, kept);
    const advanced = advance(kept, diff);
    Y.applyUpdate(device, diff);
    expect(Y.decodeStateVector(advanced)).toEqual(Y.decodeStateVector(Y.encodeStateVector(device)));
    expect(advanced).toEqual(Y.encodeStateVector(device));
  });
});
