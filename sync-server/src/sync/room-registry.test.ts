import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCode, type CloseCode } from '@concord/shared/sync/close-codes.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { encodeUpdate } from './frames.ts';
import { SyncSession } from './session.ts';
import { FakeMember, roomsInMemory, testUser } from './test-fixtures.ts';

const name = docName('case', 'registry');
const setup = roomsInMemory();

describe('RoomRegistry loading', () => {
  it('S-STORE-3: two sockets opening one document at once load it once', async () => {
    const { store, registry } = setup();
    const gate = Promise.withResolvers<undefined>();
    store.beforeLoad = () => gate.promise;
    const a = new FakeMember();
    const b = new FakeMember();

    const joinA = registry.join(name, 'case', a);
    const joinB = registry.join(name, 'case', b);
    expect(store.loads).toEqual([name]);
    gate.resolve(undefined);
    const [roomA, roomB] = await Promise.all([joinA, joinB]);

    expect(roomA).toBe(roomB);
    expect(store.loads).toEqual([name]);
    expect([...roomA.members]).toEqual([a, b]);
    expect(registry.loadedCount).toBe(1);
  });

  it('S-STORE-3: a document stays loaded while it has members, and is loaded afresh after it was let go', async () => {
    const { store, registry } = setup();
    const a = new FakeMember();
    const room = await registry.join(name, 'case', a);
    room.doc.getText('notes').insert(0, '第一次');
    const b = new FakeMember();
    expect(await registry.join(name, 'case', b)).toBe(room);
    expect(store.loads).toHaveLength(1);

    await registry.leave(room, a);
    await registry.leave(room, b);
    expect(registry.loadedCount).toBe(0);

    const again = await registry.join(name, 'case', new FakeMember());
    expect(again).not.toBe(room);
    expect(store.loads).toHaveLength(2);
    expect(again.doc.getText('notes').toString()).toBe('第一次');
  });

  // the last member leaves and another joins a few microtasks later, as when a page reloads: whichever step of
  // the unloading the join lands in, it must end in a live room that the registry holds
  it.each([0, 1, 2, 3, 4])(
    'S-STORE-3: a socket that joins %i microtasks after the last one leaves gets a live room',
    async (ticks) => {
      const { store, registry } = setup();
      const first = new FakeMember();
      const room = await registry.join(name, 'case', first);
      room.doc.getText('notes').insert(0, '离开时');
      await room.whenSaved();

      const leaving = registry.leave(room, first);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      const second = new FakeMember();
      const joined = await registry.join(name, 'case', second);
      await leaving;

      expect(joined.doc.isDestroyed).toBe(false);
      expect(joined.members.has(second)).toBe(true);
      // and the registry holds that room: the next socket meets the second one there
      const third = new FakeMember();
      expect(await registry.join(name, 'case', third)).toBe(joined);
      joined.doc.getText('notes').insert(joined.doc.getText('notes').length, '又来了');
      await joined.whenSaved();
      expect(replay(await store.inner.load(name))).toBe('离开时又来了');
    },
  );

  it('S-STORE-3: a failed load leaves nothing behind, so the next socket loads again', async () => {
    const { store, registry } = setup();
    let failures = 1;
    store.beforeLoad = () => {
      if (failures-- > 0) throw new Error('disk unavailable');
    };

    await expect(registry.join(name, 'case', new FakeMember())).rejects.toThrow('disk unavailable');
    expect(registry.loadedCount).toBe(0);
    const room = await registry.join(name, 'case', new FakeMember());
    expect(store.loads).toEqual([name, name]);
    expect(room.members.size).toBe(1);
  });

  it('S-STORE-4: a failed load surfaces to every joiner and is followed by no write', async () => {
    const { store, registry, persister } = setup();
    const failure = new Error('database is locked');
    const gate = Promise.withResolvers<undefined>();
    store.beforeLoad = async () => {
      await gate.promise;
      throw failure;
    };

    const joins = [
      registry.join(name, 'case', new FakeMember()),
      registry.join(name, 'case', new FakeMember()),
    ];
    gate.resolve(undefined);
    const results = await Promise.allSettled(joins);

    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(store.loads).toEqual([name]);
    await nextTurn();
    await persister.idle();
    expect(store.appends).toEqual([]);
    expect(store.compacts).toEqual([]);
  });

  it('S-STORE-4: a session whose document fails to load closes with 1011, logs why, and writes nothing it was sent', async () => {
    const { store, registry, logger, persister } = setup();
    store.beforeLoad = () => {
      throw new Error('database is locked');
    };
    const closes: { code: CloseCode; reason: string }[] = [];
    const session = new SyncSession({
      id: 'session-1',
      request: {
        docName: name,
        kind: 'case',
        wantsAcks: false,
        access: 'write',
        user: testUser({ role: 'mediator' }),
      },
      socket: { send: () => undefined, close: (code, reason) => closes.push({ code, reason }) },
      registry,
      logger,
    });

    session.start();
    // the client speaks before it has heard anything, as a stock client does
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, '加载失败时写下的');
    session.receive(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    await session.settled();
    await nextTurn();
    await persister.idle();

    expect(closes).toEqual([{ code: closeCode.internalError, reason: expect.any(String) as string }]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'document load failed',
        error: 'database is locked',
      }),
    );
    expect(store.appends).toEqual([]);
    expect(registry.loadedCount).toBe(0);
  });
});

function replay(stored: { updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc.getText('notes').toString();
}

/** One full turn of the event loop, after which anything the persister scheduled has started. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
