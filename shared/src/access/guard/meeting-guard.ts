import type * as Y from 'yjs';
import { meetingKeys, meetingSchemaVersion, minutesItemOf } from '../../meetings/meeting-file.ts';
import { attendanceSchema } from '../../meetings/meeting-parts.ts';
import { guardRefusal, type GuardRefusal } from '../guard-refusals.ts';
import type { Subject } from '../rights.ts';
import { emptyCompensation, type GuardVerdict } from './compensation.ts';
import { reviewCompletions } from './completion-guard.ts';
import { reviewLock } from './meeting-lock.ts';
import { mayInvite, maySignIn } from './meeting-rights.ts';
import { mapChanges, textBefore, touchedRoots, type KeyChange } from './transaction-changes.ts';
import { writersKey } from './writers.ts';

export { mayInvite, maySignIn } from './meeting-rights.ts';

/** The top-level types the guard reads; the minutes' texts are made known by name as they appear. */
export const guardedMeetingTypes = {
  maps: [
    meetingKeys.fields,
    meetingKeys.agenda,
    meetingKeys.decisions,
    meetingKeys.actions,
    meetingKeys.completion,
    meetingKeys.attendance,
    writersKey,
  ],
  arrays: [meetingKeys.lockLog],
  texts: [meetingKeys.title],
} as const;

/**
 * Gives every top-level `minutes/<itemId>` its kind, a text. Yjs makes a root it has not been told the kind of a
 * plain type, which a client reading the document as text would not see as one until told.
 */
export function prepareMinutes(doc: Y.Doc): void {
  for (const name of [...doc.share.keys()]) if (minutesItemOf(name) !== null) doc.getText(name);
}

/** Keys of the meeting map that only its convener sets: what, when, where, and a deliberation's step (M-GUARD-2). */
const convenerKeys = ['kind', 'body', 'date', 'time', 'place', 'village', 'stage'] as const;

/** Keys of the meeting map set when it is created and never changed after (SPEC M-GUARD-1). */
const fixedMeetingKeys = ['id', 'createdAt', 'convener'] as const;

/** The parts of the minutes that a lock freezes, besides the texts and the meeting's own facts (SPEC M-LOCK-2). */
const frozenMaps = [meetingKeys.agenda, meetingKeys.decisions, meetingKeys.actions, meetingKeys.attendance];

/**
 * What of a client's transaction on a meeting stands (SPEC A-GUARD-7, M-LOCK-*, M-ATTEND-1, M-GUARD-1, M-GUARD-2):
 * the invitations, the lock, the title, details and agenda only by the convener, nothing of a finalized meeting but
 * whether its action items are done, sign-ins only of oneself (the convener signs in anyone), completions and lock
 * entries only in the sender's own name, nothing the server alone writes.
 */
export function reviewMeetingTransaction(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
): GuardVerdict {
  const verdict: GuardVerdict = { refused: [], compensation: emptyCompensation(), acceptedSteps: [] };
  const undo = (reason: GuardRefusal, map: string, change: KeyChange, field = `${map}.${change.key}`) => {
    verdict.refused.push({ reason, field });
    verdict.compensation.mapSets.push({ map, key: change.key, value: change.before });
  };
  const fieldChanges = mapChanges(doc, transaction, meetingKeys.fields);
  const frozen = reviewLock(doc, transaction, sender, fieldChanges, verdict);
  for (const change of fieldChanges) {
    if (change.key === 'locked') continue;
    // a village deliberation publishes its result and supervises the follow-through after the minutes are final
    const reason =
      frozen && change.key !== 'stage' ? guardRefusal.minutesLocked : meetingKeyRefusal(sender, change);
    if (reason !== null) undo(reason, meetingKeys.fields, change);
  }
  for (const map of frozenMaps) {
    for (const change of mapChanges(doc, transaction, map)) {
      const reason = frozen
        ? guardRefusal.minutesLocked
        : map === meetingKeys.attendance
          ? attendanceRefusal(sender, change)
          : map === meetingKeys.agenda && !mayInvite(sender)
            ? guardRefusal.convenerOnly
            : null;
      if (reason !== null) undo(reason, map, change);
    }
  }
  reviewCompletions(doc, transaction, sender, meetingKeys.completion, verdict);
  // the minutes are everyone's to write until finalized; the title is the convener's
  const convener = mayInvite(sender);
  if (frozen || !convener) {
    for (const root of touchedRoots(doc, transaction)) {
      const minutes = minutesItemOf(root) !== null;
      if (root !== meetingKeys.title && !minutes) continue;
      if (!frozen && minutes) continue;
      const before = textBefore(doc, transaction, root);
      if (before === null) continue;
      const reason = frozen ? guardRefusal.minutesLocked : guardRefusal.convenerOnly;
      verdict.refused.push({ reason, field: root });
      verdict.compensation.textRestores.push({ text: root, delta: before });
    }
  }
  for (const change of mapChanges(doc, transaction, writersKey)) {
    undo(guardRefusal.serverOnly, writersKey, change);
  }
  return verdict;
}

/** Why `sender` may not make this change of the meeting's facts, or null (SPEC A-GUARD-7, M-GUARD-1). */
function meetingKeyRefusal(sender: Subject, change: KeyChange): GuardRefusal | null {
  if (change.key === 'invited') return mayInvite(sender) ? null : guardRefusal.invitations;
  if ((convenerKeys as readonly string[]).includes(change.key) && !mayInvite(sender)) {
    return guardRefusal.convenerOnly;
  }
  if (change.key === 'schemaVersion') {
    // set at creation, and raised (never lowered) by the first write of a newer layout
    const { before, after } = change;
    if (before === undefined) return null;
    return typeof before === 'number' &&
      typeof after === 'number' &&
      after > before &&
      after <= meetingSchemaVersion
      ? null
      : guardRefusal.required;
  }
  if ((fixedMeetingKeys as readonly string[]).includes(change.key) && change.before !== undefined) {
    return guardRefusal.required;
  }
  return null;
}

/** A sign-in stands for oneself, or for anyone when the convener signs them in, in the sender's name (M-ATTEND-1). */
function attendanceRefusal(sender: Subject, change: KeyChange): GuardRefusal | null {
  if (!maySignIn(sender, change.key)) return guardRefusal.attendanceOthers;
  if (change.after === undefined) return null;
  const parsed = attendanceSchema.safeParse(change.after);
  if (!parsed.success) return guardRefusal.unreadable;
  return parsed.data.by === sender.id ? null : guardRefusal.authorForged;
}
