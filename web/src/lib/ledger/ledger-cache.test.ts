import { describe, expect, it, vi } from 'vitest';
import { sampleLedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { decodeLedgerCache, encodeLedgerCache } from './ledger-cache.ts';

const rows = [
  sampleLedgerRow('aaaa', { title: '王某与刘某山林地界纠纷', parties: ['王某', '刘某'], risk: 'high' }),
  sampleLedgerRow('bbbb', { village: null, risk: null, deadline: 5, handler: 'demo-cadre1', leaders: ['x'] }),
];

/** The columns rows gained for the statistics, last of all. */
const statisticsColumns = ['registeredAt', 'closedAt', 'reopenings', 'satisfaction'];
/**
 * The columns rows gained with joint meetings, then with how the case came to light, then with the parties' phone
 * numbers, then for the statistics.
 */
const meetingColumns = [
  'attemptsAtLevel',
  'spansVillages',
  'openActions',
  'nextActionDue',
  'source',
  'contacts',
  ...statisticsColumns,
];

describe('the ledger kept on the device', () => {
  it('L-LEDGER-5: rows stored are read back the same, with when the server sent them', () => {
    expect(decodeLedgerCache(encodeLedgerCache(rows, 77))).toEqual({ rows, savedAt: 77, dropped: 0 });
  });

  it('L-LEDGER-5: rows are stored as arrays, so field names are not repeated for each row', () => {
    const stored = encodeLedgerCache(rows, 0);
    expect(stored.match(/"title"/g)).toHaveLength(1);
  });

  it('L-LEDGER-5: a row this version cannot read is left out and counted, the others kept', () => {
    const stored = JSON.parse(encodeLedgerCache(rows, 1)) as { rows: unknown[][] };
    const [first, second] = stored.rows;
    if (!first || !second) throw new Error('two rows were stored');
    second[5] = 'a stage from the future';
    const read = decodeLedgerCache(JSON.stringify(stored));
    expect(read.rows).toEqual([rows[0]]);
    expect(read.dropped).toBe(1);
  });

  it('L-LEDGER-5: rows kept before rows had a grid still read, with no grid, until the server sends them again', () => {
    const gridded = [sampleLedgerRow('cccc', { grid: 'jiangting-1' })];
    const stored = JSON.parse(encodeLedgerCache(gridded, 3)) as { columns: string[]; rows: unknown[][] };
    const before = {
      ...stored,
      columns: stored.columns.filter(
        (column) => column !== 'grid' && column !== 'needsReview' && !meetingColumns.includes(column),
      ),
      rows: stored.rows.map((tuple) => tuple.slice(0, -12)),
    };
    expect(decodeLedgerCache(JSON.stringify(before)).rows).toEqual([sampleLedgerRow('cccc')]);
  });

  it('L-REVIEW-1, L-LEDGER-5: rows kept before rows said whether they need review read as not needing it', () => {
    const flagged = [sampleLedgerRow('dddd', { grid: 'jiangting-1', needsReview: true })];
    expect(decodeLedgerCache(encodeLedgerCache(flagged, 3)).rows).toEqual(flagged);
    const stored = JSON.parse(encodeLedgerCache(flagged, 3)) as { columns: string[]; rows: unknown[][] };
    const before = {
      ...stored,
      columns: stored.columns.filter(
        (column) => column !== 'needsReview' && !meetingColumns.includes(column),
      ),
      rows: stored.rows.map((tuple) => tuple.slice(0, -11)),
    };
    expect(decodeLedgerCache(JSON.stringify(before)).rows).toEqual([
      sampleLedgerRow('dddd', { grid: 'jiangting-1', needsReview: false }),
    ]);
  });

  it('M-LINK-1, L-LEDGER-5: rows kept before rows told of meetings read as having no action items', () => {
    const acted = [
      sampleLedgerRow('eeee', { openActions: 2, nextActionDue: '2026-12-01', attemptsAtLevel: 3 }),
    ];
    expect(decodeLedgerCache(encodeLedgerCache(acted, 3)).rows).toEqual(acted);
    const stored = JSON.parse(encodeLedgerCache(acted, 3)) as { columns: string[]; rows: unknown[][] };
    const before = {
      ...stored,
      columns: stored.columns.filter((column) => !meetingColumns.includes(column)),
      rows: stored.rows.map((tuple) => tuple.slice(0, -10)),
    };
    expect(decodeLedgerCache(JSON.stringify(before)).rows).toEqual([sampleLedgerRow('eeee')]);
  });

  it('C-DOC-6, L-LEDGER-5: rows kept before rows said how the case came to light read as not saying', () => {
    const found = [sampleLedgerRow('ffff', { source: 'hotline12345', openActions: 1 })];
    expect(decodeLedgerCache(encodeLedgerCache(found, 3)).rows).toEqual(found);
    const stored = JSON.parse(encodeLedgerCache(found, 3)) as { columns: string[]; rows: unknown[][] };
    const before = {
      ...stored,
      columns: stored.columns.filter(
        (column) => column !== 'source' && column !== 'contacts' && !statisticsColumns.includes(column),
      ),
      rows: stored.rows.map((tuple) => tuple.slice(0, -6)),
    };
    expect(decodeLedgerCache(JSON.stringify(before)).rows).toEqual([
      sampleLedgerRow('ffff', { openActions: 1 }),
    ]);
  });

  it('L-LEDGER-7, L-LEDGER-5: rows kept before rows carried phone numbers read as carrying none', () => {
    const phoned = [sampleLedgerRow('gggg', { contacts: ['139****2231'] })];
    expect(decodeLedgerCache(encodeLedgerCache(phoned, 3)).rows).toEqual(phoned);
    const stored = JSON.parse(encodeLedgerCache(phoned, 3)) as { columns: string[]; rows: unknown[][] };
    const before = {
      ...stored,
      columns: stored.columns.filter(
        (column) => column !== 'contacts' && !statisticsColumns.includes(column),
      ),
      rows: stored.rows.map((tuple) => tuple.slice(0, -5)),
    };
    expect(decodeLedgerCache(JSON.stringify(before)).rows).toEqual([sampleLedgerRow('gggg')]);
  });

  it('L-STATS-1, L-LEDGER-5: rows kept before rows carried what the statistics count read as not saying', () => {
    const closed = [
      sampleLedgerRow('gggg', { registeredAt: 1, closedAt: 2, reopenings: 1, satisfaction: 4 }),
    ];
    expect(decodeLedgerCache(encodeLedgerCache(closed, 3)).rows).toEqual(closed);
    const stored = JSON.parse(encodeLedgerCache(closed, 3)) as { columns: string[]; rows: unknown[][] };
    const before = {
      ...stored,
      columns: stored.columns.filter((column) => !statisticsColumns.includes(column)),
      rows: stored.rows.map((tuple) => tuple.slice(0, -4)),
    };
    expect(decodeLedgerCache(JSON.stringify(before)).rows).toEqual([sampleLedgerRow('gggg')]);
  });

  it('L-LEDGER-5: nothing stored, not JSON, another version or other columns read as no rows', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stored = JSON.parse(encodeLedgerCache(rows, 1)) as { version: number; columns: string[] };
    const nothing = { rows: [], savedAt: null, dropped: 0 };
    expect(decodeLedgerCache(null)).toEqual(nothing);
    expect(decodeLedgerCache('{oops')).toEqual(nothing);
    expect(decodeLedgerCache(JSON.stringify({ ...stored, version: 2 }))).toEqual(nothing);
    expect(decodeLedgerCache(JSON.stringify({ ...stored, columns: [...stored.columns].reverse() }))).toEqual(
      nothing,
    );
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
