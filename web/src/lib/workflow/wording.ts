import type {
  Outcome,
  RiskGrade,
  Stage,
  WorkflowEvent,
  WorkflowEventKind,
} from '@concord/shared/cases/workflow/events.ts';
import type { DeadlineStatus } from '@concord/shared/cases/workflow/deadlines.ts';
import { flagKind, type FlagKind } from '@concord/shared/cases/workflow/review.ts';
import { refusal, type Refusal } from '@concord/shared/cases/workflow/transitions.ts';
import type { EscalationLevel } from '@concord/shared/org/agencies.ts';
import type { MessageKey, MessageParams } from '../i18n/translate.ts';

/** How the wording is put together: given the translation, names and dates, so tests need no browser. */
export interface Speaker {
  t: (key: MessageKey, params?: MessageParams) => string;
  name: (accountId: string) => string;
  dateTime: (ms: number) => string;
  date: (ms: number) => string;
  /** A department's name in the reader's language, from its id. */
  department: (id: string) => string;
}

export const stageKey = (stage: Stage): MessageKey => `flow_stage_${stage}`;
export const levelKey = (level: EscalationLevel): MessageKey => `flow_level_${level}`;
export const riskKey = (risk: RiskGrade): MessageKey => `flow_risk_${risk}`;
export const outcomeKey = (outcome: Outcome): MessageKey => `flow_outcome_${outcome}`;
export const stepKey = (kind: WorkflowEventKind): MessageKey => `flow_step_${kind}`;
export const formKey = (kind: WorkflowEventKind): MessageKey => `flow_form_${kind}`;

export function deadlineKey(status: Exclude<DeadlineStatus, 'none'>): MessageKey {
  return `flow_deadline_${status}`;
}

/** Why a step did not apply, in words (SPEC C-FLOW-3). A new refusal fails the type check here until worded. */
export function refusalKey(reason: Refusal): MessageKey {
  switch (reason) {
    case refusal.wrongStage:
      return 'flow_refusal_wrong_stage';
    case refusal.alreadyEscalated:
      return 'flow_refusal_already_escalated';
    case refusal.topLevel:
      return 'flow_refusal_top_level';
    case refusal.wrongLevel:
      return 'flow_refusal_wrong_level';
    case refusal.attemptsExhausted:
      return 'flow_refusal_attempts_exhausted';
    case refusal.verifierIsHandler:
      return 'flow_refusal_verifier_is_handler';
  }
}

/** What a review flag says (SPEC C-REVIEW-*). A new kind of flag fails the type check here until worded. */
export function flagKey(kind: FlagKind): MessageKey {
  switch (kind) {
    case flagKind.agreedAndEscalated:
      return 'review_agreed_escalated';
    case flagKind.agreementWithoutAgreedAttempt:
      return 'review_agreement_unagreed';
    case flagKind.conflictingStep:
      return 'review_conflicting_step';
  }
}

/** Who took part in an attempt: staff by name, others as typed; empty when nobody was recorded. */
export function participantNames(event: WorkflowEvent, say: Speaker): string[] {
  if (event.kind !== 'attempt') return [];
  return [...event.participants.map(say.name), ...(event.others ?? [])];
}

/** What a step did, after the name of who recorded it: "dispatched the case to 李所长, answer due …". */
export function eventWhat(event: WorkflowEvent, say: Speaker): string {
  const { t } = say;
  switch (event.kind) {
    case 'registered':
      return t('flow_event_registered', { risk: t(riskKey(event.risk)) });
    case 'dispatched':
      return t('flow_event_dispatched', {
        handler: say.name(event.handler),
        deadline: say.date(event.deadline),
      });
    case 'attempt':
      return t('flow_event_attempt', {
        level: t(levelKey(event.level)),
        result: t(`flow_result_${event.result}`),
      });
    case 'escalated':
      return t('flow_event_escalated', { level: t(levelKey(event.from)) });
    case 'closed':
      return t('flow_event_closed', {
        outcome: t(outcomeKey(event.outcome)),
        verifier: say.name(event.verifier),
      });
    case 'visit':
      return t('flow_event_visit');
    case 'evaluated':
      return t('flow_event_evaluated', { score: event.satisfaction });
    case 'reopened':
      return t('flow_event_reopened');
    case 'reply':
      return t('flow_event_reply', { department: say.department(event.department) });
    case 'reviewed':
      return t('flow_event_reviewed');
  }
}

/** One line of the timeline: who did what. */
export function eventLine(event: WorkflowEvent, say: Speaker): string {
  return say.t('flow_event_line', { who: say.name(event.by), what: eventWhat(event, say) });
}

/**
 * A conflict as the people concerned read it: "陈书记 escalated the case at 11:00, but 李所长 had closed the case
 * at 10:02." (SPEC C-FLOW-3).
 */
export function conflictLine(event: WorkflowEvent, cause: WorkflowEvent | null, say: Speaker): string {
  const mine = { who: say.name(event.by), step: say.t(stepKey(event.kind)), time: say.dateTime(event.at) };
  if (!cause) return say.t('flow_conflict_alone', mine);
  return say.t('flow_conflict_with_cause', {
    ...mine,
    other: say.name(cause.by),
    otherStep: say.t(stepKey(cause.kind)),
    otherTime: say.dateTime(cause.at),
  });
}
