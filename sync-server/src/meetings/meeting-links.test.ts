import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile, type CaseId } from '@concord/shared/cases/case-file.ts';
import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { caseMeetingEntries } from '@concord/shared/meetings/case-links.ts';
import { MeetingFile } from '@concord/shared/meetings/meeting-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import { memoryLogger } from '../logger.ts';
import { SpyStore } from '../storage/spy-store.ts';
import { SqliteDocStore } from '../storage/sqlite-store.ts';
import { Persister } from '../sync/persister.ts';
import { RoomRegistry } from '../sync/room-registry.ts';
import { FakeMember } from '../sync/test-fixtures.ts';
import { MeetingLinkBridge } from './meeting-links.ts';

const opened: { persister: Persister; store: SpyStore }[] = [];
afterEach(async () => {
  for (const { persister, store } of opened.splice(0)) {
    persister.stop();
    await store.close();
  }
});

const caseName = docName('case', 'bridgecase00001');
const meetingName = docName('meeting', 'bridgemeeting01');

/** Rooms over a spying store with the bridge wired in as the sync hub wires it, a case and a meeting stored. */
async function town(settle?: () => Promise<void>) {
  const store = new SpyStore(SqliteDocStore.open(':memory:'));
  const logger = memoryLogger();
  const persister = new Persister({ store, logger, retryDelayMs: 0 });
  let bridge: MeetingLinkBridge | null = null;
  const registry = new RoomRegistry({
    store,
    persister,
    logger,
    onLoaded: (room) => bridge?.loaded(room),
    onSaved: (room, batch) => bridge?.saved(room, batch),
  });
  bridge = new MeetingLinkBridge({ rooms: registry, logger, settle: settle ?? (() => Promise.resolve()) });
  opened.push({ persister, store });
  const caseDoc = new Y.Doc();
  new CaseFile(caseDoc).create({
    id: 'bridgecase00001' as CaseId,
    title: '宅基地纠纷',
    village: 'jiangting' as VillageId,
    disputeType: 'neighbours',
    createdAt: 1,
  });
  const meetingDoc = new Y.Doc();
  MeetingFile.create(meetingDoc, {
    id: 'bridgemeeting01',
    kind: 'topical',
    title: '专题会',
    date: '2026-11-20',
    time: null,
    place: '',
    village: null,
    invited: [],
    convener: 'centre',
    createdAt: 1,
  });
  const stored = (name: DocName, kind: 'case' | 'meeting', doc: Y.Doc) => ({
    name,
    updates: [Y.encodeStateAsUpdate(doc)],
    summary: summarizeDoc(kind, doc),
  });
  await store.append([stored(caseName, 'case', caseDoc), stored(meetingName, 'meeting', meetingDoc)], 1);
  return { store, logger, registry, bridge };
}

/** A person's edit of the meeting through a member of its room, once it is on disk and carried. */
async function editMeeting(
  t: Awaited<ReturnType<typeof town>>,
  edit: (meeting: MeetingFile) => void,
): Promise<void> {
  const member = new FakeMember();
  const room = await t.registry.join(meetingName, 'meeting', member);
  room.doc.transact(() => edit(new MeetingFile(room.doc)), member);
  await room.whenSaved();
  await t.bridge.idle();
  await t.registry.leave(room, member);
}

async function storedCase(store: SpyStore): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await store.load(caseName)).updates) Y.applyUpdate(doc, update);
  return doc;
}

const action = (meeting: MeetingFile) =>
  meeting.addAction(
    { itemId: null, caseId: 'bridgecase00001', text: '回访', owner: null, deadline: '2026-12-01' },
    { by: 'centre', at: 5 },
  );

describe('the meeting link bridge', () => {
  it('M-LINK-1: a link write that fails is logged and loses nothing of the person’s change; the next change carries it', async () => {
    const t = await town();
    t.store.beforeLoad = (name) => {
      if (name === caseName) throw new Error('disk unreadable');
    };
    await editMeeting(t, action);
    expect(t.logger.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'meeting links not written into a case' }),
    );
    const meeting = new Y.Doc();
    for (const update of (await t.store.load(meetingName)).updates) Y.applyUpdate(meeting, update);
    expect(new MeetingFile(meeting).actions.map((a) => a.text)).toEqual(['回访']);

    t.store.beforeLoad = null;
    await editMeeting(t, (m) => m.title.insert(m.title.length, '(续)'));
    const entries = caseMeetingEntries(await storedCase(t.store));
    expect(entries.map((e) => [e.text, e.meetingTitle])).toEqual([['回访', '专题会(续)']]);
  });

  it('M-LINK-1: a change that alters no link, as of the minutes, writes nothing into the case', async () => {
    const t = await town();
    const writesOfCase = () => t.store.appends.filter((call) => call.writes.some((w) => w.name === caseName));
    expect(writesOfCase()).toHaveLength(1);
    await editMeeting(t, action);
    expect(writesOfCase()).toHaveLength(2);
    await editMeeting(t, (m) => m.minutes('item').insert(0, '会议记录'));
    await editMeeting(t, (m) => m.setDetails({ place: '镇综治中心' }));
    expect(writesOfCase()).toHaveLength(2);
  });

  it('M-LINK-1: a burst of changes (a title typed) is carried once, not once a keystroke', async () => {
    // the bridge waits for the test to say the burst is over, as it would wait a moment for the typing to stop
    let burstOver = () => {};
    const t = await town(() => new Promise<void>((resolve) => (burstOver = resolve)));
    const member = new FakeMember();
    const room = await t.registry.join(meetingName, 'meeting', member);
    room.doc.transact(() => action(new MeetingFile(room.doc)), member);
    await room.whenSaved();
    burstOver();
    await t.bridge.idle();
    const loadsBefore = t.store.loads.filter((name) => name === caseName).length;
    for (const char of '十一月第二次') {
      room.doc.transact(() => new MeetingFile(room.doc).title.insert(0, char), member);
      await room.whenSaved();
    }
    burstOver();
    await t.bridge.idle();
    await t.registry.leave(room, member);
    expect(t.store.loads.filter((name) => name === caseName).length - loadsBefore).toBe(1);
    const entries = caseMeetingEntries(await storedCase(t.store));
    expect(entries.map((e) => e.meetingTitle)).toEqual(['次二第月一十专题会']);
  });
});
