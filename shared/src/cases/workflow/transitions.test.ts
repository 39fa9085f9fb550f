import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CaseFile } from '../case-file.ts';
import { CaseTimeline } from './timeline.ts';
import { deadlineStatus } from './deadlines.ts';
import { attempt, dispatched, ev, registered } from './sample-events.ts';
import { deriveWorkflow, initialWorkflow, maxAttemptsPerLevel } from './transitions.ts';

describe('the closed loop', () => {
  it('C-FLOW-2: a case goes reported → registered → dispatched → handling → closed → evaluated', () => {
    const { state, conflicts } = deriveWorkflow([
      registered(1),
      dispatched(2),
      attempt(3),
      ev(4, 'closed', { outcome: 'agreement', verifier: 'centre1' }, 'centre1'),
      ev(5, 'evaluated', { satisfaction: 5 }, 'centre1'),
    ]);
    expect(conflicts).toEqual([]);
    expect(state).toMatchObject({
      stage: 'evaluated',
      outcome: 'agreement',
      satisfaction: 5,
      attemptsAtLevel: 1,
    });
  });

  it('C-FLOW-4: three attempts at a level, then only escalation; the count starts again one level up', () => {
    const events = [registered(1), dispatched(2), attempt(3), attempt(4), attempt(5), attempt(6)];
    const stuck = deriveWorkflow(events);
    expect(stuck.state.attemptsAtLevel).toBe(maxAttemptsPerLevel);
    expect(stuck.conflicts.map((c) => c.reason)).toEqual(['attempts_exhausted']);

    const up = deriveWorkflow([
      ...events.slice(0, 5),
      ev(6, 'escalated', { from: 'village', reason: '三次劝调未果' }, 'cadre1'),
      attempt(7, 'town'),
    ]);
    expect(up.state).toMatchObject({ level: 'town', attemptsAtLevel: 1 });
    expect(up.conflicts).toEqual([]);
  });

  it('C-FLOW-5: nothing goes past the county', () => {
    const { state, conflicts } = deriveWorkflow([
      registered(1),
      ev(2, 'escalated', { from: 'village', reason: '' }),
      ev(3, 'escalated', { from: 'town', reason: '' }),
      ev(4, 'escalated', { from: 'county', reason: '' }),
    ]);
    expect(state.level).toBe('county');
    expect(conflicts.map((c) => c.reason)).toEqual(['top_level']);
  });

  it('C-FLOW-6: closing needs a verifier other than the handler', () => {
    const { state, conflicts } = deriveWorkflow([
      registered(1),
      dispatched(2, 'judicial1'),
      attempt(3),
      ev(4, 'closed', { outcome: 'agreement', verifier: 'judicial1' }, 'judicial1'),
    ]);
    expect(state.stage).toBe('handling');
    expect(conflicts.map((c) => c.reason)).toEqual(['verifier_is_handler']);
  });

  it('C-FLOW-7: a relapse reopens a closed case, and it can be closed again', () => {
    const { state } = deriveWorkflow([
      registered(1),
      dispatched(2),
      attempt(3),
      ev(4, 'closed', { outcome: 'withdrawn', verifier: 'centre1' }, 'centre1'),
      ev(5, 'visit', { note: '回访:又起争执', satisfaction: 2 }, 'grid1'),
      ev(6, 'reopened', { reason: '反弹' }, 'grid1'),
    ]);
    expect(state).toMatchObject({ stage: 'handling', outcome: null, reopenings: 1, satisfaction: 2 });
  });

  it('C-FLOW-1: an empty timeline is a case just reported', () => {
    expect(deriveWorkflow([])).toEqual({ state: initialWorkflow, conflicts: [] });
  });
});

describe('conflicting steps made offline', () => {
  it('C-FLOW-3: one closes while another escalates: the earlier wins, the later shows as a conflict', () => {
    const common = [registered(1), dispatched(2), attempt(3)];
    const close = ev(10, 'closed', { outcome: 'agreement', verifier: 'centre1' }, 'centre1');
    const escalate = ev(11, 'escalated', { from: 'village', reason: '当事人不服' }, 'cadre1');
    const here = deriveWorkflow([...common, close, escalate]);
    const there = deriveWorkflow([escalate, ...common.reverse(), close]);
    expect(here).toEqual(there);
    expect(here.state.stage).toBe('closed');
    expect(here.conflicts).toEqual([{ event: escalate, reason: 'wrong_stage' }]);
  });

  it('C-FLOW-3: two people escalating the same case offline take it up one level, not two', () => {
    const { state, conflicts } = deriveWorkflow([
      registered(1),
      ev(5, 'escalated', { from: 'village', reason: 'a' }, 'cadre1'),
      ev(5, 'escalated', { from: 'village', reason: 'b' }, 'police1'),
    ]);
    expect(state.level).toBe('town');
    expect(conflicts.map((c) => c.reason)).toEqual(['already_escalated']);
  });
});

describe('deadlines', () => {
  const day = 24 * 60 * 60 * 1000;
  it('C-FLOW-8: due soon within three days, overdue after, nothing once closed; 15 days by default', () => {
    const { state } = deriveWorkflow([registered(0), dispatched(0)]);
    expect(state.deadline).toBe(15 * day);
    expect(deadlineStatus(state, 10 * day)).toBe('onTime');
    expect(deadlineStatus(state, 13 * day)).toBe('dueSoon');
    expect(deadlineStatus(state, 16 * day)).toBe('overdue');
    expect(deadlineStatus({ ...state, stage: 'closed' }, 16 * day)).toBe('none');
    expect(deadlineStatus(initialWorkflow, 16 * day)).toBe('none');
  });
});

describe('the case file reads its placement from the timeline', () => {
  it('C-FLOW-1, A-RIGHT-9: an escalation recorded in the timeline is the level rights are decided on', () => {
    const doc = new Y.Doc();
    const caseFile = new CaseFile(doc);
    caseFile.setLevel('county');
    expect(caseFile.summary().level).toBe('county');
    const timeline = new CaseTimeline(doc);
    timeline.record(registered(1));
    timeline.record(dispatched(2));
    timeline.record(ev(3, 'escalated', { from: 'village', reason: '三次劝调未果' }, 'cadre1'));
    expect(caseFile.summary()).toMatchObject({ level: 'town', leaders: [], departments: [] });
  });
});
