import type { WorkflowEvent } from './events.ts';
import { initialWorkflow, inOrder, transition, type Refusal } from './transitions.ts';

/**
 * Review flags (SPEC C-REVIEW-1…4): steps that merged into a contradiction nobody would have recorded on one
 * device, marked on the case and in the ledger until someone entitled to settles them with a `reviewed` step.
 * Derived from the timeline alone, in the one order every replica folds it in, so every replica derives the same.
 */

/** What a flag says; the app maps each to a message (exhaustive switch). */
export const flagKind = {
  /** An attempt that reached agreement and an escalation from the same level, since the last reopening. */
  agreedAndEscalated: 'agreed_escalated',
  /** Closed with the outcome "agreement" while no attempt since the last reopening agreed, even in part. */
  agreementWithoutAgreedAttempt: 'agreement_unagreed',
  /** A step kept as a conflict (SPEC C-FLOW-3). */
  conflictingStep: 'conflicting_step',
} as const;
export type FlagKind = (typeof flagKind)[keyof typeof flagKind];

export interface ReviewFlag {
  /** Stable on every replica: the kind and the ids of the steps concerned (SPEC C-REVIEW-4). */
  key: string;
  kind: FlagKind;
  /** The steps concerned, in the timeline's order. */
  steps: WorkflowEvent[];
  /** For a conflicting step, why it did not apply. */
  refusal: Refusal | null;
}

/** Why a case needs review: an unsettled flag of its steps, or a field whose concurrent values conflict. */
export type ReviewReason = { source: 'flag'; key: string } | { source: 'field'; field: string };

/** The stable key of a flag of `kind` on these steps (SPEC C-REVIEW-4). */
export const flagKeyOf = (kind: FlagKind, stepIds: readonly string[]): string =>
  `${kind}:${stepIds.join('+')}`;

const flagOf = (kind: FlagKind, steps: WorkflowEvent[], refusal: Refusal | null = null): ReviewFlag => ({
  key: flagKeyOf(
    kind,
    steps.map((step) => step.id),
  ),
  kind,
  steps,
  refusal,
});

const agreed = (event: WorkflowEvent) =>
  event.kind === 'attempt' && (event.result === 'agreed' || event.result === 'partly');

/** Every flag the timeline raises, settled or not, in the order of the step that raised it. */
export function reviewFlags(events: readonly WorkflowEvent[]): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  let state = initialWorkflow;
  // the steps since the last reopening that applied, and every attempt since then, applied or not
  let attempts: WorkflowEvent[] = [];
  let escalations: WorkflowEvent[] = [];
  let episodeFlags: ReviewFlag[] = [];
  // an agreement reached after an escalation from its own level contradicts it as much as one before
  const pairWithEscalations = (event: WorkflowEvent): void => {
    attempts.push(event);
    if (event.kind !== 'attempt' || !agreed(event)) return;
    for (const escalation of escalations) {
      if (escalation.kind === 'escalated' && escalation.from === event.level) {
        episodeFlags.push(flagOf(flagKind.agreedAndEscalated, [escalation, event]));
      }
    }
  };
  for (const event of inOrder(events)) {
    const result = transition(state, event);
    if (!result.ok) {
      flags.push(flagOf(flagKind.conflictingStep, [event], result.reason));
      // an attempt refused (the case went up meanwhile) still says the parties agreed
      if (event.kind === 'attempt') pairWithEscalations(event);
      continue;
    }
    state = result.state;
    switch (event.kind) {
      case 'reopened':
        // a relapse starts the case's handling again: what contradicted before is history (C-REVIEW-1)
        attempts = [];
        escalations = [];
        episodeFlags = [];
        break;
      case 'attempt':
        pairWithEscalations(event);
        break;
      case 'escalated':
        escalations.push(event);
        for (const attempt of attempts) {
          if (agreed(attempt) && attempt.kind === 'attempt' && attempt.level === event.from) {
            episodeFlags.push(flagOf(flagKind.agreedAndEscalated, [attempt, event]));
          }
        }
        break;
      case 'closed':
        if (event.outcome === 'agreement' && !attempts.some(agreed)) {
          episodeFlags.push(flagOf(flagKind.agreementWithoutAgreedAttempt, [event]));
        }
        break;
      default:
        break;
    }
  }
  return [...flags, ...episodeFlags];
}

/** The keys a `reviewed` step has settled (SPEC C-REVIEW-4). */
export function settledKeys(events: readonly WorkflowEvent[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) if (event.kind === 'reviewed') keys.add(event.flag);
  return keys;
}

/** The flags no one has settled yet: shown on the case page (SPEC W-REVIEW-1). */
export function openFlags(events: readonly WorkflowEvent[]): ReviewFlag[] {
  const settled = settledKeys(events);
  return reviewFlags(events).filter((flag) => !settled.has(flag.key));
}

/**
 * Why a case needs review: its unsettled flags, and the fields (title, village…) whose concurrent values someone
 * must choose between, as their owner reports them.
 */
export function reviewReasons(
  events: readonly WorkflowEvent[],
  conflictingFields: readonly string[] = [],
): ReviewReason[] {
  return [
    ...openFlags(events).map((flag): ReviewReason => ({ source: 'flag', key: flag.key })),
    ...conflictingFields.map((field): ReviewReason => ({ source: 'field', field })),
  ];
}

/** The one place that decides whether a case needs review (SPEC L-REVIEW-1). */
export function needsReview(reasons: readonly ReviewReason[]): boolean {
  return reasons.length > 0;
}
