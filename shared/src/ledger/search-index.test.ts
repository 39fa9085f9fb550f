import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleLedgerRow } from './ledger-row.ts';
import { LedgerSearchIndex, queryTerms, searchTextOf, termMatches } from './search-index.ts';

const rows = [
  sampleLedgerRow('boundary', {
    title: '王某与刘某山林地界纠纷',
    parties: ['王某', '刘某'],
    village: 'jiangting',
  }),
  sampleLedgerRow('wages', { title: '村道硬化工程欠薪纠纷(涉及8名村民)', village: 'jiangting' }),
  sampleLedgerRow('eaves', {
    title: '张某与李某宅基地滴水纠纷',
    parties: ['张某', '李某'],
    village: 'hongyan',
  }),
  sampleLedgerRow('land', { title: '平寨村三组土地承包经营权纠纷', village: 'pingzhai' }),
  sampleLedgerRow('english', {
    title: 'Boundary of the hillside FOREST',
    parties: ['Wang Wei'],
    village: null,
  }),
];
const index = new LedgerSearchIndex(rows);
const found = (query: string) => index.matches(query)?.map((position) => rows[position]?.name) ?? null;

describe('searching the ledger', () => {
  it('L-LEDGER-3: a word of a Chinese title finds the case, with no spaces in the title', () => {
    expect(found('山林')).toEqual(['case:boundary']);
    expect(found('欠薪')).toEqual(['case:wages']);
    expect(found('纠纷')).toHaveLength(4);
  });

  it('L-LEDGER-3: a name the segmenter cuts into characters is still asked for whole', () => {
    expect(queryTerms('王某')).toEqual([{ text: '王某', han: true }]);
    expect(found('王某')).toEqual(['case:boundary']);
    // 某 and 王 both occur in other rows' titles, but not together
    expect(found('李某')).toEqual(['case:eaves']);
  });

  it('L-LEDGER-3: words typed together are each looked for, wherever they stand, however the segmenter cuts them', () => {
    expect(queryTerms('山林纠纷')).toEqual([{ text: '山林纠纷', han: true }]);
    expect(found('山林纠纷')).toEqual(['case:boundary']);
    // Chromium's dictionary cuts this 刘|某地|界; as a run it is 刘某 and 地界, in either order
    expect(found('刘某地界')).toEqual(['case:boundary']);
    expect(found('地界刘某')).toEqual(['case:boundary']);
    expect(found('刘某 地界')).toEqual(['case:boundary']);
    expect(found('山林 欠薪')).toEqual([]);
    // a run of three is looked for whole: no cut of it leaves pieces of two
    expect(found('王刘某')).toEqual([]);
  });

  it('L-LEDGER-3: punctuation cuts a query into terms; a Chinese run and a word of another script are each looked for', () => {
    expect(queryTerms('王某、wang 8')).toEqual([
      { text: '王某', han: true },
      { text: 'wang', han: false },
      { text: '8', han: false },
    ]);
    expect(termMatches({ text: '某山', han: true }, '王某与刘某山林')).toBe(true);
    expect(termMatches({ text: 'ng w', han: false }, 'wang wei')).toBe(true);
  });

  it('L-LEDGER-3: parties and the village, in either language, are searched too', () => {
    expect(found('红岩')).toEqual(['case:eaves']);
    expect(found('hongyan village')).toEqual(['case:eaves']);
    expect(found('wang')).toEqual(['case:english']);
    expect(found('ｆｏｒｅｓｔ')).toEqual(['case:english']);
  });

  it('L-LEDGER-3: a query of no words matches everything; punctuation alone is no word', () => {
    expect(found('')).toBeNull();
    expect(found('  ,。 ')).toBeNull();
    expect(found('8')).toEqual(['case:wages']);
  });

  it('L-LEDGER-3: the index answers exactly what a scan of every row answers', () => {
    const alphabet = ['王', '某', '刘', '山', '林', '纠', '纷', '村', 'a', 'b', ' ', '与'];
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 20 }), text, (titles, query) => {
        const generated = titles.map((title, i) => sampleLedgerRow(`r${i}`, { title, village: null }));
        const terms = queryTerms(query);
        const scan = generated.flatMap((row, position) => {
          const haystack = searchTextOf(row);
          return terms.every((term) => termMatches(term, haystack)) ? [position] : [];
        });
        const answer = new LedgerSearchIndex(generated).matches(query);
        expect(answer).toEqual(terms.length === 0 ? null : scan);
      }),
      { numRuns: 300 },
    );
  });

  it('L-LEDGER-3: a row whose title holds what was typed, as typed, is always found', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('王', '某', '与', '刘', '山', '林', '纠', '纷', ' ', 'a', 'b', ','),
        }),
        fc.nat(),
        fc.nat(),
        (title, a, b) => {
          const [from, to] = [Math.min(a, b) % (title.length + 1), Math.max(a, b) % (title.length + 1)];
          const typed = title.slice(Math.min(from, to), Math.max(from, to));
          const index = new LedgerSearchIndex([sampleLedgerRow('only', { title, village: null })]);
          expect(index.matches(typed) ?? [0]).toEqual([0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('searching the ledger by what a case is given to', () => {
  const given = [
    sampleLedgerRow('wages', {
      title: '村道硬化工程欠薪纠纷',
      departments: ['labour'],
      handler: 'demo-centre1',
    }),
    sampleLedgerRow('land', { title: '土地承包纠纷', departments: ['naturalResources'], handler: null }),
    sampleLedgerRow('plain', { title: '邻里噪音纠纷', disputeType: 'neighbours' }),
  ];
  const at = (index: LedgerSearchIndex, query: string) =>
    index.matches(query)?.map((position) => given[position]?.name) ?? null;

  it('L-LEDGER-7: a fragment of a party’s phone number finds the case, masked digits never', () => {
    const phoned = [
      sampleLedgerRow('masked', { contacts: ['139****2231'] }),
      sampleLedgerRow('whole', { contacts: ['13800007310'] }),
    ];
    const index = new LedgerSearchIndex(phoned);
    const hit = (query: string) => index.matches(query)?.map((position) => phoned[position]?.name) ?? null;
    expect(hit('2231')).toEqual(['case:masked']);
    expect(hit('139')).toEqual(['case:masked']);
    expect(hit('0000')).toEqual(['case:whole']);
    expect(hit('13900002231')).toEqual([]);
  });

  it('L-LEDGER-6: a department’s name in either language finds its cases', () => {
    const index = new LedgerSearchIndex(given);
    expect(at(index, '劳动保障所')).toEqual(['case:wages']);
    expect(at(index, 'labour')).toEqual(['case:wages']);
    expect(at(index, '自然资源')).toEqual(['case:land']);
  });

  it('L-LEDGER-6: names the device adds (a type’s name, a handler’s) are searched like the rest', () => {
    const names = (row: (typeof given)[number]) =>
      row.handler === 'demo-centre1'
        ? ['综治中心 周主任']
        : row.disputeType === 'neighbours'
          ? ['邻里纠纷']
          : [];
    const index = new LedgerSearchIndex(given, names);
    expect(at(index, '周主任')).toEqual(['case:wages']);
    expect(at(index, '邻里')).toEqual(['case:plain']);
    // without them the index finds what the row carries only
    expect(at(new LedgerSearchIndex(given), '周主任')).toEqual([]);
    // the same answer as a scan of the same texts
    for (const query of ['周主任', '邻里', '纠纷', '劳动']) {
      const scanned = given.flatMap((row, i) => (searchTextOf(row, names).includes(query) ? [i] : []));
      expect(index.matches(query), query).toEqual(scanned);
    }
  });
});
