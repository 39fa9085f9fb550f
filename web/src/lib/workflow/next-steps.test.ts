import { describe, expect, it } from 'vitest';
import { deriveWorkflow, initialWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import type { AccountId, Role } from '@concord/shared/auth/user.ts';
import { nextSteps, offeredSteps } from './next-steps.ts';
import {
  attempt,
  closed,
  dispatched,
  ev,
  escalated,
  registered,
} from '@concord/shared/cases/workflow/sample-events.ts';

const offered = (events: Parameters<typeof deriveWorkflow>[0]) => nextSteps(deriveWorkflow(events).state);

describe('the steps the case page offers', () => {
  it('C-FLOW-2: a reported case offers registering and a visit, nothing further along', () => {
    expect(nextSteps(initialWorkflow)).toEqual(['registered']);
  });

  it('C-FLOW-2: a registered case may be dispatched or escalated, visited, not closed', () => {
    expect(offered([registered(1)])).toEqual(['dispatched', 'escalated', 'visit']);
  });

  it('C-FLOW-2, C-FLOW-6, C-FLOW-9: a dispatched case offers an attempt, a reply, escalation and closing', () => {
    expect(offered([registered(1), dispatched(2)])).toEqual([
      'dispatched',
      'attempt',
      'reply',
      'escalated',
      'closed',
      'visit',
    ]);
  });

  it('C-FLOW-4: after three attempts at a level, no fourth is offered; escalation is', () => {
    const steps = offered([registered(1), dispatched(2), attempt(3), attempt(4), attempt(5)]);
    expect(steps).not.toContain('attempt');
    expect(steps).toContain('escalated');
  });

  it('C-FLOW-5: at the county nothing offers to go higher', () => {
    const steps = offered([registered(1), dispatched(2), escalated(3, 'village'), escalated(4, 'town')]);
    expect(steps).not.toContain('escalated');
    expect(steps).toContain('attempt');
  });

  it('C-FLOW-7: a closed case offers a visit, evaluation and reopening; an evaluated one a visit and reopening', () => {
    const done = [registered(1), dispatched(2), attempt(3), closed(4)];
    expect(offered(done)).toEqual(['visit', 'evaluated', 'reopened']);
    expect(offered([...done, ev(5, 'evaluated', { satisfaction: 4 })])).toEqual(['visit', 'reopened']);
  });
});

const who = (id: string, role: Role, village: string | null = null, agency: string | null = null) => ({
  id: id as AccountId,
  role,
  village,
  agency,
});

describe('the steps offered to the person signed in', () => {
  const toDept = deriveWorkflow([
    registered(1),
    dispatched(2, 'demo-judicial1', { departments: ['naturalResources'] }),
  ]).state;

  it('W-STEP-1: a department is offered only its reply, on a case dispatched to it', () => {
    expect(offeredSteps(toDept, who('demo-dept1', 'department', null, 'naturalResources'))).toEqual([
      'reply',
    ]);
    expect(offeredSteps(toDept, who('demo-dept2', 'department', null, 'labour'))).toEqual([]);
  });

  it('W-STEP-1: a grid worker is offered neither registering nor dispatching', () => {
    const grid = who('demo-grid1', 'gridWorker', 'jiangting');
    expect(offeredSteps(initialWorkflow, grid)).toEqual([]);
    expect(offeredSteps(deriveWorkflow([registered(1)]).state, grid)).toEqual(['visit']);
    expect(offeredSteps(initialWorkflow, who('demo-centre1', 'governanceCentre'))).toEqual(['registered']);
  });

  it('W-STEP-1: the handler is offered closing, for the form to say why not; a supervisor nothing', () => {
    const judicial = who('demo-judicial1', 'judicialOffice');
    expect(offeredSteps(toDept, judicial)).toEqual(['attempt', 'escalated', 'closed', 'visit']);
    expect(offeredSteps(toDept, who('demo-supervisor1', 'supervisor'))).toEqual([]);
  });
});
