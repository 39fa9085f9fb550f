import type { Role } from '../../auth/user.ts';
import type { Subject } from '../../access/rights.ts';
import type { EscalationLevel } from '../../org/agencies.ts';
import type { WorkflowEvent, WorkflowEventKind } from './events.ts';
import type { WorkflowState } from './transitions.ts';

/**
 * Who may take which step of a case, at which level (SPEC C-STEP-1…9): one pure function that the web app asks to
 * offer only the steps a person may take, and the sync server asks of every step it receives.
 */

/** Why a person may not take a step; the web app maps each to a message (exhaustive switch). */
export const stepRefusal = {
  /** The person's role does not take this step (at this level). */
  role: 'step_role',
  /** A department replies only to what was dispatched to it, and only for itself. */
  notDispatchedHere: 'step_not_dispatched_here',
  /** A case is closed by its verifier, who is not its handler (SPEC C-FLOW-6). */
  verifierNotSelf: 'step_verifier_not_self',
} as const;
export type StepRefusal = (typeof stepRefusal)[keyof typeof stepRefusal];

const townAgencies: readonly Role[] = ['governanceCentre', 'judicialOffice', 'policePost'];

/** Who mediates at each level (DOMAIN.md: the village tries three times, then the town, then the county). */
const mediatorsAt: Record<EscalationLevel, readonly Role[]> = {
  village: ['villageCadre', 'mediator', 'policePost', 'judicialOffice'],
  town: ['judicialOffice', 'policePost', 'governanceCentre', 'mediator'],
  county: ['governanceCentre', 'judicialOffice'],
};

/** Who takes a case up from each level: those who mediated there, and the town's centre for the county. */
const escalatorsFrom: Record<EscalationLevel, readonly Role[]> = {
  village: ['villageCadre', 'mediator', ...townAgencies],
  town: ['governanceCentre', 'judicialOffice'],
  county: [],
};

/** Who may confirm an outcome and close the case, at each level. */
const verifiersAt: Record<EscalationLevel, readonly Role[]> = {
  village: ['villageCadre', ...townAgencies],
  town: [...townAgencies],
  county: ['governanceCentre', 'judicialOffice'],
};

/** Who settles a review flag (SPEC C-STEP-9, C-REVIEW-4): the town's centre and its legal office. */
const reviewers: readonly Role[] = ['governanceCentre', 'judicialOffice'];

/** A step as far as who may take it goes: its kind, and the fields that name a level or a person, if known. */
export interface StepProbe {
  kind: WorkflowEventKind;
  level?: EscalationLevel;
  from?: EscalationLevel;
  verifier?: string;
  department?: string;
}

/** The step's level: where an attempt or an escalation says it was made, else where the case stands. */
function levelOf(event: StepProbe, state: WorkflowState): EscalationLevel {
  if (event.kind === 'attempt' && event.level) return event.level;
  if (event.kind === 'escalated' && event.from) return event.from;
  return state.level;
}

/** A person named on the case: its handler, or one of its case leaders. */
function namedOnCase(actor: Subject, state: WorkflowState): boolean {
  return state.handler === actor.id || state.leaders.includes(actor.id);
}

/** A village's mediators mediate in the village; the town's own committee (no village) from the town up. */
function mediatesAt(actor: Pick<Subject, 'role' | 'village'>, level: EscalationLevel): boolean {
  return actor.role !== 'mediator' || (actor.village === null) === (level !== 'village');
}

/**
 * Whether a person may be made the handler of a case standing at `level` (SPEC C-STEP-2): one whose role records
 * mediation attempts there. The dispatch form offers only them; a department is dispatched to, not made handler.
 */
export function mayHandle(person: Pick<Subject, 'role' | 'village'>, level: EscalationLevel): boolean {
  return mediatorsAt[level].includes(person.role) && mediatesAt(person, level);
}

/**
 * Why `actor` may not record a step of `event.kind` (with its fields) on a case standing at `state`, or null
 * when they may. The administrator may take every step, a supervisor none (SPEC C-STEP-8). Whether the step
 * applies where it falls in the timeline is the other rule, `transition` (SPEC C-FLOW-2…9); this one is about who.
 */
export function stepRefusalFor(
  actor: Subject,
  event: StepProbe | WorkflowEvent,
  state: WorkflowState,
): StepRefusal | null {
  const role = actor.role;
  const level = levelOf(event, state);
  if (role === 'admin') {
    // even the administrator closes only as the verifier (C-STEP-5)
    return event.kind === 'closed' && event.verifier !== undefined && event.verifier !== actor.id
      ? stepRefusal.verifierNotSelf
      : null;
  }
  // a supervisor reads and writes nothing (SPEC A-RIGHT-2); a department only replies (C-STEP-4, C-STEP-8)
  if (role === 'supervisor') return stepRefusal.role;
  if (role === 'department' && event.kind !== 'reply') return stepRefusal.role;
  const allowed = (roles: readonly Role[]) => (roles.includes(role) ? null : stepRefusal.role);
  switch (event.kind) {
    case 'registered':
    case 'dispatched':
    case 'evaluated':
      // the town's centre verifies, registers, grades, dispatches and evaluates (C-STEP-1, C-STEP-2, C-STEP-6)
      return allowed(['governanceCentre']);
    case 'attempt':
    case 'escalated': {
      // a case leader owns the case to the end, at every level (C-STEP-3)
      if (state.leaders.includes(actor.id)) return null;
      const roles = event.kind === 'attempt' ? mediatorsAt[level] : escalatorsFrom[level];
      if (!mediatesAt(actor, level)) return stepRefusal.role;
      return allowed(roles);
    }
    case 'reply':
      // a department replies for itself, to a case dispatched to it, and nobody else replies (C-STEP-4)
      if (role !== 'department') return stepRefusal.role;
      if (actor.agency === null || !state.departments.includes(actor.agency)) {
        return stepRefusal.notDispatchedHere;
      }
      if (event.department !== undefined && event.department !== actor.agency) {
        return stepRefusal.notDispatchedHere;
      }
      return null;
    case 'closed': {
      // the verifier confirms the outcome themself, and is not the handler (C-STEP-5, SPEC C-FLOW-6)
      if (event.verifier !== undefined && event.verifier !== actor.id) {
        return stepRefusal.verifierNotSelf;
      }
      if (state.handler === actor.id) return stepRefusal.verifierNotSelf;
      if (state.leaders.includes(actor.id)) return null;
      return allowed(verifiersAt[level]);
    }
    case 'visit':
      // follow-up visits: the village's staff and the town's agencies, and those named on the case (C-STEP-7)
      if (namedOnCase(actor, state)) return null;
      return allowed(['villageCadre', 'gridWorker', 'mediator', ...townAgencies]);
    case 'reopened':
      if (namedOnCase(actor, state)) return null;
      return allowed(['villageCadre', 'mediator', ...townAgencies]);
    case 'reviewed':
      // a contradiction is settled by the town, not by those whose steps contradict (C-STEP-9)
      return allowed(reviewers);
  }
}

/** Every kind of step, in the closed loop's own order (SPEC C-FLOW-2). */
export const allStepKinds = [
  'registered',
  'dispatched',
  'attempt',
  'reply',
  'escalated',
  'closed',
  'visit',
  'evaluated',
  'reopened',
  'reviewed',
] as const satisfies readonly WorkflowEventKind[];

/** The kinds of step `actor` may take on a case standing at `state`, whether or not they apply there now. */
export function stepKindsFor(actor: Subject, state: WorkflowState): WorkflowEventKind[] {
  return allStepKinds.filter((kind) => stepRefusalFor(actor, { kind }, state) === null);
}
