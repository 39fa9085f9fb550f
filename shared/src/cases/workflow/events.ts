import { z } from 'zod';
import { escalationLevels } from '../../org/agencies.ts';

/** The six steps of the closed loop (DOMAIN.md, seed 001), as the stages a case goes through. */
export const stages = ['reported', 'registered', 'dispatched', 'handling', 'closed', 'evaluated'] as const;
export type Stage = (typeof stages)[number];

/** Risk grades; `criminal` is the top one: a dispute that could turn criminal (民转刑). */
export const riskGrades = ['low', 'medium', 'high', 'criminal'] as const;
export type RiskGrade = (typeof riskGrades)[number];

/** How a case ended. */
export const outcomes = ['agreement', 'court', 'arbitration', 'withdrawn'] as const;
export type Outcome = (typeof outcomes)[number];

/** What a mediation attempt or a visit came to. */
export const attemptResults = ['agreed', 'partly', 'failed'] as const;

const base = {
  /** Random, unique: with `at` it orders events the same way on every replica (SPEC C-FLOW-1). */
  id: z.string().min(8).max(64),
  /** When it happened, by the recording device's clock (ms). */
  at: z.number().int().nonnegative(),
  /** Account id of the person who recorded it. */
  by: z.string().min(1).max(128),
};

/**
 * Everything that moves a case along, kept in order in the case document's timeline. Each names the stage or
 * level it was recorded from, so two people doing the same thing offline do not do it twice (SPEC C-FLOW-3).
 */
export const workflowEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('registered'), risk: z.enum(riskGrades) }),
  z.object({
    ...base,
    kind: z.literal('dispatched'),
    handler: z.string().min(1),
    departments: z.array(z.string()),
    leaders: z.array(z.string()),
    deadline: z.number().int().nonnegative(),
  }),
  z.object({
    ...base,
    kind: z.literal('attempt'),
    level: z.enum(escalationLevels),
    /** Account ids of the staff who took part (SPEC W-PEOPLE-1); names typed by older versions read as they are. */
    participants: z.array(z.string()),
    /** Others who took part and have no account (villagers, a party's relative), as typed. */
    others: z.array(z.string().min(1).max(100)).max(50).optional(),
    result: z.enum(attemptResults),
    note: z.string().max(2000),
  }),
  z.object({
    ...base,
    kind: z.literal('escalated'),
    from: z.enum(escalationLevels),
    reason: z.string().max(2000),
  }),
  z.object({ ...base, kind: z.literal('closed'), outcome: z.enum(outcomes), verifier: z.string().min(1) }),
  z.object({
    ...base,
    kind: z.literal('visit'),
    note: z.string().max(2000),
    satisfaction: z.number().int().min(1).max(5).nullable(),
  }),
  z.object({ ...base, kind: z.literal('evaluated'), satisfaction: z.number().int().min(1).max(5) }),
  z.object({ ...base, kind: z.literal('reopened'), reason: z.string().max(2000) }),
  /**
   * A department's reply to what was dispatched to it (SPEC C-FLOW-9): its own kind of step, never a mediation
   * attempt that would use up one of the level's three.
   */
  z.object({
    ...base,
    kind: z.literal('reply'),
    department: z.string().min(1).max(64),
    note: z.string().max(2000),
  }),
  /**
   * Someone entitled to (SPEC C-STEP-9) looked at a review flag and settled it (SPEC C-REVIEW-4): `flag` is the
   * flag's stable key, the same on every replica; the step moves nothing else.
   */
  z.object({
    ...base,
    kind: z.literal('reviewed'),
    flag: z.string().min(1).max(256),
    note: z.string().max(2000),
  }),
]);
export type WorkflowEvent = z.infer<typeof workflowEventSchema>;
export type WorkflowEventKind = WorkflowEvent['kind'];
