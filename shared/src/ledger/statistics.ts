import type { LedgerRow } from './ledger-row.ts';

/**
 * The town's figures (SPEC L-STATS-*): counted from ledger rows alone, so the device counts them offline from the
 * rows it keeps and the server could count them from the same rows. Pure: the same rows, period and moment give
 * the same figures everywhere.
 */

const day = 24 * 60 * 60 * 1000;
/** Periods are days of the town's calendar: China Standard Time, whatever the device's own zone (SPEC L-STATS-2). */
const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** A span of time, `from` included and `to` not. */
export interface Period {
  from: number;
  to: number;
}

/** What a person chooses: a month (`2026-11`), a quarter, or a range of days both included (`YYYY-MM-DD`). */
export type PeriodChoice =
  | { kind: 'month'; month: string }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'range'; from: string; to: string };

/** Midnight in China of a day of the calendar (month 1-based; days past the month's end roll over). */
function chinaMidnight(year: number, month: number, dayOfMonth: number): number {
  return Date.UTC(year, month - 1, dayOfMonth) - chinaOffsetMs;
}

function parseDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  // 2026-02-30 is no day: the date must read back the same
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== dayOfMonth) return null;
  return { year, month, day: dayOfMonth };
}

/** The span a choice covers, or null when it names no day or ends before it begins. */
export function periodOf(choice: PeriodChoice): Period | null {
  switch (choice.kind) {
    case 'month': {
      const first = parseDate(`${choice.month}-01`);
      if (!first) return null;
      return {
        from: chinaMidnight(first.year, first.month, 1),
        to: chinaMidnight(first.year, first.month + 1, 1),
      };
    }
    case 'quarter': {
      const firstMonth = (choice.quarter - 1) * 3 + 1;
      return {
        from: chinaMidnight(choice.year, firstMonth, 1),
        to: chinaMidnight(choice.year, firstMonth + 3, 1),
      };
    }
    case 'range': {
      const from = parseDate(choice.from);
      const to = parseDate(choice.to);
      if (!from || !to) return null;
      const period = {
        from: chinaMidnight(from.year, from.month, from.day),
        to: chinaMidnight(to.year, to.month, to.day + 1),
      };
      return period.to > period.from ? period : null;
    }
  }
}

/** The month (`YYYY-MM`) and quarter a moment falls in, in China: where the page's chooser starts. */
export function calendarOf(at: number): {
  month: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  date: string;
} {
  const china = new Date(at + chinaOffsetMs);
  const year = china.getUTCFullYear();
  const month = china.getUTCMonth() + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    month: `${year}-${pad(month)}`,
    year,
    quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4,
    date: `${year}-${pad(month)}-${pad(china.getUTCDate())}`,
  };
}

/** How the figures are split: one line for the whole town, or one per village, grid or handler. */
export const groupings = ['town', 'village', 'grid', 'handler'] as const;
export type Grouping = (typeof groupings)[number];

/** The figures of one group for one period; each is defined in `statisticsDefinitions` (SPEC L-STATS-1). */
export interface Figures {
  found: number;
  registered: number;
  resolved: number;
  /** resolved ÷ registered; null when nothing was registered. */
  resolutionRate: number | null;
  keptAtVillage: number;
  keptAtTown: number;
  wentToCounty: number;
  overdue: number;
  onTime: number;
  /** onTime ÷ resolved cases that had a deadline; null when none had one. */
  onTimeRate: number | null;
  /** Mean days from registration to close of the resolved cases; null when none was resolved. */
  averageDaysToClose: number | null;
  /** Resolved cases whose satisfaction was recorded, and of them those rated 4 or 5. */
  satisfactionRecorded: number;
  satisfied: number;
  /** satisfied ÷ satisfactionRecorded; null (not recorded) when none was. */
  satisfactionRate: number | null;
  reopened: number;
}

export type FigureKey = keyof Figures;

const within = (at: number | null, period: Period): at is number =>
  at !== null && at >= period.from && at < period.to;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** The figures of `rows` for `period`, as they stand at `now` (what is overdue depends on it). */
export function figuresOf(rows: readonly LedgerRow[], period: Period, now: number): Figures {
  const end = Math.min(period.to, now);
  const registered = rows.filter((row) => within(row.registeredAt, period));
  const closedBy = (row: LedgerRow): row is LedgerRow & { closedAt: number } =>
    row.closedAt !== null && row.closedAt < period.to;
  const resolved = registered.filter(closedBy);
  const withDeadline = resolved.filter((row) => row.deadline !== null);
  const onTime = withDeadline.filter((row) => row.closedAt <= (row.deadline ?? 0)).length;
  const overdue = registered.filter((row) => {
    if (row.deadline === null) return false;
    return closedBy(row) ? row.closedAt > row.deadline : row.deadline < end;
  }).length;
  const days = resolved.map((row) => (row.closedAt - (row.registeredAt ?? row.closedAt)) / day);
  const rated = resolved.filter((row) => row.satisfaction !== null);
  const satisfied = rated.filter((row) => (row.satisfaction ?? 0) >= 4).length;
  return {
    found: rows.filter((row) => within(row.createdAt, period)).length,
    registered: registered.length,
    resolved: resolved.length,
    resolutionRate: ratio(resolved.length, registered.length),
    keptAtVillage: registered.filter((row) => row.level === 'village').length,
    keptAtTown: registered.filter((row) => row.level === 'town').length,
    wentToCounty: registered.filter((row) => row.level === 'county').length,
    overdue,
    onTime,
    onTimeRate: ratio(onTime, withDeadline.length),
    averageDaysToClose: days.length === 0 ? null : days.reduce((sum, d) => sum + d, 0) / days.length,
    satisfactionRecorded: rated.length,
    satisfied,
    satisfactionRate: ratio(satisfied, rated.length),
    reopened: registered.filter((row) => row.reopenings > 0).length,
  };
}

/** One line of the table: the group's key (a village, grid or account id; null for "none"; `town` for all). */
export interface GroupFigures {
  key: string | null;
  figures: Figures;
}

const keyOf: Record<Grouping, (row: LedgerRow) => string | null> = {
  town: () => 'town',
  village: (row) => row.village,
  grid: (row) => row.grid,
  handler: (row) => row.handler,
};

/**
 * The figures split by `grouping`, one line per group with a case found or registered in the period (those
 * without a village, grid or handler together, last), and the total over all the rows (SPEC L-STATS-3).
 */
export function statistics(
  rows: readonly LedgerRow[],
  period: Period,
  grouping: Grouping,
  now: number,
): { groups: GroupFigures[]; total: Figures } {
  const relevant = rows.filter((row) => within(row.createdAt, period) || within(row.registeredAt, period));
  const byKey = new Map<string | null, LedgerRow[]>();
  for (const row of relevant) {
    const key = keyOf[grouping](row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const keys = [...byKey.keys()].sort((a, b) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1,
  );
  return {
    groups: keys.map((key) => ({ key, figures: figuresOf(byKey.get(key) ?? [], period, now) })),
    total: figuresOf(relevant, period, now),
  };
}
