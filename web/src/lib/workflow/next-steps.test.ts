import { describe, expect, it } from 'vitest';
import { deriveWorkflow, initialWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import { nextSteps } from './next-steps.ts';
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

  it('C-FLOW-2, C-FLOW-6: a dispatched case offers an attempt, escalation and closing', () => {
    expect(offered([registered(1), dispatched(2)])).toEqual([
      'dispatched',
      'attempt',
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
