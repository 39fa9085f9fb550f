import type * as Y from 'yjs';
import { completionSchema } from '../../meetings/meeting-parts.ts';
import { guardRefusal, type GuardRefusal } from '../guard-refusals.ts';
import type { Subject } from '../rights.ts';
import type { GuardVerdict } from './compensation.ts';
import { mapChanges } from './transaction-changes.ts';

/**
 * Whether an action item is done, on a meeting (`completion`) or on a case (`meetingDone`), stands only as a
 * readable word in the sender's own name (SPEC M-GUARD-1); once said it is never taken away, only said anew.
 */
export function reviewCompletions(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
  map: string,
  verdict: GuardVerdict,
): void {
  for (const change of mapChanges(doc, transaction, map)) {
    const reason = completionRefusal(change.after, sender);
    if (reason === null) continue;
    verdict.refused.push({ reason, field: `${map}.${change.key}` });
    verdict.compensation.mapSets.push({ map, key: change.key, value: change.before });
  }
}

function completionRefusal(after: unknown, sender: Subject): GuardRefusal | null {
  if (after === undefined) return guardRefusal.appendOnly;
  const parsed = completionSchema.safeParse(after);
  if (!parsed.success) return guardRefusal.unreadable;
  return parsed.data.by === sender.id ? null : guardRefusal.authorForged;
}
