import { z } from 'zod';
import { escalationLevels } from '../org/agencies.ts';
import { docName as makeDocName, parseDocName, type DocName } from '../sync/doc-name.ts';
import { riskGrades, stages } from '../cases/workflow/events.ts';

/**
 * One row of the town's dispute ledger (台账): what the ledger page shows, filters, sorts and searches for one
 * case, without opening the case document (SPEC L-LEDGER-1). Built by the server from the document each time it
 * is saved, and kept on the device so the ledger opens offline.
 */
export const ledgerRowSchema = z.object({
  name: z.string().transform((value, ctx): DocName => {
    const parsed = parseDocName(value);
    if (parsed.ok && parsed.kind === 'case') return parsed.name;
    ctx.addIssue({ code: 'custom', message: `not a case document name: ${value}` });
    return z.NEVER;
  }),
  title: z.string(),
  village: z.string().nullable(),
  /**
   * The grid of the village the case lies in (SPEC C-DOC-5). A row kept on a device from before rows had grids
   * reads as none until the server sends it again.
   */
  grid: z.string().nullable().default(null),
  disputeType: z.string().nullable(),
  risk: z.enum(riskGrades).nullable(),
  stage: z.enum(stages),
  level: z.enum(escalationLevels),
  /** Names of the parties, for search. */
  parties: z.array(z.string()),
  /** The account handling it, if dispatched. */
  handler: z.string().nullable(),
  leaders: z.array(z.string()),
  departments: z.array(z.string()),
  /** When the current dispatch is due; overdue and due-soon are derived from it when shown (SPEC C-FLOW-8). */
  deadline: z.number().nullable(),
  createdAt: z.number().nullable(),
  updatedAt: z.number(),
  /** Steps that conflicted in the merged timeline, to be looked at (SPEC C-FLOW-3). */
  conflicts: z.number().int().nonnegative(),
  /**
   * Unsettled review flags or conflicting fields (SPEC L-REVIEW-1). A row kept on a device from before rows had
   * it reads as not needing review until the server sends it again.
   */
  needsReview: z.boolean().default(false),
  /** Mediation attempts at the current level (three, then it goes up: SPEC C-FLOW-4), for the agenda builder. */
  attemptsAtLevel: z.number().int().nonnegative().default(0),
  /** Its parties live in more than one village, or in another village than the case's (SPEC M-AGENDA-1). */
  spansVillages: z.boolean().default(false),
  /** Joint meetings' action items on it still to be done (SPEC M-LINK-1). */
  openActions: z.number().int().nonnegative().default(0),
  /** The earliest deadline (`YYYY-MM-DD`) of those action items, if any has one. */
  nextActionDue: z.string().nullable().default(null),
  /**
   * How the case came to light (SPEC C-DOC-6). A row kept on a device from before rows had it reads as unknown
   * until the server sends it again.
   */
  source: z.string().nullable().default(null),
  /**
   * The parties' phone numbers as written, often masked (139****2231), for search by a fragment; sent only to those
   * who may write the case (SPEC L-LEDGER-7). A row kept on a device from before rows had them reads as none.
   */
  contacts: z.array(z.string()).default([]),
  /**
   * What the statistics count (SPEC L-STATS-1): when the case was registered, when it was closed (none while open,
   * and again none once reopened until closed anew), how many times it was reopened, and the satisfaction (1–5)
   * last recorded at a visit or evaluation. A row kept on a device from before rows had them reads as none until
   * the server sends it again.
   */
  registeredAt: z.number().nullable().default(null),
  closedAt: z.number().nullable().default(null),
  reopenings: z.number().int().nonnegative().default(0),
  satisfaction: z.number().int().min(1).max(5).nullable().default(null),
  access: z.enum(['read', 'write']),
});
export type LedgerRow = z.infer<typeof ledgerRowSchema>;

/** `GET /api/ledger`: every case the caller may open. */
export const ledgerResponseSchema = z.object({ rows: z.array(ledgerRowSchema) });

/** A row for tests and demos, with every field filled. */
export function sampleLedgerRow(id: string, fields: Partial<Omit<LedgerRow, 'name'>> = {}): LedgerRow {
  return {
    name: makeDocName('case', id),
    title: `case ${id}`,
    village: 'jiangting',
    grid: null,
    disputeType: 'land',
    risk: 'low',
    stage: 'registered',
    level: 'village',
    parties: [],
    handler: null,
    leaders: [],
    departments: [],
    deadline: null,
    createdAt: 0,
    updatedAt: 0,
    conflicts: 0,
    needsReview: false,
    attemptsAtLevel: 0,
    spansVillages: false,
    openActions: 0,
    nextActionDue: null,
    source: null,
    contacts: [],
    registeredAt: null,
    closedAt: null,
    reopenings: 0,
    satisfaction: null,
    access: 'write',
    ...fields,
  };
}
