import type * as Y from 'yjs';
import type { DocKind } from '../../sync/doc-name.ts';
import type { Subject } from '../rights.ts';
import { guardedCaseTypes, reviewCaseTransaction } from './case-guard.ts';
import type { GuardVerdict } from './compensation.ts';
import { guardedMeetingTypes, prepareMinutes, reviewMeetingTransaction } from './meeting-guard.ts';

/**
 * Makes the top-level types the guard reads known to the document with their kinds, so a transaction's changes to
 * them read as map keys, array elements and text (a type Yjs has not been told the kind of reports none). Called
 * before a client's update is applied, and after it for the roots the update brought (a meeting's new minutes).
 */
export function prepareGuardedTypes(kind: DocKind, doc: Y.Doc): void {
  const types = kind === 'case' ? guardedCaseTypes : guardedMeetingTypes;
  for (const name of types.maps) doc.getMap(name);
  for (const name of types.arrays) doc.getArray(name);
  for (const name of types.texts) doc.getText(name);
  if (kind === 'meeting') prepareMinutes(doc);
}

/** What of a client's transaction stands, and what the server writes back (SPEC A-GUARD-1). */
export function reviewTransaction(
  kind: DocKind,
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
): GuardVerdict {
  return kind === 'case'
    ? reviewCaseTransaction(doc, transaction, sender)
    : reviewMeetingTransaction(doc, transaction, sender);
}
