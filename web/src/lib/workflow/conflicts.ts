import type { WorkflowEvent } from '@concord/shared/cases/workflow/events.ts';
import {
  initialWorkflow,
  inOrder,
  refusal,
  transition,
  type Refusal,
  type WorkflowConflict,
} from '@concord/shared/cases/workflow/transitions.ts';

/**
 * The earlier step that made `conflict` not apply: the one a person needs to see beside it ("陈书记 escalated
 * at 11:00, but 李所长 had closed the case at 10:02"). Null when no single step is to blame (the top level).
 */
export function conflictCause(
  events: readonly WorkflowEvent[],
  conflict: WorkflowConflict,
): WorkflowEvent | null {
  let state = initialWorkflow;
  // the latest applied step that moved each thing the rules look at
  let stageBy: WorkflowEvent | null = null;
  let levelBy: WorkflowEvent | null = null;
  let handlerBy: WorkflowEvent | null = null;
  let lastAttempt: WorkflowEvent | null = null;
  for (const event of inOrder(events)) {
    if (event.id === conflict.event.id) break;
    const result = transition(state, event);
    if (!result.ok) continue;
    if (result.state.stage !== state.stage) stageBy = event;
    if (result.state.level !== state.level) levelBy = event;
    if (event.kind === 'dispatched') handlerBy = event;
    if (event.kind === 'attempt') lastAttempt = event;
    state = result.state;
  }
  return causeFor(conflict.reason, { stageBy, levelBy, handlerBy, lastAttempt });
}

function causeFor(
  reason: Refusal,
  found: Record<'stageBy' | 'levelBy' | 'handlerBy' | 'lastAttempt', WorkflowEvent | null>,
): WorkflowEvent | null {
  switch (reason) {
    case refusal.wrongStage:
      return found.stageBy;
    case refusal.alreadyEscalated:
    case refusal.wrongLevel:
      return found.levelBy;
    case refusal.attemptsExhausted:
      return found.lastAttempt;
    case refusal.verifierIsHandler:
      return found.handlerBy;
    case refusal.topLevel:
      return null;
  }
}
