import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskGrades, stages } from '../cases/workflow/events.ts';
import { escalationLevels } from '../org/agencies.ts';
import { sampleLedgerRow, type LedgerRow } from './ledger-row.ts';
import {
  facets,
  isMine,
  queryLedger,
  remindersFor,
  sortKeys,
  type LedgerFilters,
  type QueryContext,
} from './query.ts';
import { LedgerSearchIndex } from './search-index.ts';

const day = 24 * 60 * 60 * 1000;
const now = 100 * day;
const me: QueryContext = { now, me: { id: 'me', agency: null, grid: null } };

function run(
  rows: LedgerRow[],
  filters: LedgerFilters,
  text = '',
  sort: (typeof sortKeys)[number] = 'updated',
) {
  return queryLedger(rows, new LedgerSearchIndex(rows), { filters, text, sort }, me);
}
const names = (rows: readonly LedgerRow[]) => rows.map((row) => row.name);

const rows = [
  sampleLedgerRow('a', {
    village: 'jiangting',
    stage: 'dispatched',
    handler: 'me',
    deadline: now - day,
    risk: 'high',
    updatedAt: 5,
  }),
  sampleLedgerRow('b', {
    village: 'jiangting',
    stage: 'handling',
    leaders: ['me'],
    deadline: now + day,
    risk: 'low',
    updatedAt: 9,
  }),
  sampleLedgerRow('c', {
    village: 'hongyan',
    stage: 'closed',
    handler: 'me',
    deadline: now - day,
    risk: 'criminal',
    updatedAt: 7,
  }),
  sampleLedgerRow('d', {
    village: 'hongyan',
    stage: 'dispatched',
    handler: 'other',
    deadline: now - 2 * day,
    risk: null,
    updatedAt: 1,
  }),
  sampleLedgerRow('e', { village: null, stage: 'reported', level: 'town', createdAt: 50, updatedAt: 3 }),
];

describe('filtering the ledger', () => {
  it('L-LEDGER-2: each filter keeps only the rows with the value chosen', () => {
    expect(names(run(rows, { village: 'hongyan' }).rows)).toEqual(['case:c', 'case:d']);
    expect(names(run(rows, { stage: 'dispatched' }).rows)).toEqual(['case:a', 'case:d']);
    expect(names(run(rows, { level: 'town' }).rows)).toEqual(['case:e']);
    expect(names(run(rows, { risk: 'none' }).rows)).toEqual(['case:d']);
    expect(names(run(rows, { village: 'none' }).rows)).toEqual(['case:e']);
  });

  it('L-LEDGER-2, C-FLOW-8: overdue and due soon are worked out at the moment of asking; a closed case is due nothing', () => {
    expect(names(run(rows, { deadline: 'overdue' }).rows)).toEqual(['case:a', 'case:d']);
    expect(names(run(rows, { deadline: 'dueSoon' }).rows)).toEqual(['case:b']);
    const later = queryLedger(
      rows,
      new LedgerSearchIndex(rows),
      { filters: { deadline: 'overdue' }, text: '', sort: 'updated' },
      { ...me, now: now + 2 * day },
    );
    expect(names(later.rows)).toEqual(['case:b', 'case:a', 'case:d']);
  });

  it('L-LEDGER-2: mine is the cases the person handles or leads, or their department has', () => {
    expect(names(run(rows, { mine: 'mine' }).rows)).toEqual(['case:b', 'case:c', 'case:a']);
    const dept = sampleLedgerRow('f', { departments: ['labour'] });
    const result = queryLedger(
      [dept],
      new LedgerSearchIndex([dept]),
      { filters: { mine: 'mine' }, text: '', sort: 'updated' },
      { now, me: { id: 'x', agency: 'labour', grid: null } },
    );
    expect(names(result.rows)).toEqual(['case:f']);
  });

  it('L-MINE-1, L-LEDGER-2: for a grid worker, mine is also the open cases of the grid they walk', () => {
    const walker = { id: 'walker', agency: null, grid: 'jiangting-1' };
    const inGrid = (id: string, stage: LedgerRow['stage'], grid = 'jiangting-1') =>
      sampleLedgerRow(id, { village: 'jiangting', grid, stage, handler: 'someone-else' });
    const list = [
      inGrid('g1', 'reported'),
      inGrid('g2', 'handling'),
      inGrid('g3', 'closed'),
      inGrid('g4', 'evaluated'),
      inGrid('g5', 'dispatched', 'jiangting-2'),
      sampleLedgerRow('g6', { village: 'jiangting', grid: null, stage: 'registered' }),
      sampleLedgerRow('g7', { grid: null, stage: 'closed', handler: 'walker' }),
    ];
    const result = queryLedger(
      list,
      new LedgerSearchIndex(list),
      { filters: { mine: 'mine' }, text: '', sort: 'updated' },
      { now, me: walker },
    );
    // their grid's open cases, and as for anyone the case they handle, closed or not
    expect(names(result.rows).sort()).toEqual(['case:g1', 'case:g2', 'case:g7']);
    expect(result.counts.mine.get('mine')).toBe(3);
    expect(result.counts.mine.get('others')).toBe(4);
    // someone with no grid: a grid's cases are not theirs for lying in it
    expect(isMine(inGrid('g1', 'reported'), { ...walker, grid: null })).toBe(false);
    expect(isMine(inGrid('g1', 'reported'), null)).toBe(false);
  });

  it('L-LEDGER-2: the text and the filters apply together', () => {
    const titled = [
      sampleLedgerRow('x', { title: '山林纠纷', village: 'hongyan' }),
      sampleLedgerRow('y', { title: '山林纠纷' }),
    ];
    expect(names(run(titled, { village: 'hongyan' }, '山林').rows)).toEqual(['case:x']);
  });
});

describe('the needs-review filter', () => {
  it('L-REVIEW-1: "needs review" keeps the rows whose case needs review, and counts them like any filter', () => {
    const list = [
      sampleLedgerRow('r1', { needsReview: true, village: 'hongyan' }),
      sampleLedgerRow('r2', { needsReview: false }),
      sampleLedgerRow('r3', { needsReview: true }),
    ];
    expect(names(run(list, { review: 'needed' }).rows).sort()).toEqual(['case:r1', 'case:r3']);
    expect(names(run(list, { review: 'clear' }).rows)).toEqual(['case:r2']);
    // the count beside it keeps the other filters
    const { counts } = run(list, { village: 'jiangting' });
    expect(counts.review).toEqual(
      new Map([
        ['clear', 1],
        ['needed', 1],
      ]),
    );
  });
});

describe('filtering by how a case came to light', () => {
  it('C-DOC-6, L-LEDGER-2: the source is a filter like the type; a case recorded before it was asked has none', () => {
    const list = [
      sampleLedgerRow('s1', { source: 'hotline12345' }),
      sampleLedgerRow('s2', { source: 'visit' }),
      sampleLedgerRow('s3', { source: 'hotline12345', village: 'hongyan' }),
      sampleLedgerRow('s4'),
    ];
    expect(names(run(list, { source: 'hotline12345' }).rows).sort()).toEqual(['case:s1', 'case:s3']);
    expect(names(run(list, { source: 'none' }).rows)).toEqual(['case:s4']);
    expect(run(list, { village: 'jiangting' }).counts.source).toEqual(
      new Map([
        ['hotline12345', 1],
        ['visit', 1],
        ['none', 1],
      ]),
    );
  });
});

describe('sorting the ledger', () => {
  it('L-LEDGER-2: by last change, creation, risk or the soonest deadline', () => {
    expect(names(run(rows, {}).rows)).toEqual(['case:b', 'case:c', 'case:a', 'case:e', 'case:d']);
    expect(names(run(rows, {}, '', 'risk').rows)).toEqual(['case:c', 'case:a', 'case:b', 'case:e', 'case:d']);
    expect(names(run(rows, {}, '', 'created').rows)[0]).toBe('case:e');
    // the closed case c and the undispatched e are due nothing, so they come last
    expect(names(run(rows, {}, '', 'deadline').rows)).toEqual([
      'case:d',
      'case:a',
      'case:b',
      'case:c',
      'case:e',
    ]);
  });
});

describe('sorting ties', () => {
  it('L-LEDGER-2: cases changed at the same moment come newest recorded first, then by name', () => {
    const tied = [
      sampleLedgerRow('old', { createdAt: 1, updatedAt: 9 }),
      sampleLedgerRow('new', { createdAt: 5, updatedAt: 9 }),
      sampleLedgerRow('b', { createdAt: 5, updatedAt: 9 }),
    ];
    expect(names(run(tied, {}).rows)).toEqual(['case:b', 'case:new', 'case:old']);
  });
});

describe('counting the ledger', () => {
  it('L-LEDGER-4: each value counts the rows it would show, the other filters kept', () => {
    const { counts } = run(rows, { village: 'jiangting' });
    // the village facet ignores its own choice, so the other villages still say how many they hold
    expect(counts.village).toEqual(
      new Map([
        ['jiangting', 2],
        ['hongyan', 2],
        ['none', 1],
      ]),
    );
    expect(counts.stage).toEqual(
      new Map([
        ['dispatched', 1],
        ['handling', 1],
      ]),
    );
    expect(counts.mine.get('mine')).toBe(2);
  });
});

const arbitraryRow = fc
  .record({
    village: fc.constantFrom('jiangting', 'hongyan', 'pingzhai', null),
    stage: fc.constantFrom(...stages),
    level: fc.constantFrom(...escalationLevels),
    risk: fc.constantFrom(...riskGrades, null),
    handler: fc.constantFrom('me', 'other', null),
    deadline: fc.option(fc.integer({ min: now - 10 * day, max: now + 10 * day })),
    updatedAt: fc.integer({ min: 0, max: 1000 }),
    title: fc.constantFrom('王某山林纠纷', '欠薪', '土地承包', '滴水'),
    needsReview: fc.boolean(),
  })
  .map((fields) => fields);
const arbitraryRows = fc
  .array(arbitraryRow, { maxLength: 30 })
  .map((list) => list.map((fields, i) => sampleLedgerRow(`r${i}`, fields)));
const arbitraryFilters: fc.Arbitrary<LedgerFilters> = fc.record(
  {
    village: fc.constantFrom('jiangting', 'hongyan', 'none'),
    stage: fc.constantFrom(...stages),
    risk: fc.constantFrom(...riskGrades, 'none'),
    level: fc.constantFrom(...escalationLevels),
    deadline: fc.constantFrom('overdue', 'dueSoon', 'onTime', 'none'),
    mine: fc.constantFrom('mine', 'others'),
    review: fc.constantFrom('needed', 'clear'),
  },
  { requiredKeys: [] },
);
const arbitraryText = fc.constantFrom('', '山林', '王某', '纠纷 王某', '欠', 'zz');

describe('properties of the ledger query', () => {
  it('L-LEDGER-2: what a query shows is a subset of the rows, and of what the text alone shows', () => {
    fc.assert(
      fc.property(arbitraryRows, arbitraryFilters, arbitraryText, (list, filters, text) => {
        const shown = new Set(names(run(list, filters, text).rows));
        const byText = new Set(names(run(list, {}, text).rows));
        for (const name of shown) expect(byText.has(name)).toBe(true);
        expect(byText.size).toBeLessThanOrEqual(list.length);
      }),
    );
  });

  it('L-LEDGER-2: filters commute: applying them one after the other, in any order, shows the same rows', () => {
    fc.assert(
      fc.property(
        arbitraryRows,
        arbitraryFilters,
        fc.shuffledSubarray([...facets], { minLength: facets.length }),
        (list, filters, order) => {
          const all = names(run(list, filters).rows).sort();
          let remaining = list;
          for (const facet of order) {
            const value = filters[facet];
            if (value !== undefined) remaining = run(remaining, { [facet]: value }).rows;
          }
          expect(names(remaining).sort()).toEqual(all);
        },
      ),
    );
  });

  it('L-LEDGER-4: a value’s count is the number of rows shown when it is chosen', () => {
    fc.assert(
      fc.property(
        arbitraryRows,
        arbitraryFilters,
        arbitraryText,
        fc.constantFrom(...facets),
        (list, filters, text, facet) => {
          const { counts } = run(list, filters, text);
          for (const [value, count] of counts[facet]) {
            expect(run(list, { ...filters, [facet]: value }, text).rows).toHaveLength(count);
          }
        },
      ),
    );
  });

  it('L-LEDGER-2: every sort shows the same rows, only in another order', () => {
    fc.assert(
      fc.property(arbitraryRows, arbitraryFilters, (list, filters) => {
        const shown = sortKeys.map((sort) => names(run(list, filters, '', sort).rows).sort());
        for (const each of shown) expect(each).toEqual(shown[0]);
      }),
    );
  });
});

describe('deadline reminders', () => {
  it('W-REMIND-1: only the person’s own open cases that are overdue or due soon, overdue first', () => {
    const reminders = remindersFor(rows, me);
    expect(reminders.map((r) => [r.row.name, r.status])).toEqual([
      ['case:a', 'overdue'],
      ['case:b', 'dueSoon'],
    ]);
    expect(remindersFor(rows, { now, me: null })).toEqual([]);
  });

  it('L-MINE-1, W-REMIND-1: a grid worker is reminded of the late cases of their grid, and of no other grid', () => {
    const late = (id: string, grid: string | null, deadline: number) =>
      sampleLedgerRow(id, { grid, stage: 'dispatched', handler: 'someone-else', deadline });
    const list = [late('r1', 'jiangting-1', now - day), late('r2', 'jiangting-2', now - day)];
    list.push(late('r3', 'jiangting-1', now + day), late('r4', null, now - day));
    const reminders = remindersFor(list, { now, me: { id: 'walker', agency: null, grid: 'jiangting-1' } });
    expect(reminders.map((r) => [r.row.name, r.status])).toEqual([
      ['case:r1', 'overdue'],
      ['case:r3', 'dueSoon'],
    ]);
  });
});
