import type { WorkflowState } from './transitions.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** A department's default time to answer a dispatched case: 15 days (seed 004); configurable per dispatch. */
export const defaultDeadlineDays = 15;

export function deadlineFrom(dispatchedAt: number, days = defaultDeadlineDays): number {
  return dispatchedAt + days * dayMs;
}

export type DeadlineStatus = 'none' | 'onTime' | 'dueSoon' | 'overdue';

/** Derived at the moment of asking, never stored (SPEC C-FLOW-8). A closed case is due nothing. */
export function deadlineStatus(state: WorkflowState, now: number, dueSoonDays = 3): DeadlineStatus {
  if (state.deadline === null || state.stage === 'closed' || state.stage === 'evaluated') return 'none';
  if (now > state.deadline) return 'overdue';
  if (state.deadline - now <= dueSoonDays * dayMs) return 'dueSoon';
  return 'onTime';
}
