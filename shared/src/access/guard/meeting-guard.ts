import type * as Y from 'yjs';
import type { Role } from '../../auth/user.ts';
import { guardRefusal } from '../guard-refusals.ts';
import type { Subject } from '../rights.ts';
import { emptyCompensation, type GuardVerdict } from './compensation.ts';
import { mapChanges } from './transaction-changes.ts';
import { writersKey } from './writers.ts';

// The name of a meeting document's map of facts. Never rename: stored documents use it.
const meetingKey = 'meeting';

/** Who decides a meeting's invitations: its convener (SPEC A-RIGHT-7). */
const conveners: readonly Role[] = ['admin', 'governanceCentre'];

export const guardedMeetingTypes = { maps: [meetingKey, writersKey], arrays: [], texts: [] } as const;

export function mayInvite(subject: Subject): boolean {
  return conveners.includes(subject.role);
}

/** The invitations decide who may open the meeting: only its convener changes them (SPEC A-GUARD-7). */
export function reviewMeetingTransaction(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
): GuardVerdict {
  const verdict: GuardVerdict = { refused: [], compensation: emptyCompensation(), acceptedSteps: [] };
  for (const change of mapChanges(doc, transaction, meetingKey)) {
    if (change.key !== 'invited' || mayInvite(sender)) continue;
    verdict.refused.push({ reason: guardRefusal.invitations, field: `${meetingKey}.invited` });
    verdict.compensation.mapSets.push({ map: meetingKey, key: change.key, value: change.before });
  }
  for (const change of mapChanges(doc, transaction, writersKey)) {
    verdict.refused.push({ reason: guardRefusal.serverOnly, field: `${writersKey}.${change.key}` });
    verdict.compensation.mapSets.push({ map: writersKey, key: change.key, value: change.before });
  }
  return verdict;
}
