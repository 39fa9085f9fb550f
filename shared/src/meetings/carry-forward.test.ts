import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyCarry, carryPlanOf, latestEarlierMeeting } from './carry-forward.ts';
import { MeetingFile } from './meeting-file.ts';
import type { MeetingKind } from './meeting-parts.ts';

const stamp = { by: 'demo-centre1', at: 1 };

function meeting(id: string, kind: MeetingKind, date: string, village: string | null = null): MeetingFile {
  return MeetingFile.create(new Y.Doc(), {
    id,
    kind,
    title: `meeting ${id}`,
    date,
    time: '09:00',
    place: '',
    village,
    invited: [],
    convener: 'demo-centre1',
    createdAt: 0,
  });
}

describe('carrying unfinished action items forward', () => {
  it('M-CARRY-1: the latest earlier meeting of the same body is the one carried from', () => {
    const meetings = [
      meeting('m1', 'topical', '2026-11-01').summary(),
      meeting('m2', 'plenary', '2026-11-08').summary(),
      meeting('m3', 'weeklyAnalysis', '2026-11-10').summary(),
      meeting('m4', 'topical', '2026-11-30').summary(),
      meeting('v1', 'villageDeliberation', '2026-11-12', 'jiangting').summary(),
    ];
    const next = meeting('new', 'topical', '2026-11-15').summary();
    // topical and plenary meetings are one body, the town's joint meeting
    expect(latestEarlierMeeting(meetings, next)?.id).toBe('m2');
    const village = meeting('v2', 'villageDeliberation', '2026-11-20', 'jiangting').summary();
    expect(latestEarlierMeeting(meetings, village)?.id).toBe('v1');
    const otherVillage = meeting('v3', 'villageDeliberation', '2026-11-20', 'shangyuan').summary();
    expect(latestEarlierMeeting(meetings, otherVillage)).toBeNull();
    expect(latestEarlierMeeting([next], next)).toBeNull();
  });

  it('M-CARRY-1: unfinished actions become actions of the new meeting, marked carried, with an item per case', () => {
    const earlier = meeting('m1', 'topical', '2026-11-01');
    const item = earlier.addAgendaItem({ caseId: 'case1', topic: '山林界' }, stamp);
    const open = earlier.addAction(
      { itemId: item.id, caseId: null, text: '现场勘界', owner: 'demo-judicial1', deadline: '2026-11-10' },
      stamp,
    );
    const done = earlier.addAction(
      { itemId: item.id, caseId: 'case1', text: '通知双方', owner: null, deadline: null },
      stamp,
    );
    const free = earlier.addAction(
      { itemId: null, caseId: null, text: '整理台账', owner: 'demo-centre1', deadline: null },
      stamp,
    );
    earlier.setDone(done.id, true, stamp);

    const next = meeting('m2', 'topical', '2026-11-08');
    const plan = carryPlanOf(earlier);
    if (!plan) throw new Error('no plan');
    applyCarry(next, plan, { by: 'demo-centre1', at: 2 });

    const [carriedItem] = next.agendaItems;
    expect(next.agendaItems).toHaveLength(1);
    expect(carriedItem).toMatchObject({
      caseId: 'case1',
      topic: '山林界',
      carriedFrom: { meetingId: 'm1', actionId: open.id },
    });
    expect(
      next.actions.map((action) => [
        action.text,
        action.caseId,
        action.itemId,
        action.owner,
        action.carriedFrom,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['现场勘界', 'case1', carriedItem?.id, 'demo-judicial1', { meetingId: 'm1', actionId: open.id }],
        ['整理台账', null, null, 'demo-centre1', { meetingId: 'm1', actionId: free.id }],
      ]),
    );
    expect(next.actions).toHaveLength(2);
  });
});
