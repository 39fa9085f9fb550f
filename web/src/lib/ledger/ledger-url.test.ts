import { describe, expect, it } from 'vitest';
import { choiceFromParams, choiceToParams, type LedgerChoice } from './ledger-url.ts';

describe('the ledger view in the address', () => {
  it('L-LEDGER-2: filters, search and sort are written to the address and read back the same', () => {
    const choice: LedgerChoice = {
      filters: { village: 'hongyan', stage: 'dispatched', mine: 'mine' },
      text: '山林 王某',
      sort: 'deadline',
    };
    const params = choiceToParams(choice);
    expect(params.toString()).toBe(
      'q=%E5%B1%B1%E6%9E%97+%E7%8E%8B%E6%9F%90&village=hongyan&stage=dispatched&mine=mine&sort=deadline',
    );
    expect(choiceFromParams(params)).toEqual(choice);
  });

  it('L-REVIEW-1: the needs-review filter is kept in the address', () => {
    const choice: LedgerChoice = { filters: { review: 'needed' }, text: '', sort: 'updated' };
    expect(choiceToParams(choice).toString()).toBe('review=needed');
    expect(choiceFromParams(new URLSearchParams('review=needed'))).toEqual(choice);
  });

  it('L-LEDGER-2: nothing chosen is an empty address; unknown parameters and sorts are ignored', () => {
    expect(choiceToParams({ filters: {}, text: ' ', sort: 'updated' }).toString()).toBe('');
    expect(choiceFromParams(new URLSearchParams('colour=red&sort=sideways&risk='))).toEqual({
      filters: {},
      text: '',
      sort: 'updated',
    });
  });
});
