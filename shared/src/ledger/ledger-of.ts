import type * as Y from 'yjs';
import { z } from 'zod';
import { CaseFile } from '../cases/case-file.ts';
import { readParties, type Party } from '../cases/parties.ts';
import { openCaseActions } from '../meetings/case-links.ts';
import { findVillage } from '../org/jurisdiction.ts';
import { needsReview, reviewReasons } from '../cases/workflow/review.ts';
import { registerConflicts } from '../cases/field-register.ts';
import { CaseTimeline } from '../cases/workflow/timeline.ts';
import { deriveWorkflow, inOrder } from '../cases/workflow/transitions.ts';
import type { WorkflowEvent } from '../cases/workflow/events.ts';
import type { DocName } from '../sync/doc-name.ts';
import { ledgerRowSchema, type LedgerRow } from './ledger-row.ts';

/**
 * What the server keeps of a case beside its listing (SPEC L-LEDGER-1): a ledger row without what only the
 * listing knows (name, last saved) or the caller decides (access). Stored as JSON and checked when read back.
 * The grid, whether it needs review, the source and what the statistics count must be there: a row stored before rows had them is built again from its
 * document instead.
 */
export const ledgerEntrySchema = ledgerRowSchema.omit({ name: true, updatedAt: true, access: true }).extend({
  grid: z.string().nullable(),
  needsReview: z.boolean(),
  attemptsAtLevel: z.number().int().nonnegative(),
  spansVillages: z.boolean(),
  openActions: z.number().int().nonnegative(),
  nextActionDue: z.string().nullable(),
  source: z.string().nullable(),
  contacts: z.array(z.string()),
  registeredAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  reopenings: z.number().int().nonnegative(),
  satisfaction: z.number().int().min(1).max(5).nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/**
 * The ledger's view of one case document: its summary, the state its timeline folds to, and its parties' names.
 * Pure and cheap (one fold of the timeline), so the server runs it on every save and the ledger never opens a
 * case document to show its row.
 */
export function ledgerEntryOf(doc: Y.Doc): LedgerEntry {
  const summary = new CaseFile(doc).summary();
  const timeline = new CaseTimeline(doc);
  const events = timeline.events;
  const { state, conflicts } = deriveWorkflow(events);
  const parties = readParties(doc);
  const open = openCaseActions(doc);
  return {
    title: summary.title,
    village: summary.village,
    grid: summary.grid,
    disputeType: summary.disputeType,
    risk: state.risk,
    stage: state.stage,
    // level, leaders and departments as the rights see them: from the timeline once it has a step (C-FLOW-1)
    level: summary.level,
    parties: parties.map((party) => party.name).filter((name) => name.length > 0),
    handler: state.handler,
    leaders: summary.leaders,
    departments: summary.departments,
    deadline: state.deadline,
    createdAt: summary.createdAt,
    conflicts: conflicts.length,
    // contradictory steps, and short fields two people rewrote at once (SPEC C-REG-2, L-REVIEW-1)
    needsReview: needsReview(reviewReasons(events, registerConflicts(doc))),
    attemptsAtLevel: state.attemptsAtLevel,
    spansVillages: spansVillages(summary.village, parties),
    openActions: open.length,
    nextActionDue: earliest(open.map((entry) => entry.deadline)),
    source: summary.source,
    contacts: parties.map((party) => phoneOf(party.contact)).filter((phone) => phone !== ''),
    registeredAt: registeredAt(events),
    closedAt: state.closedAt,
    reopenings: state.reopenings,
    satisfaction: state.satisfaction,
  };
}

/**
 * The digits of a contact and the stars that mask some (139****2231), dashes and spaces left out, so a fragment
 * typed either way is found; a contact with no digit is no phone number (SPEC L-LEDGER-7).
 */
export function phoneOf(contact: string): string {
  const kept = contact.normalize('NFKC').replace(/[^\d*]/gu, '');
  return /\d/u.test(kept) ? kept : '';
}

/**
 * When the case was registered: the first registration in the agreed order is the one that applies, as nothing
 * else moves a reported case (SPEC C-FLOW-2).
 */
function registeredAt(events: readonly WorkflowEvent[]): number | null {
  return inOrder(events).find((event) => event.kind === 'registered')?.at ?? null;
}

/** Parties from more than one village of the town, or from another than the case's own (SPEC M-AGENDA-1). */
function spansVillages(village: string | null, parties: readonly Party[]): boolean {
  const villages = new Set(
    parties.map((party) => party.village).filter((id) => findVillage(id) !== undefined),
  );
  if (village !== null) villages.add(village);
  return villages.size > 1;
}

function earliest(dates: readonly (string | null)[]): string | null {
  const known = dates.filter((date): date is string => date !== null).sort();
  return known[0] ?? null;
}

/** A whole ledger row for a case document, e.g. one recorded on this device that the server has not seen yet. */
export function ledgerRowOf(
  name: DocName,
  doc: Y.Doc,
  meta: Pick<LedgerRow, 'updatedAt' | 'access'>,
): LedgerRow {
  return { name, ...ledgerEntryOf(doc), ...meta };
}
