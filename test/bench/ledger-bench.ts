import { ledgerResponseSchema } from '../../shared/src/ledger/ledger-row.ts';
import { queryLedger, type LedgerQuery, type QueryContext } from '../../shared/src/ledger/query.ts';
import { LedgerSearchIndex } from '../../shared/src/ledger/search-index.ts';
import { decodeLedgerCache, encodeLedgerCache } from '../../web/src/lib/ledger/ledger-cache.ts';
import { searchNamesFor } from '../../web/src/lib/ledger/search-names.ts';
import { generateLedgerRows } from './ledger-rows.ts';

/**
 * The ledger's own benchmark (SPEC L-LEDGER-5): how long the device takes, with 5,000 cases, to store the rows the
 * server sent, to open the ledger from them, to index them for search, and to answer a filter and a Chinese
 * search. Runs in Node on the same code the page runs; a phone is several times slower, so the margins matter.
 */

const rowCount = 5000;
const repeats = 7;

/** The median time of `repeats` runs, after one run to warm up, and the last result. */
function time<T>(work: () => T): { ms: number; result: T } {
  let result = work();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? Number.NaN, result };
}

function line(what: string, ms: number, note = ''): void {
  console.log(`  ${what.padEnd(52)} ${ms.toFixed(2).padStart(8)} ms${note ? `  ${note}` : ''}`);
}

/** A staff directory as the device keeps it: the handlers of the generated rows have names (SPEC L-LEDGER-6). */
const staffNames = new Map<string, string>(
  Array.from({ length: 20 }, (_, i) => [`demo-user${i}`, `镇干部 ${i}号`] as const),
);
const names = searchNamesFor((id) => staffNames.get(id) ?? id);

export function runLedgerBench(): void {
  const now = Date.UTC(2026, 10, 23);
  const rows = generateLedgerRows(rowCount, now);
  const context: QueryContext = { now, me: { id: 'demo-user3', agency: null, grid: null } };
  console.log(`\nLedger benchmark: ${rowCount} cases (median of ${repeats} runs, Node ${process.version})`);

  const response = JSON.stringify({ rows });
  const received = time(() => ledgerResponseSchema.parse(JSON.parse(response)));
  line('read GET /api/ledger (parse + check)', received.ms, `${(response.length / 1024).toFixed(0)} K chars`);

  const stored = time(() => encodeLedgerCache(rows, now));
  const utf16 = stored.result.length * 2;
  line(
    'store on the device (serialize)',
    stored.ms,
    `${(stored.result.length / 1024).toFixed(0)} K chars (${(utf16 / 1024 / 1024).toFixed(2)} MiB as UTF-16; ` +
      `objects would be ${(response.length / 1024).toFixed(0)} K)`,
  );

  const opened = time(() => decodeLedgerCache(stored.result));
  if (opened.result.rows.length !== rowCount) throw new Error('the ledger did not read back whole');
  const parsedOnly = time(() => JSON.parse(stored.result) as unknown);
  line(
    'open the ledger from the device (parse + check)',
    opened.ms,
    `JSON.parse alone ${parsedOnly.ms.toFixed(2)} ms`,
  );

  const index = time(() => new LedgerSearchIndex(rows, names));
  line("make the search index (the rows' texts)", index.ms, `${rows.length} texts`);

  const run = (query: LedgerQuery) => time(() => queryLedger(rows, index.result, query, context));
  const first = run({ filters: {}, text: '', sort: 'updated' });
  line('no filter, newest first, count (the page opening)', first.ms, `${first.result.rows.length} rows`);
  line('  so the ledger shows offline after', opened.ms + index.ms + first.ms, 'open + texts + first query');
  // the keys wait for the first search
  const keys = time(() => new LedgerSearchIndex(rows, names).keyCount);
  line('build the search keys (at the first search)', keys.ms, `${keys.result} keys`);
  const filtered = run({
    filters: { village: 'jiangting', stage: 'dispatched' },
    text: '',
    sort: 'deadline',
  });
  line(
    'filter (village + stage), sort by deadline, count',
    filtered.ms,
    `${filtered.result.rows.length} rows`,
  );
  const overdue = run({ filters: { deadline: 'overdue', mine: 'mine' }, text: '', sort: 'risk' });
  line('filter (mine + overdue), sort by risk, count', overdue.ms, `${overdue.result.rows.length} rows`);
  const word = run({ filters: {}, text: '山林', sort: 'updated' });
  line('search 山林 (one word), count', word.ms, `${word.result.rows.length} rows`);
  const words = run({ filters: { village: 'hongyan' }, text: '王某 宅基地纠纷', sort: 'updated' });
  line('search 王某 宅基地纠纷 in one village, count', words.ms, `${words.result.rows.length} rows`);
  const typeName = run({ filters: {}, text: '欠资', sort: 'updated' });
  line("search 欠资 (a dispute type's name), count", typeName.ms, `${typeName.result.rows.length} rows`);
  const department = run({ filters: {}, text: '劳动保障所', sort: 'updated' });
  line(
    "search 劳动保障所 (a department's name), count",
    department.ms,
    `${department.result.rows.length} rows`,
  );
  const lookup = time(() => index.result.matches('山林')?.length ?? 0);
  line('  of which the index lookup for 山林', lookup.ms, `${lookup.result} rows`);
  const scan = time(() => rows.filter((row) => row.title.includes('山林')).length);
  line('  (for comparison: a scan of the titles alone)', scan.ms, `${scan.result} rows`);
}
