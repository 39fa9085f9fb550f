import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import type { CaseMeetingEntry } from '@concord/shared/meetings/case-links.ts';
import { entryOverdue, groupByMeeting, isOverdue, localDay, withMeetingEntries } from './case-meetings.ts';

function entry(key: string, at: number, more: Partial<CaseMeetingEntry> = {}): CaseMeetingEntry {
  return {
    key,
    meetingId: 'm1',
    meetingTitle: '专题会',
    meetingKind: 'topical',
    meetingDate: '2026-11-27',
    kind: 'action',
    partId: key,
    text: '回访',
    owner: null,
    deadline: null,
    at,
    carriedFrom: null,
    completion: null,
    carried: false,
    ...more,
  };
}

const step = (id: string, at: number) => ({ id, at, kind: 'registered' }) as unknown as WorkflowEvent;

describe('meetings on the case', () => {
  it('W-CASEMEET-1: an action is overdue after its deadline day, unless done or carried forward', () => {
    const now = new Date(2026, 11, 6, 9).getTime();
    expect(localDay(now)).toBe('2026-12-06');
    expect(isOverdue('2026-12-05', now)).toBe(true);
    expect(isOverdue('2026-12-06', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
    expect(entryOverdue(entry('a', 1, { deadline: '2026-12-05' }), now)).toBe(true);
    expect(entryOverdue(entry('a', 1, { deadline: '2026-12-05', carried: true }), now)).toBe(false);
    const done = { done: true, by: 'x', at: 2 };
    expect(entryOverdue(entry('a', 1, { deadline: '2026-12-05', completion: done }), now)).toBe(false);
    expect(entryOverdue(entry('a', 1, { deadline: '2026-12-05', kind: 'decision' }), now)).toBe(false);
  });

  it('W-CASEMEET-1: the timeline shows decisions and actions at their time among the steps, steps kept in order', () => {
    const lines = withMeetingEntries(
      [step('s1', 10), step('s2', 30), step('s3', 50)],
      [entry('late', 60), entry('mid', 40), entry('early', 5)],
    );
    expect(lines.map((line) => (line.kind === 'step' ? line.event.id : line.entry.key))).toEqual([
      'early',
      's1',
      's2',
      'mid',
      's3',
      'late',
    ]);
  });

  it('W-CASEMEET-1: the case lists each meeting once, with its decisions and actions under it', () => {
    const groups = groupByMeeting([
      entry('a', 1),
      entry('b', 2, { meetingId: 'm2', meetingTitle: '全体会' }),
      entry('c', 3),
    ]);
    expect(groups.map((group) => [group.meetingId, group.title, group.entries.map((e) => e.key)])).toEqual([
      ['m1', '专题会', ['a', 'c']],
      ['m2', '全体会', ['b']],
    ]);
  });
});
