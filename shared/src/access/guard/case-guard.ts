import type * as Y from 'yjs';
import { attachmentChangeRefusal, attachmentsKey } from '../../cases/attachments.ts';
import { fieldChangeSchema, fieldLogKey } from '../../cases/field-log.ts';
import { partiesKey } from '../../cases/parties.ts';
import { workflowEventSchema, type WorkflowEvent } from '../../cases/workflow/events.ts';
import { orderedAt, readReceipts, receiptsKey } from '../../cases/workflow/receipts.ts';
import { stepRefusalFor } from '../../cases/workflow/step-rights.ts';
import { deriveWorkflow, inOrder } from '../../cases/workflow/transitions.ts';
import { meetingDoneKey, meetingLinksKey } from '../../meetings/case-links.ts';
import { guardRefusal, type GuardRefusal } from '../guard-refusals.ts';
import type { Subject } from '../rights.ts';
import { emptyCompensation, type GuardVerdict } from './compensation.ts';
import { reviewCompletions } from './completion-guard.ts';
import { caseKeyRefusal, mayCreateIn } from './place-rights.ts';
import { writersKey } from './writers.ts';
import {
  addedElements,
  deletedElements,
  keysWritten,
  mapChanges,
  textBefore,
  type KeyChange,
} from './transaction-changes.ts';

// Names of a case document's top-level types (SPEC C-DOC-1). Never rename: stored documents use them.
const caseKey = 'case';
const timelineKey = 'timeline';
const titleKey = 'title';
const notesKey = 'notes';

/** The top-level types the guard reads; made known to the document before a client's update is applied. */
export const guardedCaseTypes = {
  maps: [caseKey, receiptsKey, writersKey, meetingLinksKey, meetingDoneKey, attachmentsKey],
  arrays: [timelineKey, fieldLogKey, partiesKey],
  texts: [titleKey, notesKey],
} as const;

/**
 * What of a client's transaction on a case stands (SPEC A-GUARD-1…6): the place and assignments only for those who
 * may change them, steps only added and only by those who may take them in their own name, nothing required
 * emptied, nothing the server alone writes. Called in the document's `afterTransaction`, when the deleted
 * content is still at hand.
 */
export function reviewCaseTransaction(doc: Y.Doc, transaction: Y.Transaction, sender: Subject): GuardVerdict {
  const verdict: GuardVerdict = { refused: [], compensation: emptyCompensation(), acceptedSteps: [] };
  const refuse = (reason: GuardRefusal, field: string, step?: string) => {
    verdict.refused.push(step === undefined ? { reason, field } : { reason, field, step });
  };
  const caseChanges = mapChanges(doc, transaction, caseKey);
  const idChange = caseChanges.find((change) => change.key === 'id');
  // a creation writes the id, whether its write won over a creation made elsewhere at the same time or not
  const creating =
    keysWritten(doc, transaction, caseKey).has('id') &&
    (idChange === undefined || idChange.after !== undefined);
  const writtenOver = creating && hadId(doc, transaction, idChange);
  if (creating && (writtenOver || !mayCreateIn(sender, villageAfter(doc)))) {
    // "creating" over a stored case, or in a village that is not the sender's: none of it stands (SPEC C-DOC-2)
    refuseCreation(doc, transaction, verdict, caseChanges, !writtenOver);
    return verdict;
  }
  if (!creating) reviewCaseKeys(doc, sender, caseChanges, verdict, refuse);
  reviewFieldLog(doc, transaction, sender, caseChanges, verdict, refuse);
  reviewTimeline(doc, transaction, sender, verdict, refuse);
  // what the meetings decided on the case is the server's copy of the meetings (SPEC M-LINK-3)
  for (const name of [receiptsKey, writersKey, meetingLinksKey]) {
    for (const change of mapChanges(doc, transaction, name)) {
      refuse(guardRefusal.serverOnly, `${name}.${change.key}`);
      verdict.compensation.mapSets.push({ map: name, key: change.key, value: change.before });
    }
  }
  reviewCompletions(doc, transaction, sender, meetingDoneKey, verdict);
  reviewAttachments(doc, transaction, sender, refuse, verdict);
  reviewEmptying(doc, transaction, caseChanges, verdict, refuse);
  return verdict;
}

/** Attachments are only added, in the sender's name, and taken off the list by their adder (SPEC C-ATTACH-2). */
function reviewAttachments(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
  refuse: Refuse,
  verdict: GuardVerdict,
): void {
  for (const change of mapChanges(doc, transaction, attachmentsKey)) {
    const reason = attachmentChangeRefusal(change.key, change.before, change.after, sender.id);
    if (reason === null) continue;
    refuse(guardRefusal[reason], `${attachmentsKey}.${change.key}`);
    verdict.compensation.mapSets.push({ map: attachmentsKey, key: change.key, value: change.before });
  }
}

/** Whether the case had an id before the transaction: the value it replaced, or one its write lost to. */
function hadId(doc: Y.Doc, transaction: Y.Transaction, idChange: KeyChange | undefined): boolean {
  if (idChange) return typeof idChange.before === 'string';
  const item = doc.getMap<unknown>(caseKey)._map.get('id');
  return item !== undefined && item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0);
}

function villageAfter(doc: Y.Doc): unknown {
  return doc.getMap<unknown>(caseKey).get('village');
}

type Refuse = (reason: GuardRefusal, field: string, step?: string) => void;

function reviewCaseKeys(
  doc: Y.Doc,
  sender: Subject,
  changes: readonly KeyChange[],
  verdict: GuardVerdict,
  refuse: Refuse,
): void {
  const villageChange = changes.find((change) => change.key === 'village');
  const now = doc.getMap<unknown>(caseKey).get('village');
  const before = villageChange ? villageChange.before : now;
  const village = typeof before === 'string' ? before : null;
  const refusedMove = villageChange && caseKeyRefusal(sender, 'village', villageChange, village, null);
  const after = !refusedMove && typeof now === 'string' ? now : village;
  for (const change of changes) {
    const reason = caseKeyRefusal(sender, change.key, change, village, after);
    if (reason === null) continue;
    refuse(reason, `${caseKey}.${change.key}`);
    verdict.compensation.mapSets.push({ map: caseKey, key: change.key, value: change.before });
  }
}

/** A history entry stands when it is readable, in the sender's own name, and of a change that stood. */
function reviewFieldLog(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
  caseChanges: readonly KeyChange[],
  verdict: GuardVerdict,
  refuse: Refuse,
): void {
  const refusedKeys = new Set(
    verdict.compensation.mapSets.filter((set) => set.map === caseKey).map((set) => set.key),
  );
  const changedKeys = new Set(caseChanges.map((change) => change.key));
  for (const added of addedElements(doc, transaction, fieldLogKey)) {
    const parsed = fieldChangeSchema.safeParse(added.value);
    let reason: GuardRefusal | null = null;
    if (!parsed.success) reason = guardRefusal.unreadable;
    else if (parsed.data.by !== null && parsed.data.by !== sender.id) reason = guardRefusal.authorForged;
    else if (refusedKeys.has(parsed.data.field)) reason = guardRefusal.place;
    else if (isCaseKeyEntry(parsed.data.field) && !changedKeys.has(parsed.data.field)) {
      // an entry claiming a change of the case's own facts that the same transaction did not make
      const check = caseKeyRefusal(
        sender,
        parsed.data.field,
        { before: null, after: parsed.data.value },
        null,
        null,
      );
      if (check !== null) reason = check;
    }
    if (reason === null) continue;
    refuse(reason, fieldLogKey);
    verdict.compensation.removals.push({ array: fieldLogKey, item: added.item, offset: added.offset });
  }
  const deleted = deletedElements(doc, transaction, fieldLogKey);
  if (deleted.length > 0) {
    refuse(guardRefusal.appendOnly, fieldLogKey);
    verdict.compensation.appends.push({ array: fieldLogKey, values: deleted });
  }
}

/** The facts a case cannot be without once created. */
const requiredCaseKeys = ['id', 'schemaVersion', 'createdAt', 'village', 'disputeType', 'title'] as const;

const caseKeyEntries = new Set(['village', 'grid', 'level', 'leaders', 'departments', 'source']);
function isCaseKeyEntry(field: string): boolean {
  return caseKeyEntries.has(field);
}

/** Steps are only added, each in the sender's own name and by the step matrix (SPEC A-GUARD-4, C-STEP-*). */
function reviewTimeline(
  doc: Y.Doc,
  transaction: Y.Transaction,
  sender: Subject,
  verdict: GuardVerdict,
  refuse: Refuse,
): void {
  const added = addedElements(doc, transaction, timelineKey);
  const deleted = deletedElements(doc, transaction, timelineKey);
  if (deleted.length > 0) {
    refuse(guardRefusal.appendOnly, timelineKey);
    verdict.compensation.appends.push({ array: timelineKey, values: deleted });
  }
  if (added.length === 0) return;
  const receipts = readReceipts(doc);
  const newItems = new Set(added.map((a) => a.item));
  const standing: WorkflowEvent[] = [];
  for (const item of timelineItems(doc)) {
    if (newItems.has(item.item)) continue;
    const parsed = workflowEventSchema.safeParse(item.value);
    if (parsed.success) standing.push(clamped(parsed.data, receipts));
  }
  for (const deletedValue of deleted) {
    const parsed = workflowEventSchema.safeParse(deletedValue);
    if (parsed.success) standing.push(clamped(parsed.data, receipts));
  }
  const candidates: { event: WorkflowEvent; element: (typeof added)[number] }[] = [];
  for (const element of added) {
    const parsed = workflowEventSchema.safeParse(element.value);
    if (!parsed.success) {
      refuse(guardRefusal.unreadable, timelineKey);
      verdict.compensation.removals.push({ array: timelineKey, item: element.item, offset: element.offset });
      continue;
    }
    candidates.push({ event: parsed.data, element });
  }
  for (const { event, element } of inOrderOf(candidates)) {
    const reason: GuardRefusal | null =
      event.by === sender.id
        ? stepRefusalFor(
            sender,
            event,
            deriveWorkflow(standing.filter((other) => precedes(other, event))).state,
          )
        : guardRefusal.authorForged;
    if (reason !== null) {
      refuse(reason, timelineKey, event.kind);
      verdict.compensation.removals.push({ array: timelineKey, item: element.item, offset: element.offset });
      continue;
    }
    standing.push(event);
    verdict.acceptedSteps.push(event.id);
  }
}

function timelineItems(doc: Y.Doc): { value: unknown; item: Y.Item }[] {
  const elements: { value: unknown; item: Y.Item }[] = [];
  for (let item = doc.getArray(timelineKey)._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    for (const value of item.content.getContent() as unknown[]) elements.push({ value, item });
  }
  return elements;
}

function clamped(event: WorkflowEvent, receipts: ReturnType<typeof readReceipts>): WorkflowEvent {
  const at = orderedAt(event.at, receipts.get(event.id));
  return at === event.at ? event : { ...event, at };
}

function precedes(a: WorkflowEvent, b: WorkflowEvent): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

function inOrderOf<T extends { event: WorkflowEvent }>(candidates: readonly T[]): T[] {
  const order = inOrder(candidates.map((c) => c.event));
  return order.map((event) => candidates.find((c) => c.event === event) as T);
}

/**
 * A transaction that empties the title, or takes the case's required facts away, is taking the case apart: what
 * it took from the title, the notes and the parties is put back too (SPEC A-GUARD-5).
 */
function reviewEmptying(
  doc: Y.Doc,
  transaction: Y.Transaction,
  caseChanges: readonly KeyChange[],
  verdict: GuardVerdict,
  refuse: Refuse,
): void {
  const titleWas = textBefore(doc, transaction, titleKey);
  const titleEmptied = titleWas !== null && doc.getText(titleKey).length === 0 && textLength(titleWas) > 0;
  if (titleEmptied) refuse(guardRefusal.required, titleKey);
  // taking a required fact away (not setting a value that cannot be read) is taking the case apart
  const factTaken = caseChanges.some(
    (change) => change.after === undefined && (requiredCaseKeys as readonly string[]).includes(change.key),
  );
  if (!titleEmptied && !factTaken) return;
  if (titleEmptied) verdict.compensation.textRestores.push({ text: titleKey, delta: titleWas });
  const notesWas = textBefore(doc, transaction, notesKey);
  if (notesWas !== null && textLength(notesWas) > doc.getText(notesKey).length) {
    verdict.compensation.textRestores.push({ text: notesKey, delta: notesWas });
  }
  for (const entries of deletedElements(doc, transaction, partiesKey)) {
    if (entries !== null && typeof entries === 'object' && !Array.isArray(entries)) {
      verdict.compensation.mapElementRestores.push({
        array: partiesKey,
        entries: entries as Record<string, unknown>,
      });
    }
  }
}

function textLength(delta: readonly { insert: string | object }[]): number {
  return delta.reduce((n, op) => n + (typeof op.insert === 'string' ? op.insert.length : 1), 0);
}

/** Undoes a whole creation: every key it set, every history entry and title text it wrote. */
function refuseCreation(
  doc: Y.Doc,
  transaction: Y.Transaction,
  verdict: GuardVerdict,
  caseChanges: readonly KeyChange[],
  intoEmpty: boolean,
): void {
  const reason = intoEmpty ? guardRefusal.place : guardRefusal.exists;
  verdict.refused.push({ reason, field: caseKey });
  for (const change of caseChanges) {
    verdict.compensation.mapSets.push({ map: caseKey, key: change.key, value: change.before });
  }
  for (const added of addedElements(doc, transaction, fieldLogKey)) {
    verdict.compensation.removals.push({ array: fieldLogKey, item: added.item, offset: added.offset });
  }
  const titleWas = textBefore(doc, transaction, titleKey);
  if (titleWas !== null) verdict.compensation.textRestores.push({ text: titleKey, delta: titleWas });
}
