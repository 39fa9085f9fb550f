import { z } from 'zod';
import { stepRefusal } from '../cases/workflow/step-rights.ts';

/**
 * Why the sync server undid part of what a person sent (SPEC A-GUARD-*): sent to them in extension message 102,
 * kept in the document's history with who tried it, and mapped by the web app to words (exhaustive switch).
 */
export const guardRefusal = {
  /** The case's place (village, grid, level) is not theirs to change. */
  place: 'guard_place',
  /** Case leaders and departments are given by a dispatch step, not written as fields. */
  assignment: 'guard_assignment',
  /** A meeting's invitations are its convener's to decide. */
  invitations: 'guard_invitations',
  /** A step was recorded in another person's name. */
  authorForged: 'guard_author_forged',
  /** Steps are only ever added: none is changed or taken away. */
  appendOnly: 'guard_append_only',
  /** A step or history entry the server cannot read. */
  unreadable: 'guard_unreadable',
  /** A required field (the id, village, type, title) was emptied, or the case taken apart. */
  required: 'guard_required',
  /** Parts of the document only the server writes (receipts, bindings). */
  serverOnly: 'guard_server_only',
  /** A case was "created" in a document that already holds one (SPEC C-DOC-2). */
  exists: 'guard_exists',
  /** The meeting is finalized (locked): its minutes, agenda, decisions, actions and details stand as they were. */
  minutesLocked: 'guard_minutes_locked',
  /** Only the meeting's convener finalizes (locks) its minutes or opens them again. */
  lockByConvener: 'guard_lock_by_convener',
  /** Opening finalized minutes again needs a reason, recorded in the lock log in the sender's name. */
  unlockNeedsReason: 'guard_unlock_needs_reason',
  /** A person signs in at a meeting only themselves; the convener signs in anyone. */
  attendanceOthers: 'guard_attendance_others',
  /** A meeting's title, date, place, kind and steps, and its agenda, are its convener's to set (SPEC M-GUARD-2). */
  convenerOnly: 'guard_convener_only',
  ...stepRefusal,
} as const;
export type GuardRefusal = (typeof guardRefusal)[keyof typeof guardRefusal];

const refusalCodes = Object.values(guardRefusal) as [GuardRefusal, ...GuardRefusal[]];

/** One refused part of an update: why, and which field or step it touched. */
export const refusedChangeSchema = z.object({
  reason: z.enum(refusalCodes),
  /** `case.village`, `timeline`, `meeting.invited`…, as the history names fields. */
  field: z.string().max(200),
  /** The step's kind, when a step was refused. */
  step: z.string().max(40).optional(),
});
export type RefusedChange = z.infer<typeof refusedChangeSchema>;

export const refusedMessageSchema = z.object({ refused: z.array(refusedChangeSchema).max(100) });
