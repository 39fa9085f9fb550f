import { describe, expect, it } from 'vitest';
import { sampleLedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { likelyDuplicates, titleSimilarity } from './duplicates.ts';

const boundary = sampleLedgerRow('boundary', {
  title: '王某与刘某山林地界纠纷',
  village: 'jiangting',
  parties: ['王某', '刘某'],
});
const wages = sampleLedgerRow('wages', { title: '村道硬化工程欠薪纠纷(涉及8名村民)', village: 'jiangting' });
const eaves = sampleLedgerRow('eaves', {
  title: '张某与李某宅基地滴水纠纷',
  village: 'hongyan',
  parties: ['张某', '李某'],
});
const rows = [boundary, wages, eaves];
const names = (title: string, village: string) =>
  likelyDuplicates({ title, village }, rows).map((duplicate) => duplicate.row.name);

describe('likely duplicates of a new case', () => {
  it('W-DUP-1: a case of the same village naming the same parties is a likely duplicate', () => {
    expect(names('刘某、王某后山杉木林界线争议', 'jiangting')).toEqual(['case:boundary']);
  });

  it('W-DUP-1: the names a title gives (王某) count as the parties, whatever the parties’ full names', () => {
    const named = sampleLedgerRow('named', {
      title: '王某与刘某山林地界纠纷',
      village: 'pingzhai',
      parties: ['王德明', '刘光荣'],
    });
    const found = likelyDuplicates({ title: '刘某与王某后山山林地界争议', village: 'pingzhai' }, [named]);
    expect(found.map((d) => d.row.name)).toEqual(['case:named']);
  });

  it('W-DUP-1: a very similar title in the same village is a likely duplicate, parties or not', () => {
    expect(names('村道硬化工程拖欠工资纠纷', 'jiangting')).toEqual(['case:wages']);
    expect(titleSimilarity('王某与刘某山林地界纠纷', '王某与刘某山林地界纠纷。')).toBe(1);
  });

  it('W-DUP-1: the same parties or title in another village is another case', () => {
    expect(names('王某与刘某山林地界纠纷', 'hongyan')).toEqual([]);
  });

  it('W-DUP-1: a title sharing only common words or one name is not taken for a duplicate', () => {
    expect(names('王某家庭纠纷', 'jiangting')).toEqual([]);
    expect(names('刘某与赵某宅基地纠纷', 'hongyan')).toEqual([]);
    // the same two 某 names in a title about something else
    const bitten = sampleLedgerRow('bitten', { title: '王某家犬只咬伤刘某赔偿纠纷', village: 'jiangting' });
    expect(likelyDuplicates({ title: '王某与刘某山林地界纠纷', village: 'jiangting' }, [bitten])).toEqual([]);
    expect(names('', 'jiangting')).toEqual([]);
  });
});
