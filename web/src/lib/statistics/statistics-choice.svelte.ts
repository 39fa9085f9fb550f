import {
  calendarOf,
  periodOf,
  type Grouping,
  type Period,
  type PeriodChoice,
} from '@concord/shared/ledger/statistics.ts';

export type PeriodKind = PeriodChoice['kind'];
export const periodKinds: readonly PeriodKind[] = ['month', 'quarter', 'range'];

/**
 * What the statistics page is asked for: a period (month, quarter or range of days) and a grouping. It starts at
 * the current month of the town's calendar (SPEC L-STATS-2); every choice is kept while the kind changes, so
 * going back finds it.
 */
export class StatisticsChoice {
  kind = $state<PeriodKind>('month');
  month = $state('');
  year = $state(0);
  quarter = $state<1 | 2 | 3 | 4>(1);
  from = $state('');
  to = $state('');
  grouping = $state<Grouping>('town');

  constructor(now: number) {
    const today = calendarOf(now);
    this.month = today.month;
    this.year = today.year;
    this.quarter = today.quarter;
    this.from = `${today.month}-01`;
    this.to = today.date;
  }

  get choice(): PeriodChoice {
    switch (this.kind) {
      case 'month':
        return { kind: 'month', month: this.month };
      case 'quarter':
        return { kind: 'quarter', year: this.year, quarter: this.quarter };
      case 'range':
        return { kind: 'range', from: this.from, to: this.to };
    }
  }

  /** The span chosen, or null while the choice names none. */
  get period(): Period | null {
    return periodOf(this.choice);
  }
}

/** The first and last day (`YYYY-MM-DD`, in China) of a period, as the caption says them. */
export function periodDays(period: Period): { from: string; to: string } {
  return { from: calendarOf(period.from).date, to: calendarOf(period.to - 1).date };
}
