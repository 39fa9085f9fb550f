import { deadlineStatus, type DeadlineStatus } from '../cases/workflow/deadlines.ts';
import { riskGrades, type Stage } from '../cases/workflow/events.ts';
import { initialWorkflow } from '../cases/workflow/transitions.ts';
import type { LedgerRow } from './ledger-row.ts';
import type { LedgerSearchIndex } from './search-index.ts';

/**
 * The ledger's filters, sorting and counts (SPEC L-LEDGER-2, L-LEDGER-4): pure functions over the rows, so the
 * page, the tests and the benchmark run the same code, and no case document is opened.
 */

/** What the ledger filters on. Each row has one value of each; a filter keeps the rows with the value chosen. */
export const facets = [
  'village',
  'disputeType',
  /** How the case came to light (SPEC C-DOC-6). */
  'source',
  'risk',
  'stage',
  'level',
  'deadline',
  'mine',
  'review',
] as const;
export type Facet = (typeof facets)[number];

/** A facet's value for a row that has none (no village, not graded yet). */
export const noValue = 'none';

/** `mine`: the case is the person's to answer for, as {@link isMine} decides; else `others`. */
export type MineValue = 'mine' | 'others';

/** `review`: the case needs review (SPEC L-REVIEW-1), or not. */
export const reviewValue = { needed: 'needed', clear: 'clear' } as const;
export type ReviewValue = (typeof reviewValue)[keyof typeof reviewValue];

export type LedgerFilters = Partial<Record<Facet, string>>;

export const sortKeys = ['updated', 'created', 'deadline', 'risk'] as const;
export type SortKey = (typeof sortKeys)[number];

export interface LedgerQuery {
  filters: LedgerFilters;
  /** Free text; words, not characters, must all be found (SPEC L-LEDGER-3). */
  text: string;
  sort: SortKey;
}

/** Who asks, as far as "mine" needs to know: their account, their department, the grid they walk. */
export interface Asker {
  id: string;
  agency: string | null;
  grid: string | null;
}

/** Who is asking and when: `mine` and the deadline status are worked out at the moment of asking (C-FLOW-8). */
export interface QueryContext {
  now: number;
  me: Asker | null;
}

export type FacetCounts = Record<Facet, Map<string, number>>;

export interface LedgerResult<Row extends LedgerRow> {
  rows: Row[];
  /**
   * For each facet, how many rows each value would show if it were chosen, the other filters and the text kept:
   * the number beside each choice.
   */
  counts: FacetCounts;
}

const settled: readonly Stage[] = ['closed', 'evaluated'];

/**
 * Whether the case is the person's to answer (SPEC L-MINE-1): its handler, one of its case leaders, their
 * department's, or, for a grid worker, open and in the grid they walk. The ledger's filter and badge, its
 * reminders and the case page's reminder all ask here, so they never disagree.
 */
export function isMine(
  row: Pick<LedgerRow, 'handler' | 'leaders' | 'departments' | 'grid' | 'stage'>,
  me: Asker | null,
): boolean {
  if (!me) return false;
  if (row.handler === me.id || row.leaders.includes(me.id)) return true;
  if (me.agency !== null && row.departments.includes(me.agency)) return true;
  // grid ids are unique across villages, and only a grid worker has one (SPEC A-ACCT-3)
  return me.grid !== null && row.grid === me.grid && !settled.includes(row.stage);
}

/** The deadline status of a row now (SPEC C-FLOW-8): from the stage and deadline alone. */
export function rowDeadlineStatus(row: Pick<LedgerRow, 'stage' | 'deadline'>, now: number): DeadlineStatus {
  return deadlineStatus({ ...initialWorkflow, stage: row.stage, deadline: row.deadline }, now);
}

export function facetValue(row: LedgerRow, facet: Facet, context: QueryContext): string {
  switch (facet) {
    case 'village':
      return row.village ?? noValue;
    case 'disputeType':
      return row.disputeType ?? noValue;
    case 'source':
      return row.source ?? noValue;
    case 'risk':
      return row.risk ?? noValue;
    case 'stage':
      return row.stage;
    case 'level':
      return row.level;
    case 'deadline':
      return rowDeadlineStatus(row, context.now);
    case 'mine':
      return isMine(row, context.me) ? 'mine' : 'others';
    case 'review':
      return row.needsReview ? reviewValue.needed : reviewValue.clear;
  }
}

function emptyCounts(): FacetCounts {
  return Object.fromEntries(facets.map((facet) => [facet, new Map<string, number>()])) as FacetCounts;
}

/**
 * The rows that pass every filter and contain the text, sorted, with the counts for each facet. `index` must be
 * built from `rows`, in the same order.
 */
export function queryLedger<Row extends LedgerRow>(
  rows: readonly Row[],
  index: LedgerSearchIndex,
  query: LedgerQuery,
  context: QueryContext,
): LedgerResult<Row> {
  if (index.size !== rows.length) throw new Error('the search index was built from other rows');
  const textMatches = index.matches(query.text);
  const candidates = textMatches === null ? rows : textMatches.map((position) => rows[position] as Row);
  const chosen = facets.map((facet) => query.filters[facet]);
  const counts = emptyCounts();
  const kept: Row[] = [];
  const values: string[] = new Array<string>(facets.length);
  for (const row of candidates) {
    // the one facet that fails, if just one does: its count still goes up, since choosing its value would show it
    let failing = -1;
    let failures = 0;
    for (let f = 0; f < facets.length; f++) {
      const value = facetValue(row, facets[f] as Facet, context);
      values[f] = value;
      const want = chosen[f];
      if (want !== undefined && want !== value) {
        failing = f;
        failures++;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) kept.push(row);
    for (let f = 0; f < facets.length; f++) {
      if (failures === 1 && f !== failing) continue;
      const map = counts[facets[f] as Facet];
      const value = values[f] as string;
      map.set(value, (map.get(value) ?? 0) + 1);
    }
  }
  return { rows: sortRows(kept, query.sort, context.now), counts };
}

const riskRank = new Map<string | null, number>(riskGrades.map((grade, i) => [grade, i + 1]));

/**
 * Rows in the order asked for; ties newest change first, then newest recorded (a town's cases imported or seeded
 * at once share their last change), then by name, so the order is the same everywhere.
 */
export function sortRows<Row extends LedgerRow>(rows: Row[], sort: SortKey, now: number): Row[] {
  // each row's key is worked out once, not at every comparison: the deadline's status needs the clock
  const keyed = rows.map((row) => ({ row, key: sortKey(row, sort, now) }));
  keyed.sort(
    (a, b) =>
      a.key - b.key ||
      b.row.updatedAt - a.row.updatedAt ||
      (b.row.createdAt ?? 0) - (a.row.createdAt ?? 0) ||
      compareNames(a.row.name, b.row.name),
  );
  return keyed.map(({ row }) => row);
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Smaller first. */
function sortKey(row: LedgerRow, sort: SortKey, now: number): number {
  switch (sort) {
    case 'updated':
      return 0;
    case 'created':
      return -(row.createdAt ?? -Number.MAX_VALUE);
    case 'risk':
      return -(riskRank.get(row.risk) ?? 0);
    case 'deadline':
      // the soonest open deadline first; cases due nothing (closed, never dispatched) after them all
      return rowDeadlineStatus(row, now) === 'none' || row.deadline === null
        ? Number.MAX_VALUE
        : row.deadline;
  }
}

export interface Reminder<Row extends LedgerRow> {
  row: Row;
  status: 'dueSoon' | 'overdue';
}

/**
 * The person's own cases that are overdue or due within three days, overdue first, each group soonest first
 * (SPEC W-REMIND-1). Nobody else is reminded of them.
 */
export function remindersFor<Row extends LedgerRow>(
  rows: readonly Row[],
  context: QueryContext,
): Reminder<Row>[] {
  const reminders: Reminder<Row>[] = [];
  for (const row of rows) {
    if (!isMine(row, context.me)) continue;
    const status = rowDeadlineStatus(row, context.now);
    if (status === 'overdue' || status === 'dueSoon') reminders.push({ row, status });
  }
  return reminders.sort(
    (a, b) =>
      Number(b.status === 'overdue') - Number(a.status === 'overdue') ||
      (a.row.deadline ?? 0) - (b.row.deadline ?? 0) ||
      compareNames(a.row.name, b.row.name),
  );
}
