import { describe, expect, it } from 'vitest';
import { ledgerRowSchema, sampleLedgerRow, type LedgerRow } from './ledger-row.ts';
import { statisticsColumns, statisticsDefinitions } from './statistics-definitions.ts';
import { calendarOf, figuresOf, periodOf, statistics, type Period } from './statistics.ts';

/** A moment in China Standard Time, the town's clock. */
const cst = (text: string) => Date.parse(`${text}+08:00`);

const november: Period = { from: cst('2026-11-01T00:00:00'), to: cst('2026-12-01T00:00:00') };
const now = cst('2026-12-05T09:00:00');

/**
 * Seven cases around November 2026, counted by hand below. A is found and registered at the very first moment
 * of November, B was found the moment before it, C found at its very last moment and registered the next.
 */
const rows: LedgerRow[] = [
  sampleLedgerRow('a', {
    village: 'jiangting',
    grid: 'jiangting-1',
    handler: 'h1',
    createdAt: cst('2026-11-01T00:00:00'),
    registeredAt: cst('2026-11-01T00:00:00'),
    deadline: cst('2026-11-10T00:00:00'),
    closedAt: cst('2026-11-05T00:00:00'),
    stage: 'evaluated',
    satisfaction: 5,
  }),
  sampleLedgerRow('b', {
    village: 'jiangting',
    grid: 'jiangting-2',
    handler: 'h1',
    createdAt: cst('2026-10-31T23:59:59.999'),
    registeredAt: cst('2026-11-02T00:00:00'),
    deadline: cst('2026-11-10T00:00:00'),
    closedAt: cst('2026-11-12T00:00:00'),
    level: 'town',
    stage: 'closed',
    satisfaction: 3,
    reopenings: 1,
  }),
  sampleLedgerRow('c', {
    village: 'hongyan',
    handler: 'h2',
    createdAt: cst('2026-11-30T23:59:59.999'),
    registeredAt: cst('2026-12-01T00:00:00'),
  }),
  sampleLedgerRow('d', {
    village: 'hongyan',
    handler: 'h2',
    createdAt: cst('2026-11-03T10:00:00'),
    registeredAt: cst('2026-11-03T11:00:00'),
    deadline: cst('2026-11-08T00:00:00'),
    level: 'county',
    stage: 'handling',
  }),
  sampleLedgerRow('e', {
    village: 'pingzhai',
    createdAt: cst('2026-11-04T10:00:00'),
    registeredAt: cst('2026-11-04T10:00:00'),
  }),
  sampleLedgerRow('f', {
    village: 'jiangting',
    handler: 'h1',
    createdAt: cst('2026-11-06T10:00:00'),
    registeredAt: cst('2026-11-06T10:00:00'),
    deadline: cst('2026-11-20T00:00:00'),
    closedAt: cst('2026-12-02T00:00:00'),
    stage: 'closed',
  }),
  sampleLedgerRow('g', {
    village: 'jiangting',
    handler: 'h1',
    createdAt: cst('2026-11-07T10:00:00'),
    registeredAt: cst('2026-11-07T10:00:00'),
    stage: 'handling',
    reopenings: 1,
  }),
];

describe('periods', () => {
  it('L-STATS-2: a month, a quarter and a range of days are whole days of China Standard Time', () => {
    expect(periodOf({ kind: 'month', month: '2026-11' })).toEqual(november);
    expect(periodOf({ kind: 'range', from: '2026-11-01', to: '2026-11-30' })).toEqual(november);
    expect(periodOf({ kind: 'month', month: '2026-12' })).toEqual({
      from: cst('2026-12-01T00:00:00'),
      to: cst('2027-01-01T00:00:00'),
    });
    expect(periodOf({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual({
      from: cst('2026-10-01T00:00:00'),
      to: cst('2027-01-01T00:00:00'),
    });
    expect(periodOf({ kind: 'range', from: '2026-11-05', to: '2026-11-05' })).toEqual({
      from: cst('2026-11-05T00:00:00'),
      to: cst('2026-11-06T00:00:00'),
    });
  });

  it('L-STATS-2: a day that does not exist, or a range ending before it begins, is no period', () => {
    expect(periodOf({ kind: 'range', from: '2026-02-30', to: '2026-03-01' })).toBeNull();
    expect(periodOf({ kind: 'range', from: '2026-11-05', to: '2026-11-04' })).toBeNull();
    expect(periodOf({ kind: 'month', month: '2026-13' })).toBeNull();
  });

  it('L-STATS-2: the chooser starts at the month and quarter of the moment in China', () => {
    // 20:00 UTC on 31 December is already New Year's Day in China
    expect(calendarOf(Date.parse('2026-12-31T20:00:00Z'))).toEqual({
      month: '2027-01',
      year: 2027,
      quarter: 1,
      date: '2027-01-01',
    });
  });
});

describe('figures', () => {
  it('L-STATS-1, L-STATS-2: the town in November, counted by hand, with its first and last moments', () => {
    expect(figuresOf(rows, november, now)).toEqual({
      found: 6, // a c d e f g: b was found the moment before November
      registered: 6, // a b d e f g: c was registered the moment after it
      resolved: 2, // a b: f closed only in December
      resolutionRate: 2 / 6,
      keptAtVillage: 4, // a e f g
      keptAtTown: 1, // b
      wentToCounty: 1, // d
      overdue: 3, // b closed late, d open past its deadline, f closed after the period and past its deadline
      onTime: 1, // a
      onTimeRate: 1 / 2,
      averageDaysToClose: (4 + 10) / 2,
      satisfactionRecorded: 2,
      satisfied: 1, // a rated 5; b rated 3
      satisfactionRate: 1 / 2,
      reopened: 2, // b g
    });
  });

  it('L-STATS-1: what is overdue depends on the moment, within the period', () => {
    const d = rows.filter((row) => row.name === 'case:d');
    expect(figuresOf(d, november, cst('2026-11-07T12:00:00')).overdue).toBe(0);
    expect(figuresOf(d, november, cst('2026-11-09T12:00:00')).overdue).toBe(1);
  });

  it('L-STATS-1: with nothing resolved or rated, the rates and the average are not given rather than zero', () => {
    const figures = figuresOf(rows, periodOf({ kind: 'month', month: '2026-10' }) ?? november, now);
    expect(figures).toMatchObject({ found: 1, registered: 0, resolutionRate: null, onTimeRate: null });
    expect(figures.averageDaysToClose).toBeNull();
    expect(figures.satisfactionRate).toBeNull();
  });

  it('L-STATS-3: grouped by village, handler and grid, each group counted alone and "none" last', () => {
    const byVillage = statistics(rows, november, 'village', now);
    expect(byVillage.groups.map((group) => group.key)).toEqual(['hongyan', 'jiangting', 'pingzhai']);
    expect(byVillage.groups.map((group) => [group.figures.found, group.figures.registered])).toEqual([
      [2, 1],
      [3, 4],
      [1, 1],
    ]);
    expect(byVillage.total).toEqual(figuresOf(rows, november, now));

    const byHandler = statistics(rows, november, 'handler', now);
    expect(byHandler.groups.map((group) => [group.key, group.figures.resolved])).toEqual([
      ['h1', 2],
      ['h2', 0],
      [null, 0],
    ]);
    const byGrid = statistics(rows, november, 'grid', now);
    expect(byGrid.groups.map((group) => group.key)).toEqual(['jiangting-1', 'jiangting-2', null]);
    expect(statistics(rows, november, 'town', now).groups).toEqual([
      { key: 'town', figures: byVillage.total },
    ]);
  });

  it('L-STATS-1: a row kept on a device from before rows had these facts still reads, as not registered', () => {
    const { registeredAt, closedAt, reopenings, satisfaction, ...old } = sampleLedgerRow('old');
    expect([registeredAt, closedAt, reopenings, satisfaction]).toEqual([null, null, 0, null]);
    const row = ledgerRowSchema.parse(old);
    expect(figuresOf([row], november, now).registered).toBe(0);
  });

  it('L-STATS-4: every column has a one-sentence definition and a label in both languages', () => {
    for (const column of statisticsColumns) {
      const { label, definition } = statisticsDefinitions[column];
      for (const text of [label['zh-CN'], label.en, definition['zh-CN'], definition.en]) {
        expect(text.length).toBeGreaterThan(0);
      }
      expect(definition['zh-CN']).toMatch(/。$/);
      expect(definition.en).toMatch(/\.$/);
    }
  });
});
