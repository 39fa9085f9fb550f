import type * as Y from 'yjs';
import { meetingKeys } from '../../meetings/meeting-file.ts';
import { lockEntrySchema, lockStateSchema, type LockEntry } from '../../meetings/meeting-parts.ts';
import { guardRefusal, type GuardRefusal } from '../guard-refusals.ts';
import type { Subject } from '../rights.ts';
import type { GuardVerdict } from './compensation.ts';
import { mayInvite } from './meeting-rights.ts';
import { addedElements, deletedElements, type AddedElement, type KeyChange } from './transaction-changes.ts';

/**
 * Finalizing a meeting (SPEC M-LOCK-1, M-LOCK-3, M-LOCK-4): only the convener locks or unlocks, an unlocking carries
 * its reason in the lock log, and the log keeps every entry in its author's name.
 */

const lockKey = 'locked';

function isLock(value: unknown): boolean {
  return lockStateSchema.safeParse(value).success;
}

/**
 * Reviews the lock and its log; returns whether the meeting stays locked for the rest of the transaction: locked
 * as it stood before, unless this very transaction's unlocking stands (the convener's, with a reason).
 */
export function reviewLock(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
  fieldChanges: readonly KeyChange[],
  verdict: GuardVerdict,
): boolean {
  const change = fieldChanges.find((c) => c.key === lockKey);
  const wasLocked = isLock(change ? change.before : doc.getMap<unknown>(meetingKeys.fields).get(lockKey));
  const entries = reviewLockLog(doc, transaction, sender, verdict);
  if (!change) return wasLocked;
  const reason = lockChangeRefusal(sender, change, entries);
  if (reason === null) return wasLocked && change.after !== undefined;
  verdict.refused.push({ reason, field: `${meetingKeys.fields}.${lockKey}` });
  verdict.compensation.mapSets.push({ map: meetingKeys.fields, key: lockKey, value: change.before });
  // the log says nothing happened that did not: this transaction's entries of the refused change go too
  const action = change.after === undefined ? 'unlock' : 'lock';
  for (const { entry, element } of entries) {
    if (entry.action !== action) continue;
    verdict.compensation.removals.push({
      array: meetingKeys.lockLog,
      item: element.item,
      offset: element.offset,
    });
  }
  return wasLocked;
}

function lockChangeRefusal(
  sender: Subject,
  change: KeyChange,
  entries: readonly { entry: LockEntry }[],
): GuardRefusal | null {
  if (!mayInvite(sender)) return guardRefusal.lockByConvener;
  if (change.after === undefined) {
    // taking away a lock that was none (unreadable) needs no reason
    if (!isLock(change.before)) return null;
    return entries.some(({ entry }) => entry.action === 'unlock') ? null : guardRefusal.unlockNeedsReason;
  }
  const parsed = lockStateSchema.safeParse(change.after);
  if (!parsed.success) return guardRefusal.unreadable;
  return parsed.data.by === sender.id ? null : guardRefusal.authorForged;
}

/**
 * The lock log is append-only (an entry taken away is appended again as it was); a new entry stands when readable,
 * in the sender's own name, by the convener, and for an unlocking with a reason. Returns the entries that stand.
 */
function reviewLockLog(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
  verdict: GuardVerdict,
): { entry: LockEntry; element: AddedElement }[] {
  const field = meetingKeys.lockLog;
  const deleted = deletedElements(doc, transaction, field);
  if (deleted.length > 0) {
    verdict.refused.push({ reason: guardRefusal.appendOnly, field });
    verdict.compensation.appends.push({ array: field, values: deleted });
  }
  const standing: { entry: LockEntry; element: AddedElement }[] = [];
  for (const element of addedElements(doc, transaction, field)) {
    const parsed = lockEntrySchema.safeParse(element.value);
    let reason: GuardRefusal | null = null;
    if (!parsed.success) reason = guardRefusal.unreadable;
    else if (parsed.data.by !== sender.id) reason = guardRefusal.authorForged;
    else if (!mayInvite(sender)) reason = guardRefusal.lockByConvener;
    else if (parsed.data.action === 'unlock' && parsed.data.reason.trim() === '') {
      reason = guardRefusal.unlockNeedsReason;
    }
    if (reason === null && parsed.success) {
      standing.push({ entry: parsed.data, element });
      continue;
    }
    verdict.refused.push({ reason: reason ?? guardRefusal.unreadable, field });
    verdict.compensation.removals.push({ array: field, item: element.item, offset: element.offset });
  }
  return standing;
}
