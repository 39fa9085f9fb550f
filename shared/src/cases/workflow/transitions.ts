import type { EscalationLevel } from '../../org/agencies.ts';
import type { Outcome, RiskGrade, Stage, WorkflowEvent } from './events.ts';

/** Where a case stands, derived from its timeline; never stored, so it cannot disagree with it. */
export interface WorkflowState {
  stage: Stage;
  level: EscalationLevel;
  risk: RiskGrade | null;
  /** Mediation attempts at the current level: three at each, then the case goes up (SPEC C-FLOW-4). */
  attemptsAtLevel: number;
  handler: string | null;
  departments: string[];
  leaders: string[];
  deadline: number | null;
  outcome: Outcome | null;
  closedAt: number | null;
  satisfaction: number | null;
  reopenings: number;
}

export const initialWorkflow: WorkflowState = {
  stage: 'reported',
  level: 'village',
  risk: null,
  attemptsAtLevel: 0,
  handler: null,
  departments: [],
  leaders: [],
  deadline: null,
  outcome: null,
  closedAt: null,
  satisfaction: null,
  reopenings: 0,
};

/** Why a recorded step does not apply; the app maps each to a message (exhaustive switch). */
export const refusal = {
  wrongStage: 'wrong_stage',
  alreadyEscalated: 'already_escalated',
  topLevel: 'top_level',
  wrongLevel: 'wrong_level',
  attemptsExhausted: 'attempts_exhausted',
  verifierIsHandler: 'verifier_is_handler',
} as const;
export type Refusal = (typeof refusal)[keyof typeof refusal];

export type TransitionResult = { ok: true; state: WorkflowState } | { ok: false; reason: Refusal };

export const maxAttemptsPerLevel = 3;
const nextLevel: Record<EscalationLevel, EscalationLevel | null> = {
  village: 'town',
  town: 'county',
  county: null,
};

const ok = (state: WorkflowState): TransitionResult => ({ ok: true, state });
const no = (reason: Refusal): TransitionResult => ({ ok: false, reason });
const inStage = (state: WorkflowState, ...allowed: Stage[]) => allowed.includes(state.stage);

/** One step of the closed loop, with its rules (SPEC C-FLOW-2…7). Pure: the same on every replica. */
export function transition(state: WorkflowState, event: WorkflowEvent): TransitionResult {
  switch (event.kind) {
    case 'registered':
      if (!inStage(state, 'reported')) return no(refusal.wrongStage);
      return ok({ ...state, stage: 'registered', risk: event.risk });
    case 'dispatched':
      if (!inStage(state, 'registered', 'dispatched', 'handling')) return no(refusal.wrongStage);
      return ok({
        ...state,
        stage: state.stage === 'handling' ? 'handling' : 'dispatched',
        handler: event.handler,
        departments: event.departments,
        leaders: event.leaders,
        deadline: event.deadline,
      });
    case 'attempt':
      if (!inStage(state, 'dispatched', 'handling')) return no(refusal.wrongStage);
      if (event.level !== state.level) return no(refusal.wrongLevel);
      if (state.attemptsAtLevel >= maxAttemptsPerLevel) return no(refusal.attemptsExhausted);
      return ok({ ...state, stage: 'handling', attemptsAtLevel: state.attemptsAtLevel + 1 });
    case 'escalated': {
      if (!inStage(state, 'registered', 'dispatched', 'handling')) return no(refusal.wrongStage);
      // someone else took it up already: the same step twice is not two steps
      if (event.from !== state.level) return no(refusal.alreadyEscalated);
      const up = nextLevel[state.level];
      if (up === null) return no(refusal.topLevel);
      return ok({ ...state, level: up, attemptsAtLevel: 0 });
    }
    case 'closed':
      if (!inStage(state, 'dispatched', 'handling')) return no(refusal.wrongStage);
      if (event.verifier === state.handler) return no(refusal.verifierIsHandler);
      return ok({ ...state, stage: 'closed', outcome: event.outcome, closedAt: event.at });
    case 'visit':
      if (inStage(state, 'reported')) return no(refusal.wrongStage);
      return ok(event.satisfaction === null ? state : { ...state, satisfaction: event.satisfaction });
    case 'evaluated':
      if (!inStage(state, 'closed')) return no(refusal.wrongStage);
      return ok({ ...state, stage: 'evaluated', satisfaction: event.satisfaction });
    case 'reply':
      // a department answers while the case is being worked on; the reply moves nothing but the stage
      if (!inStage(state, 'dispatched', 'handling')) return no(refusal.wrongStage);
      return ok({ ...state, stage: 'handling' });
    case 'reviewed':
      // settles a review flag (SPEC C-REVIEW-4) wherever the case stands; the flag may be on any step
      return ok(state);
    case 'reopened':
      if (!inStage(state, 'closed', 'evaluated')) return no(refusal.wrongStage);
      return ok({
        ...state,
        stage: 'handling',
        outcome: null,
        closedAt: null,
        reopenings: state.reopenings + 1,
      });
  }
}

/** A step that did not apply where it fell in the merged order: shown to the people concerned, not dropped. */
export interface WorkflowConflict {
  event: WorkflowEvent;
  reason: Refusal;
}

/** Events in the one order every replica agrees on: by time, then by id (SPEC C-FLOW-1). */
export function inOrder(events: readonly WorkflowEvent[]): WorkflowEvent[] {
  return [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The case's state from its whole timeline, and the steps that conflicted (SPEC C-FLOW-1, C-FLOW-3): whatever
 * order replicas received the events in, they derive the same state and the same conflicts.
 */
export function deriveWorkflow(events: readonly WorkflowEvent[]): {
  state: WorkflowState;
  conflicts: WorkflowConflict[];
} {
  let state = initialWorkflow;
  const conflicts: WorkflowConflict[] = [];
  for (const event of inOrder(events)) {
    const result = transition(state, event);
    if (result.ok) state = result.state;
    else conflicts.push({ event, reason: result.reason });
  }
  return { state, conflicts };
}
