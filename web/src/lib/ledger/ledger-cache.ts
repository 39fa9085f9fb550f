import { z } from 'zod';
import { ledgerRowSchema, type LedgerRow } from '@concord/shared/ledger/ledger-row.ts';

/**
 * The ledger rows the server last sent, kept on the device so the ledger opens offline (SPEC L-LEDGER-5). Stored
 * as one localStorage entry: rows as arrays in a fixed column order, so 5,000 rows do not repeat 16 field names
 * each (the benchmark measures the size), and read synchronously, so the page shows the rows at its first paint.
 */

export const ledgerCacheKey = 'concord.ledger';
const version = 1;

/** The order of a row's fields in the stored arrays; a change of order or fields is a new version. */
const columns = [
  'name',
  'title',
  'village',
  'disputeType',
  'risk',
  'stage',
  'level',
  'parties',
  'handler',
  'leaders',
  'departments',
  'deadline',
  'createdAt',
  'updatedAt',
  'conflicts',
  'access',
  'grid',
  'needsReview',
  'attemptsAtLevel',
  'spansVillages',
  'openActions',
  'nextActionDue',
  'source',
  'contacts',
  'registeredAt',
  'closedAt',
  'reopenings',
  'satisfaction',
] as const satisfies readonly (keyof LedgerRow)[];

/**
 * The columns before rows carried what the statistics count (SPEC L-STATS-1), before they carried the parties' phone
 * numbers (SPEC L-LEDGER-7), before they said how the case came to light (SPEC C-DOC-6), before they told of
 * meetings' action items and what the agenda builder reads, before they said whether they need review, and before
 * they had a grid: still read, each row without them, until the server sends rows again (SPEC L-REVIEW-1).
 */
const columnsBeforeStatistics = columns.slice(0, -4);
const columnsBeforeContacts = columnsBeforeStatistics.slice(0, -1);
const columnsBeforeSource = columnsBeforeContacts.slice(0, -1);
const columnsBeforeMeetings = columnsBeforeSource.slice(0, -4);
const columnsBeforeReview = columnsBeforeMeetings.slice(0, -1);
const columnsBeforeGrids = columnsBeforeMeetings.slice(0, -2);
const readable = new Set([
  columns.join(),
  columnsBeforeStatistics.join(),
  columnsBeforeContacts.join(),
  columnsBeforeSource.join(),
  columnsBeforeMeetings.join(),
  columnsBeforeReview.join(),
  columnsBeforeGrids.join(),
]);

// a row field missing from `columns` would be dropped on the way to storage: this fails to compile instead
type NoneMissing<T extends never> = T;
export type _EveryFieldStored = NoneMissing<Exclude<keyof LedgerRow, (typeof columns)[number]>>;

const storedSchema = z.object({
  version: z.literal(version),
  columns: z.array(z.string()),
  /** When the server sent these rows. */
  savedAt: z.number(),
  rows: z.array(z.array(z.unknown())),
});

export interface CachedLedger {
  rows: LedgerRow[];
  savedAt: number | null;
  /** Rows left out because this version cannot read them. */
  dropped: number;
}

export function encodeLedgerCache(rows: Iterable<LedgerRow>, savedAt: number): string {
  const tuples: unknown[][] = [];
  for (const row of rows) tuples.push(columns.map((column) => row[column]));
  return JSON.stringify({ version, columns, savedAt, rows: tuples });
}

const nothing: CachedLedger = { rows: [], savedAt: null, dropped: 0 };

/** Reads the stored rows; each is checked, and one this version cannot read is left out, never guessed at. */
export function decodeLedgerCache(raw: string | null): CachedLedger {
  if (raw === null) return nothing;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    console.warn('the ledger kept on this device is not JSON; it is fetched afresh', error);
    return nothing;
  }
  const parsed = storedSchema.safeParse(json);
  const stored = parsed.success ? parsed.data.columns.join() : null;
  if (!parsed.success || stored === null || !readable.has(stored)) return nothing;
  const rows: LedgerRow[] = [];
  let dropped = 0;
  for (const tuple of parsed.data.rows) {
    const fields: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) fields[columns[i] as string] = tuple[i];
    const row = ledgerRowSchema.safeParse(fields);
    if (row.success) rows.push(row.data);
    else dropped++;
  }
  return { rows, savedAt: parsed.data.savedAt, dropped };
}
