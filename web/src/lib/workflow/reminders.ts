import { deadlineStatus } from '@concord/shared/cases/workflow/deadlines.ts';
import type { WorkflowState } from '@concord/shared/cases/workflow/transitions.ts';
import { isMine } from '@concord/shared/ledger/query.ts';

export type Reminder = 'dueSoon' | 'overdue';

/** What the reminder needs of the signed-in person: their account and their department, if any. */
export interface Concerned {
  id: string;
  agency: string | null;
}

/**
 * The reminder the case page shows this person (SPEC W-REMIND-1): only to those the dispatch concerns (its
 * handler, a case leader on it, a department on it: the ledger's own "mine", so the two never disagree), only when
 * the deadline is near or past, worked out at the moment of asking (SPEC C-FLOW-8).
 */
export function reminderFor(state: WorkflowState, user: Concerned | null, now: number): Reminder | null {
  if (!isMine(state, user)) return null;
  const status = deadlineStatus(state, now);
  return status === 'dueSoon' || status === 'overdue' ? status : null;
}
