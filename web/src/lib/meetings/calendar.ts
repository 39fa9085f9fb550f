/** The month calendar and the upcoming/past split of the meetings list (SPEC M-CAL-1), without a browser. */

export interface Dated {
  date: string | null;
  time: string | null;
}

/** `YYYY-MM-DD` of a moment, in the device's time zone (meetings are dated as people pick them). */
export function localDate(at: number): string {
  const day = new Date(at);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function sortKey(row: Dated): string {
  return `${row.date ?? '9999-99-99'}T${row.time ?? '99:99'}`;
}

/** Upcoming meetings (today on, and those without a date) soonest first; past ones latest first. */
export function splitByToday<R extends Dated>(
  rows: readonly R[],
  today: string,
): { upcoming: R[]; past: R[] } {
  const upcoming = rows.filter((row) => row.date === null || row.date >= today);
  const past = rows.filter((row) => row.date !== null && row.date < today);
  upcoming.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  past.sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
  return { upcoming, past };
}

export interface CalendarDay {
  /** `YYYY-MM-DD`. */
  date: string;
  day: number;
  inMonth: boolean;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month after (+1) or before (-1) `month` (`YYYY-MM`). */
export function shiftMonth(month: string, by: number): string {
  const [year = 1970, mon = 1] = month.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, mon - 1 + by, 1));
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}`;
}

/** The weeks of a month as a calendar shows them, Monday first, padded with the neighbouring months' days. */
export function monthGrid(month: string): CalendarDay[][] {
  const [year = 1970, mon = 1] = month.split('-').map(Number);
  const first = new Date(Date.UTC(year, mon - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const start = Date.UTC(year, mon - 1, 1 - lead);
  const weeks: CalendarDay[][] = [];
  for (let week = 0; week < 6; week++) {
    const days: CalendarDay[] = [];
    for (let d = 0; d < 7; d++) {
      const day = new Date(start + (week * 7 + d) * 24 * 60 * 60 * 1000);
      const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
      days.push({ date, day: day.getUTCDate(), inMonth: monthOf(date) === month });
    }
    // a sixth week wholly of the next month is left out
    if (week > 3 && !days.some((day) => day.inMonth)) break;
    weeks.push(days);
  }
  return weeks;
}

/** How many meetings fall on each date. */
export function countByDate(rows: readonly Dated[]): ReadonlyMap<string, number> {
  const byDay = new Map<string, number>();
  for (const row of rows) if (row.date) byDay.set(row.date, (byDay.get(row.date) ?? 0) + 1);
  return byDay;
}
