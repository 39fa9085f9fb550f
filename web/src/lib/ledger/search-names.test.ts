import { describe, expect, it } from 'vitest';
import { sampleLedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { LedgerSearchIndex } from '@concord/shared/ledger/search-index.ts';
import { rowDate } from './ledger-labels.ts';
import { searchNamesFor } from './search-names.ts';

const day = 24 * 60 * 60 * 1000;
const staff = new Map([['demo-cadre1', '江亭村 陈书记']]);
const nameOf = (id: string) => staff.get(id) ?? id;

describe('what the device adds to search', () => {
  const rows = [
    sampleLedgerRow('wages', {
      title: '村道硬化工程欠薪纠纷',
      disputeType: 'unpaidWages',
      handler: 'demo-cadre1',
    }),
    sampleLedgerRow('land', { title: '土地承包纠纷', disputeType: 'land', handler: 'demo-someone' }),
    sampleLedgerRow('unknown', {
      title: '其他事项',
      disputeType: 'a type of a later version',
      handler: null,
    }),
  ];
  const index = new LedgerSearchIndex(rows, searchNamesFor(nameOf));
  const found = (query: string) => index.matches(query)?.map((position) => rows[position]?.name) ?? null;

  it('L-LEDGER-6: a dispute type is found by its name in either language, or a part of it', () => {
    expect(found('欠资')).toEqual(['case:wages']);
    expect(found('欠资欠薪')).toEqual(['case:wages']);
    expect(found('wages')).toEqual(['case:wages']);
    expect(found('Unpaid')).toEqual(['case:wages']);
    expect(found('土地纠纷')).toEqual(['case:land']);
  });

  it('L-LEDGER-6: a handler is found by the name the staff directory gives, not an id it does not know', () => {
    expect(found('陈书记')).toEqual(['case:wages']);
    expect(searchNamesFor(nameOf)({ disputeType: 'land', handler: 'demo-someone' })).not.toContain(
      'demo-someone',
    );
    expect(searchNamesFor(nameOf)({ disputeType: null, handler: null })).toEqual([]);
  });
});

describe('the date a ledger row shows', () => {
  const now = Date.UTC(2026, 10, 23);
  const row = sampleLedgerRow('a', {
    createdAt: now - 30 * day,
    updatedAt: now - 2 * day,
    deadline: now + 5 * day,
    stage: 'dispatched',
  });

  it('L-DATE-1: the date the list is sorted by, named; else the last change', () => {
    expect(rowDate(row, 'updated', now)).toEqual({ key: 'ledger_date_updated', at: now - 2 * day });
    expect(rowDate(row, 'risk', now)).toEqual({ key: 'ledger_date_updated', at: now - 2 * day });
    expect(rowDate(row, 'created', now)).toEqual({ key: 'ledger_date_created', at: now - 30 * day });
    expect(rowDate(row, 'deadline', now)).toEqual({ key: 'ledger_date_deadline', at: now + 5 * day });
  });

  it('L-DATE-1: a row without the date sorted by shows its last change, named so', () => {
    const closed = { ...row, stage: 'closed' as const };
    expect(rowDate(closed, 'deadline', now).key).toBe('ledger_date_updated');
    expect(rowDate({ ...row, createdAt: null }, 'created', now).key).toBe('ledger_date_updated');
  });
});
