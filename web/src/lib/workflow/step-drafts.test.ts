import { describe, expect, it } from 'vitest';
import { deriveWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import { draftStep, splitNames } from './step-drafts.ts';
import { attempt, dispatched, escalated, registered } from '@concord/shared/cases/workflow/sample-events.ts';

const day = 24 * 60 * 60 * 1000;
const context = { id: 'step-0001', at: 10 * day, by: 'demo-centre1' };
const handling = deriveWorkflow([registered(1), dispatched(2, 'demo-judicial1'), attempt(3)]).state;

describe('turning a step form into an event', () => {
  it('W-FORM-1: a registration without a risk grade is refused with a message, and makes no event', () => {
    const draft = draftStep({ kind: 'registered', risk: '' }, deriveWorkflow([]).state, context);
    expect(draft).toEqual({ ok: false, errors: { risk: 'flow_error_risk' }, refusal: null });
  });

  it('C-FLOW-8: a dispatch is due 15 days on by default, counted from when it is recorded', () => {
    const draft = draftStep(
      {
        kind: 'dispatched',
        handler: ' demo-judicial1 ',
        departments: ['labour', 'nowhere'],
        leaders: ['demo-leader1', ''],
        days: 15,
      },
      deriveWorkflow([registered(1)]).state,
      context,
    );
    expect(draft).toEqual({
      ok: true,
      event: {
        ...context,
        kind: 'dispatched',
        handler: 'demo-judicial1',
        departments: ['labour'],
        leaders: ['demo-leader1'],
        deadline: 25 * day,
      },
    });
  });

  it('W-FORM-1: a dispatch needs a handler and a sensible number of days', () => {
    const draft = draftStep(
      { kind: 'dispatched', handler: '', departments: [], leaders: [], days: 0 },
      deriveWorkflow([registered(1)]).state,
      context,
    );
    expect(draft).toMatchObject({
      ok: false,
      errors: { handler: 'flow_error_handler', days: 'flow_error_days' },
    });
  });

  it('C-FLOW-6, W-STEP-1: the one closing is the verifier; the form refuses the handler, as the rule would', () => {
    const byHandler = { ...context, by: 'demo-judicial1' };
    const draft = draftStep({ kind: 'closed', outcome: 'agreement' }, handling, byHandler);
    expect(draft).toEqual({ ok: false, errors: {}, refusal: 'verifier_is_handler' });
    expect(draftStep({ kind: 'closed', outcome: 'agreement' }, handling, context)).toMatchObject({
      ok: true,
      event: { verifier: 'demo-centre1', by: 'demo-centre1' },
    });
  });

  it('C-FLOW-9, W-FORM-1: a department reply needs a note and names the department', () => {
    const dispatchedHere = deriveWorkflow([
      registered(1),
      dispatched(2, 'demo-judicial1', { departments: ['naturalResources'] }),
    ]).state;
    const reply = { kind: 'reply' as const, department: 'naturalResources', note: ' ' };
    expect(draftStep(reply, dispatchedHere, context)).toMatchObject({ errors: { note: 'flow_error_reply' } });
    expect(draftStep({ ...reply, note: ' 已派员现场核实界址。' }, dispatchedHere, context)).toMatchObject({
      ok: true,
      event: { kind: 'reply', department: 'naturalResources', note: '已派员现场核实界址。' },
    });
  });

  it('C-FLOW-3, C-FLOW-4, W-PEOPLE-1: attempts name the level the case is at, staff by id and others by name', () => {
    const atTown = deriveWorkflow([registered(1), dispatched(2), escalated(3)]).state;
    const tried = draftStep(
      {
        kind: 'attempt',
        result: 'partly',
        participants: ['demo-cadre1', 'demo-police1', 'demo-cadre1'],
        others: '王某之子、 村民代表,',
        note: ' 双方各退一步 ',
      },
      atTown,
      context,
    );
    expect(tried).toMatchObject({
      ok: true,
      event: {
        level: 'town',
        participants: ['demo-cadre1', 'demo-police1'],
        others: ['王某之子', '村民代表'],
        note: '双方各退一步',
      },
    });
    expect(draftStep({ kind: 'escalated', reason: '' }, atTown, context)).toMatchObject({
      ok: true,
      event: { from: 'town' },
    });
  });

  it('C-FLOW-7: a reopening needs a reason; an evaluation a score; a visit may have none', () => {
    const state = handling;
    expect(draftStep({ kind: 'reopened', reason: ' ' }, state, context)).toMatchObject({
      errors: { reason: 'flow_error_reason' },
    });
    expect(draftStep({ kind: 'evaluated', satisfaction: '' }, state, context)).toMatchObject({
      errors: { satisfaction: 'flow_error_satisfaction' },
    });
    expect(draftStep({ kind: 'visit', note: '', satisfaction: '' }, state, context)).toMatchObject({
      ok: true,
      event: { satisfaction: null },
    });
  });

  it('splits names at the separators of either language', () => {
    expect(splitNames('a, b,c、d;\n')).toEqual(['a', 'b', 'c', 'd']);
  });
});
