import { describe, expect, it } from 'vitest';
import { deriveWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import { reminderFor } from './reminders.ts';
import { closed, dispatched, registered } from '@concord/shared/cases/workflow/sample-events.ts';

const day = 24 * 60 * 60 * 1000;
const person = (
  id: string,
  role: 'judicialOffice' | 'caseLeader' | 'department' | 'villageCadre' = 'judicialOffice',
  agency: string | null = null,
) => ({
  id,
  role,
  agency,
});

describe('deadline reminders', () => {
  const { state } = deriveWorkflow([
    registered(0),
    dispatched(0, 'demo-judicial1', { leaders: ['demo-leader1'], departments: ['naturalResources'] }),
  ]);

  it('W-REMIND-1: the handler, a case leader and a department on the dispatch are reminded when it is due soon or overdue', () => {
    expect(reminderFor(state, person('demo-judicial1'), 13 * day)).toBe('dueSoon');
    expect(reminderFor(state, person('demo-leader1', 'caseLeader'), 16 * day)).toBe('overdue');
    expect(reminderFor(state, person('demo-dept1', 'department', 'naturalResources'), 16 * day)).toBe(
      'overdue',
    );
  });

  it('W-REMIND-1, C-FLOW-8: nobody else, nothing while on time, nothing once closed', () => {
    expect(reminderFor(state, person('demo-cadre1', 'villageCadre'), 16 * day)).toBeNull();
    expect(reminderFor(state, person('demo-dept2', 'department', 'labour'), 16 * day)).toBeNull();
    expect(reminderFor(state, person('demo-judicial1'), 5 * day)).toBeNull();
    expect(reminderFor(state, null, 16 * day)).toBeNull();
    const done = deriveWorkflow([registered(0), dispatched(0, 'demo-judicial1'), closed(1)]).state;
    expect(reminderFor(done, person('demo-judicial1'), 16 * day)).toBeNull();
  });
});
