import { deadlineStatus } from '@concord/shared/cases/workflow/deadlines.ts';
import type { WorkflowState } from '@concord/shared/cases/workflow/transitions.ts';
import { isMine, type Asker } from '@concord/shared/ledger/query.ts';

export type Reminder = 'dueSoon' | 'overdue';

/**
 * The reminder the case page shows this person (SPEC W-REMIND-1): only to those whose case it is (its handler, a
 * case leader or a department on it, a grid worker of its grid: the ledger's own "mine", SPEC L-MINE-1, so the two
 * never disagree), only when the deadline is near or past, worked out at the moment of asking (SPEC C-FLOW-8).
 * `grid` is the case's grid.
 */
export function reminderFor(
  state: WorkflowState,
  grid: string | null,
  user: Asker | null,
  now: number,
): Reminder | null {
  if (!isMine({ ...state, grid }, user)) return null;
  const status = deadlineStatus(state, now);
  return status === 'dueSoon' || status === 'overdue' ? status : null;
}
