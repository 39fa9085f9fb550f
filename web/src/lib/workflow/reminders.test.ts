import { describe, expect, it } from 'vitest';
import { deriveWorkflow } from '@concord/shared/cases/workflow/transitions.ts';
import { reminderFor } from './reminders.ts';
import { closed, dispatched, registered } from '@concord/shared/cases/workflow/sample-events.ts';

const day = 24 * 60 * 60 * 1000;
const person = (
  id: string,
  role: 'judicialOffice' | 'caseLeader' | 'department' | 'villageCadre' | 'gridWorker' = 'judicialOffice',
  agency: string | null = null,
  grid: string | null = null,
) => ({
  id,
  role,
  agency,
  grid,
});

describe('deadline reminders', () => {
  const { state } = deriveWorkflow([
    registered(0),
    dispatched(0, 'demo-judicial1', { leaders: ['demo-leader1'], departments: ['naturalResources'] }),
  ]);

  it('W-REMIND-1: the handler, a case leader and a department on the dispatch are reminded when it is due soon or overdue', () => {
    expect(reminderFor(state, null, person('demo-judicial1'), 13 * day)).toBe('dueSoon');
    expect(reminderFor(state, null, person('demo-leader1', 'caseLeader'), 16 * day)).toBe('overdue');
    expect(reminderFor(state, null, person('demo-dept1', 'department', 'naturalResources'), 16 * day)).toBe(
      'overdue',
    );
  });

  it('W-REMIND-1, C-FLOW-8: nobody else, nothing while on time, nothing once closed', () => {
    expect(reminderFor(state, null, person('demo-cadre1', 'villageCadre'), 16 * day)).toBeNull();
    expect(reminderFor(state, null, person('demo-dept2', 'department', 'labour'), 16 * day)).toBeNull();
    expect(reminderFor(state, null, person('demo-judicial1'), 5 * day)).toBeNull();
    expect(reminderFor(state, null, null, 16 * day)).toBeNull();
    const done = deriveWorkflow([registered(0), dispatched(0, 'demo-judicial1'), closed(1)]).state;
    expect(reminderFor(done, null, person('demo-judicial1'), 16 * day)).toBeNull();
  });

  it('L-MINE-1, W-REMIND-1: a grid worker is reminded on the page of an open case in their grid, not of another grid', () => {
    const walker = person('demo-grid1', 'gridWorker', null, 'jiangting-1');
    expect(reminderFor(state, 'jiangting-1', walker, 16 * day)).toBe('overdue');
    expect(reminderFor(state, 'jiangting-1', walker, 13 * day)).toBe('dueSoon');
    expect(reminderFor(state, 'jiangting-2', walker, 16 * day)).toBeNull();
    expect(reminderFor(state, null, walker, 16 * day)).toBeNull();
    const done = deriveWorkflow([registered(0), dispatched(0, 'demo-judicial1'), closed(1)]).state;
    expect(reminderFor(done, 'jiangting-1', walker, 16 * day)).toBeNull();
  });
});
