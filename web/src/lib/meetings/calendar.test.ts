import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth, splitByToday } from './calendar.ts';

describe('the meetings calendar', () => {
  it('M-CAL-1: upcoming meetings soonest first, past ones latest first; undated ones are upcoming', () => {
    const rows = [
      { id: 'a', date: '2026-11-01', time: '09:00' },
      { id: 'b', date: '2026-12-03', time: null },
      { id: 'c', date: '2026-11-29', time: '14:00' },
      { id: 'd', date: null, time: null },
      { id: 'e', date: '2026-11-20', time: '09:00' },
      { id: 'f', date: '2026-11-29', time: '08:30' },
    ];
    const { upcoming, past } = splitByToday(rows, '2026-11-29');
    expect(upcoming.map((row) => row.id)).toEqual(['f', 'c', 'b', 'd']);
    expect(past.map((row) => row.id)).toEqual(['e', 'a']);
  });

  it('M-CAL-1: a month is shown in weeks from Monday, with the neighbouring days marked outside it', () => {
    const weeks = monthGrid('2026-11');
    // 1 November 2026 is a Sunday
    expect(weeks[0]?.map((day) => day.date)).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(weeks.flat().filter((day) => day.inMonth)).toHaveLength(30);
    expect(weeks.at(-1)?.at(-1)?.date).toBe('2026-12-06');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});
