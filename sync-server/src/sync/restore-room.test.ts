import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { memoryLogger } from '../logger.ts';
import { dayMs } from '../storage/kept-history.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { Persister } from './persister.ts';
import { restoreInRoom } from './restore-room.ts';
import { RoomRegistry } from './room-registry.ts';
import { FakeMember } from './test-fixtures.ts';

const opened: { persister: Persister; store: SqliteDocStore }[] = [];
afterEach(async () => {
  for (const { persister, store } of opened.splice(0)) {
    persister.stop();
    await store.close();
  }
});

/** Rooms that compact past two rows and keep what compaction merged for 30 days, on a clock the test moves. */
function rooms() {
  const clock = { now: 0 };
  const store = SqliteDocStore.open(':memory:');
  const logger = memoryLogger();
  const persister = new Persister({ store, logger, now: () => clock.now });
  const registry = new RoomRegistry({
    store,
    persister,
    logger,
    compactAfterUpdates: 2,
    retentionDays: 30,
    now: () => clock.now,
  });
  opened.push({ persister, store });
  return { clock, store, registry };
}

/** Three saves of a document's notes by one member, then it leaves: past the threshold, so compacted. */
async function writeAndLeave(registry: RoomRegistry, name: ReturnType<typeof docName>): Promise<void> {
  const member = new FakeMember();
  const room = await registry.join(name, 'case', member);
  for (const piece of ['一', '二', '三']) {
    room.doc.getText('notes').insert(0, piece);
    await room.whenSaved();
  }
  await registry.leave(room, member);
}

describe('what compaction keeps, through the rooms', () => {
  it('S-SNAP-1: the last member out compacts, keeping every save; a later compaction prunes what passed the retention period', async () => {
    const { clock, store, registry } = rooms();
    const first = docName('case', 'kept-first');
    const second = docName('case', 'kept-second');
    clock.now = 1000;
    await writeAndLeave(registry, first);
    expect(await store.rows(first)).toHaveLength(1);
    expect(await store.keptMoments(first)).toHaveLength(3);

    clock.now = 1000 + 31 * dayMs;
    await writeAndLeave(registry, second);
    expect(await store.keptMoments(second)).toHaveLength(3);
    expect(await store.keptMoments(first)).toEqual([]);
  });
});

describe('restoring in a room', () => {
  it('H-RESTORE-1: the restore is a change of the loaded room, saved, relayed to its members and attributed to who restored', async () => {
    const { store, registry } = rooms();
    const name = docName('case', 'restored-room');
    const member = new FakeMember();
    const room = await registry.join(name, 'case', member);
    const file = new CaseFile(room.doc);
    file.create({
      id: 'restored-room' as CaseId,
      title: '李某与张某宅基地纠纷',
      village: 'hongyan' as VillageId,
      disputeType: 'neighbours',
      createdAt: 1,
    });
    file.notes.insert(0, '双方同意退让一米。');
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(room.doc));
    file.notes.delete(0, file.notes.length);
    await room.whenSaved();
    const framesBefore = member.frames.length;

    const judicial = 'acct-judicial' as AccountId;
    await restoreInRoom(registry, name, version, { at: 5, by: judicial, now: 6 });

    expect(file.notes.toString()).toBe('双方同意退让一米。');
    // on disk before it answers, and sent to the member that has the case open
    expect(room.hasUnsaved).toBe(false);
    expect(member.frames.length).toBeGreaterThan(framesBefore);
    const [latest] = await store.history(name, 1);
    expect(latest?.author).toBe(judicial);
    // the member still has the room: the restore joined and left it without unloading it
    expect(registry.loaded(name)).toBe(room);
    await registry.leave(room, member);
  });

  it('H-RESTORE-1: a case no one has open is loaded for the restore, and let go after it is saved', async () => {
    const { store, registry } = rooms();
    const name = docName('case', 'restored-closed');
    const member = new FakeMember();
    const room = await registry.join(name, 'case', member);
    room.doc.getText('notes').insert(0, '原文');
    const version = new Y.Doc();
    Y.applyUpdate(version, Y.encodeStateAsUpdate(room.doc));
    room.doc.getText('notes').delete(0, 2);
    await room.whenSaved();
    await registry.leave(room, member);

    await restoreInRoom(registry, name, version, { at: 1, by: 'acct-centre' as AccountId, now: 2 });

    expect(registry.loadedCount).toBe(0);
    const stored = new Y.Doc();
    for (const update of (await store.load(name)).updates) Y.applyUpdate(stored, update);
    expect(stored.getText('notes').toString()).toBe('原文');
  });
});
