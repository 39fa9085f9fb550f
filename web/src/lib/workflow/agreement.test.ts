import { describe, expect, it } from 'vitest';
import type { CaseId, CaseSummary } from '@concord/shared/cases/case-file.ts';
import { deriveWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import { agreementView } from './agreement.ts';
import { closed, dispatched, ev, registered } from '@concord/shared/cases/workflow/sample-events.ts';

const summary: Pick<CaseSummary, 'id' | 'title' | 'village' | 'disputeType'> = {
  id: 'abc123' as CaseId,
  title: '王某与刘某山林地界纠纷',
  village: null,
  disputeType: 'forestLandBoundary',
};

const agreed = (m: number, note: string) =>
  ev(m, 'attempt', { level: 'village', participants: [], result: 'agreed', note }, 'demo-judicial1');

describe('the printed mediation agreement', () => {
  it('W-PRINT-1: a case closed with an agreement prints the parties, facts, terms and the close-out date', () => {
    const events = [registered(1), dispatched(2), agreed(3, '以老界石为界,刘家补偿500元。'), closed(4)];
    const { state } = deriveWorkflow(events);
    const view = agreementView({
      summary,
      notes: [{ insert: '\n两户对后山杉木林界线各执一词。\n' }],
      parties: [
        { id: 'p2', name: '刘某', village: 'jiangting', contact: '', role: 'respondent' },
        { id: 'p1', name: '王某', village: 'jiangting', contact: '', role: 'applicant' },
      ],
      state,
      events,
      now: 99 * 60_000,
    });
    expect(view).toMatchObject({
      title: '王某与刘某山林地界纠纷',
      terms: ['以老界石为界,刘家补偿500元。'],
      outcome: 'agreement',
      final: true,
      date: 4 * 60_000,
      mediator: 'demo-judicial1',
    });
    expect(view.parties.map((p) => p.name)).toEqual(['王某', '刘某']);
    expect(view.facts.map((line) => line.runs.map((run) => run.text).join(''))).toEqual([
      '两户对后山杉木林界线各执一词。',
    ]);
  });

  it('W-PRINT-1, C-FLOW-7: an open or reopened case prints as a draft dated today, without the old terms', () => {
    const events = [
      registered(1),
      dispatched(2),
      agreed(3, 'old terms'),
      closed(4),
      ev(5, 'reopened', { reason: '反弹' }),
    ];
    const view = agreementView({
      summary,
      notes: [],
      parties: [],
      state: deriveWorkflow(events).state,
      events,
      now: 42,
    });
    expect(view).toMatchObject({ final: false, outcome: null, terms: [], date: 42, parties: [], facts: [] });
  });
});
