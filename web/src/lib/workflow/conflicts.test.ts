import { describe, expect, it } from 'vitest';
import { deriveWorkflow, refusal, type Refusal } from '@concord/shared/cases/workflow/transitions.ts';
import { en } from '../i18n/messages-en.ts';
import { translate } from '../i18n/translate.ts';
import { conflictCause } from './conflicts.ts';
import {
  attempt,
  closed,
  dispatched,
  ev,
  escalated,
  registered,
} from '@concord/shared/cases/workflow/sample-events.ts';
import { departmentName } from '../i18n/labels.ts';
import { conflictLine, eventLine, refusalKey, type Speaker } from './wording.ts';

const names: Record<string, string> = {
  'demo-judicial1': '李所长',
  'demo-cadre1': '陈书记',
  'demo-centre1': '周主任',
};
const speaker = (locale: 'en' | 'zh-CN'): Speaker => ({
  t: (key, params) => translate(locale, key, params),
  name: (id) => names[id] ?? id,
  dateTime: (ms) => `${String(Math.floor(ms / 60_000)).padStart(2, '0')}min`,
  date: (ms) => `day ${Math.floor(ms / 86_400_000)}`,
  department: (id) => departmentName(id, locale),
});

describe('conflicting steps, in words', () => {
  it('C-FLOW-3: an escalation made offline after someone closed the case names the close as its cause', () => {
    const close = closed(10, 'demo-centre1', 'demo-judicial1');
    const escalate = escalated(11, 'village', 'demo-cadre1');
    const events = [registered(1), dispatched(2, 'demo-police1'), attempt(3), escalate, close];
    const { conflicts } = deriveWorkflow(events);
    expect(conflicts).toEqual([{ event: escalate, reason: refusal.wrongStage }]);
    const cause = conflictCause(events, conflicts[0] ?? { event: escalate, reason: refusal.wrongStage });
    expect(cause).toEqual(close);
    expect(conflictLine(escalate, cause, speaker('en'))).toBe(
      '陈书记 escalated the case at 11min, but 李所长 had closed the case at 10min.',
    );
    expect(conflictLine(escalate, cause, speaker('zh-CN'))).toBe(
      '陈书记于 11min 将案件提级,但李所长已于 10min 办结了案件。',
    );
  });

  it('C-FLOW-3: the second of two escalations from one level names the first', () => {
    const first = escalated(5, 'village', 'demo-cadre1');
    const second = escalated(6, 'village', 'demo-judicial1');
    const events = [registered(1), first, second];
    const [conflict] = deriveWorkflow(events).conflicts;
    expect(conflict?.reason).toBe(refusal.alreadyEscalated);
    expect(conflict && conflictCause(events, conflict)).toEqual(first);
  });

  it('C-FLOW-5: an escalation past the county has no one step to blame', () => {
    const events = [registered(1), escalated(2, 'village'), escalated(3, 'town'), escalated(4, 'county')];
    const [conflict] = deriveWorkflow(events).conflicts;
    expect(conflict?.reason).toBe(refusal.topLevel);
    expect(conflict && conflictCause(events, conflict)).toBeNull();
    expect(conflict && conflictLine(conflict.event, null, speaker('en'))).toBe(
      '陈书记 escalated the case at 04min.',
    );
  });

  it('C-FLOW-3: every refusal has words in both languages', () => {
    for (const reason of Object.values(refusal) as Refusal[]) {
      const key = refusalKey(reason);
      expect(en[key]).toBeTruthy();
      expect(translate('zh-CN', key)).not.toBe(translate('en', key));
    }
  });

  it('C-FLOW-1: each step reads as who did what', () => {
    expect(eventLine(dispatched(0, 'demo-judicial1'), speaker('en'))).toBe(
      '周主任 dispatched the case to 李所长, answer due day 15',
    );
    expect(eventLine(closed(3), speaker('zh-CN'))).toBe('周主任办结案件:达成调解协议,核查人 周主任');
  });
});

describe('a department reply, in words', () => {
  it('C-FLOW-9: the timeline names the department in the reader’s language, never its id', () => {
    const reply = ev(5, 'reply', { department: 'naturalResources', note: '已现场核实。' }, 'demo-dept1');
    expect(eventLine(reply, speaker('zh-CN'))).toBe('demo-dept1代表自然资源所答复');
    expect(eventLine(reply, speaker('en'))).toBe('demo-dept1 replied for Natural resources office');
  });
});
