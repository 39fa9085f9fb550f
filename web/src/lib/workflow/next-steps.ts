import type { WorkflowEvent, WorkflowEventKind } from '@concord/shared/cases/workflow/events.ts';
import type { Subject } from '@concord/shared/access/rights.ts';
import { allStepKinds, stepRefusalFor } from '@concord/shared/cases/workflow/step-rights.ts';
import { transition, type WorkflowState } from '@concord/shared/cases/workflow/transitions.ts';

/**
 * The steps in the order the forms show them: the closed loop's own order (SPEC C-FLOW-2). A review is recorded
 * from the flag it settles, not from this list.
 */
export const stepKinds: readonly WorkflowEventKind[] = allStepKinds.filter((kind) => kind !== 'reviewed');

// a verifier no real account can be, so the probe for closing never trips over the handler rule
const nobody = '\u0000nobody';

/** A stand-in for a step of `kind`, made from where the case stands now, to ask the rules whether it applies. */
function probe(kind: WorkflowEventKind, state: WorkflowState): WorkflowEvent {
  const base = { id: 'probe-step', at: 0, by: nobody };
  switch (kind) {
    case 'registered':
      return { ...base, kind, risk: 'low' };
    case 'dispatched':
      return { ...base, kind, handler: nobody, departments: [], leaders: [], deadline: 0 };
    case 'attempt':
      return { ...base, kind, level: state.level, participants: [], result: 'failed', note: '' };
    case 'escalated':
      return { ...base, kind, from: state.level, reason: '' };
    case 'closed':
      return { ...base, kind, outcome: 'agreement', verifier: nobody };
    case 'visit':
      return { ...base, kind, note: '', satisfaction: null };
    case 'evaluated':
      return { ...base, kind, satisfaction: 5 };
    case 'reopened':
      return { ...base, kind, reason: '' };
    case 'reply':
      return { ...base, kind, department: nobody, note: '' };
    case 'reviewed':
      return { ...base, kind, flag: nobody, note: '' };
  }
}

/**
 * The steps a person may record next: exactly those the shared rules accept where the case stands (SPEC
 * C-FLOW-2…7), so the forms never offer what every replica would then show as a conflict.
 */
export function nextSteps(state: WorkflowState): WorkflowEventKind[] {
  return stepKinds.filter((kind) => transition(state, probe(kind, state)).ok);
}

/**
 * The steps `actor` is offered (SPEC W-STEP-1): those that apply where the case stands and that their role may
 * take there (SPEC C-STEP-*). Closing is offered to a handler who could otherwise verify, so the form can say why
 * they may not close their own case.
 */
export function offeredSteps(state: WorkflowState, actor: Subject): WorkflowEventKind[] {
  return nextSteps(state).filter((kind) => {
    const judged = kind === 'closed' ? { ...state, handler: null } : state;
    return stepRefusalFor(actor, { kind }, judged) === null;
  });
}
