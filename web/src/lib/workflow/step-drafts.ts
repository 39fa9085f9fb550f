import {
  attemptResults,
  outcomes,
  riskGrades,
  type Outcome,
  type RiskGrade,
  type WorkflowEvent,
} from '@concord/shared/cases/workflow/events.ts';
import { deadlineFrom } from '@concord/shared/cases/workflow/deadlines.ts';
import { transition, type Refusal, type WorkflowState } from '@concord/shared/cases/workflow/transitions.ts';
import { isDepartmentId } from '@concord/shared/org/agencies.ts';
import type { MessageKey } from '../i18n/translate.ts';

/** What each step's form holds, as typed: strings straight from the inputs, checked here. */
export type StepInput =
  | { kind: 'registered'; risk: string }
  | { kind: 'dispatched'; handler: string; departments: string[]; leaders: string[]; days: number }
  | { kind: 'attempt'; result: string; participants: string[]; others: string; note: string }
  | { kind: 'escalated'; reason: string }
  /** The verifier is the person recording the close-out (SPEC C-STEP-5). */
  | { kind: 'closed'; outcome: string }
  | { kind: 'reply'; department: string; note: string }
  | { kind: 'reviewed'; flag: string; note: string }
  | { kind: 'visit'; note: string; satisfaction: string }
  | { kind: 'evaluated'; satisfaction: string }
  | { kind: 'reopened'; reason: string };

/** Who records the step, and when, by this device's clock (SPEC C-FLOW-1). */
export interface StepContext {
  id: string;
  at: number;
  by: string;
}

export type StepDraft =
  | { ok: true; event: WorkflowEvent }
  /** A field the person must fix, keyed by the field's name, or the rule the step would break where it falls. */
  | { ok: false; errors: Record<string, MessageKey>; refusal: Refusal | null };

const maxDeadlineDays = 365;

const isRisk = (value: string): value is RiskGrade => (riskGrades as readonly string[]).includes(value);
const isOutcome = (value: string): value is Outcome => (outcomes as readonly string[]).includes(value);
const isResult = (value: string): value is (typeof attemptResults)[number] =>
  (attemptResults as readonly string[]).includes(value);

/** A satisfaction score of 1 to 5 from a form's select, or null for none given. */
function score(value: string): number | null {
  const n = Number(value);
  return value !== '' && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

/** Names typed in one field, split at the separators people use in either language. */
export function splitNames(value: string): string[] {
  return value
    .split(/[,,、;;\n]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

/**
 * Turns a filled form into the event to record, or says what is wrong (SPEC W-FORM-1). The event is then put to
 * the same rule every replica applies, so the form refuses what would only show up as a conflict (SPEC C-FLOW-6:
 * a handler verifying their own case).
 */
export function draftStep(input: StepInput, state: WorkflowState, context: StepContext): StepDraft {
  const errors: Record<string, MessageKey> = {};
  const event = build(input, context, state, errors);
  if (!event) return { ok: false, errors, refusal: null };
  const result = transition(state, event);
  if (!result.ok) return { ok: false, errors, refusal: result.reason };
  return { ok: true, event };
}

function build(
  input: StepInput,
  base: StepContext,
  state: WorkflowState,
  errors: Record<string, MessageKey>,
): WorkflowEvent | null {
  switch (input.kind) {
    case 'registered':
      if (!isRisk(input.risk)) errors['risk'] = 'flow_error_risk';
      return isRisk(input.risk) ? { ...base, kind: input.kind, risk: input.risk } : null;
    case 'dispatched': {
      const handler = input.handler.trim();
      if (handler === '') errors['handler'] = 'flow_error_handler';
      const daysOk = Number.isInteger(input.days) && input.days >= 1 && input.days <= maxDeadlineDays;
      if (!daysOk) errors['days'] = 'flow_error_days';
      if (handler === '' || !daysOk) return null;
      return {
        ...base,
        kind: input.kind,
        handler,
        departments: input.departments.filter(isDepartmentId),
        leaders: [...new Set(input.leaders.map((l) => l.trim()).filter((l) => l !== ''))],
        deadline: deadlineFrom(base.at, input.days),
      };
    }
    case 'attempt':
      if (!isResult(input.result)) {
        errors['result'] = 'flow_error_result';
        return null;
      }
      return {
        ...base,
        kind: input.kind,
        // an attempt is made where the case stands, which counts towards that level's three (SPEC C-FLOW-4)
        level: state.level,
        participants: [...new Set(input.participants)],
        others: splitNames(input.others),
        result: input.result,
        note: input.note.trim(),
      };
    case 'escalated':
      // naming the level it leaves makes the same escalation made twice offline count once (SPEC C-FLOW-3)
      return { ...base, kind: input.kind, from: state.level, reason: input.reason.trim() };
    case 'closed':
      if (!isOutcome(input.outcome)) {
        errors['outcome'] = 'flow_error_outcome';
        return null;
      }
      // whoever records the close-out has verified it (SPEC C-STEP-5)
      return { ...base, kind: input.kind, outcome: input.outcome, verifier: base.by };
    case 'reply':
      if (input.note.trim() === '') {
        errors['note'] = 'flow_error_reply';
        return null;
      }
      return { ...base, kind: input.kind, department: input.department, note: input.note.trim() };
    case 'reviewed':
      return { ...base, kind: input.kind, flag: input.flag, note: input.note.trim() };
    case 'visit':
      return { ...base, kind: input.kind, note: input.note.trim(), satisfaction: score(input.satisfaction) };
    case 'evaluated': {
      const satisfaction = score(input.satisfaction);
      if (satisfaction === null) {
        errors['satisfaction'] = 'flow_error_satisfaction';
        return null;
      }
      return { ...base, kind: input.kind, satisfaction };
    }
    case 'reopened':
      if (input.reason.trim() === '') {
        errors['reason'] = 'flow_error_reason';
        return null;
      }
      return { ...base, kind: input.kind, reason: input.reason.trim() };
  }
}
