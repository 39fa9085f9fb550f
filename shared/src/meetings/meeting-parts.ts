import { z } from 'zod';

/**
 * The parts of a joint meeting as they are stored in its document (SPEC M-DOC-1), each checked when read: a
 * document from the network is not trusted to hold what this version wrote.
 */

/** The town's petition joint meeting on topics (专题会), in full (全体会), a case's weekly analysis (一周一研判), and
 * a village's deliberation meeting (协商议事会). */
export const meetingKinds = ['topical', 'plenary', 'weeklyAnalysis', 'villageDeliberation'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** The six steps of a village deliberation meeting: collect topics, choose, research, deliberate, publish the
 * result (公开公示), supervise the follow-through. */
export const deliberationStages = [
  'collect',
  'choose',
  'research',
  'deliberate',
  'publish',
  'supervise',
] as const;
export type DeliberationStage = (typeof deliberationStages)[number];

const stamp = { at: z.number(), by: z.string() };

/** One item of the agenda: a case from the ledger, or a free topic. */
export const agendaItemSchema = z.object({
  id: z.string().min(1),
  /** The case's id (not its document name), when the item is a case. */
  caseId: z.string().nullable(),
  /** The topic in words: the case's title when it was added, or the free topic. */
  topic: z.string(),
  /** Why the agenda builder proposed it (`overdue`, `highRisk`, ...), if it did. */
  reasons: z.array(z.string()).default([]),
  /** Items are shown by `order`, then id: reordering writes numbers, so concurrent reorders merge. */
  order: z.number(),
  /** The action item of an earlier meeting this item carries forward, if any (SPEC M-CARRY-1). */
  carriedFrom: z.object({ meetingId: z.string(), actionId: z.string() }).nullable().default(null),
  ...stamp,
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** What the meeting decided on an item. */
export const decisionSchema = z.object({
  id: z.string().min(1),
  itemId: z.string(),
  text: z.string().min(1),
  ...stamp,
});
export type Decision = z.infer<typeof decisionSchema>;

/** Something someone must do by a date, maybe on a case (SPEC M-ACTION-1). */
export const actionItemSchema = z.object({
  id: z.string().min(1),
  /** The agenda item it was decided on, if any. */
  itemId: z.string().nullable(),
  /** The case it is about (its id), if any: it then shows on the case (SPEC M-LINK-1). */
  caseId: z.string().nullable(),
  text: z.string().min(1),
  /** The account who must do it, from the staff directory. */
  owner: z.string().nullable(),
  /** `YYYY-MM-DD`. */
  deadline: z.string().nullable(),
  /** The unfinished action of an earlier meeting of the same body that this one carries forward. */
  carriedFrom: z.object({ meetingId: z.string(), actionId: z.string() }).nullable().default(null),
  ...stamp,
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** Whether an action item is done, and who said so when: the newest word wins on both sides of a link. */
export const completionSchema = z.object({ done: z.boolean(), ...stamp });
export type Completion = z.infer<typeof completionSchema>;

/** A person who signed in at the meeting (or whom the convener signed in). */
export const attendanceSchema = z.object({ ...stamp });
export type Attendance = z.infer<typeof attendanceSchema>;

/** The minutes locked (finalized) or unlocked, with the reason an unlocking needs (SPEC M-LOCK-3). */
export const lockEntrySchema = z.object({
  action: z.enum(['lock', 'unlock']),
  reason: z.string(),
  ...stamp,
});
export type LockEntry = z.infer<typeof lockEntrySchema>;

export const lockStateSchema = z.object({ ...stamp });
export type LockState = z.infer<typeof lockStateSchema>;

/** `YYYY-MM-DD` as people pick it from a date field. */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** `HH:MM`. */
export const timePattern = /^\d{2}:\d{2}$/;

/** A new meeting as the convener fills it in (checked before it is written). */
export const newMeetingSchema = z.object({
  kind: z.enum(meetingKinds),
  title: z.string().trim().min(1).max(200),
  date: z.string().regex(isoDatePattern),
  time: z.string().regex(timePattern).nullable(),
  place: z.string().trim().max(200),
  /** For a village deliberation meeting: the village that holds it. */
  village: z.string().nullable(),
  invited: z.array(z.string()),
});
export type NewMeetingFields = z.infer<typeof newMeetingSchema>;

/** Random ids for items, decisions and actions: 12 hex characters, URL- and key-safe. */
export function newPartId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The body a meeting belongs to: its unfinished actions carry forward to the next meeting of the same body. */
export function bodyOf(kind: MeetingKind, village: string | null): string {
  switch (kind) {
    case 'topical':
    case 'plenary':
      return 'jointMeeting';
    case 'weeklyAnalysis':
      return 'weeklyAnalysis';
    case 'villageDeliberation':
      return `village:${village ?? ''}`;
  }
}
