import { facets, sortKeys, type LedgerFilters, type SortKey } from '@concord/shared/ledger/query.ts';

/**
 * What the person chose on the ledger, kept in the page's address: coming back from a case shows the same rows,
 * and an address sent to a colleague opens the same view. `q` is the search, `sort` the order, each filter its
 * facet's name.
 */
export interface LedgerChoice {
  filters: LedgerFilters;
  text: string;
  sort: SortKey;
}

export const defaultSort: SortKey = 'updated';

export function choiceToParams(choice: LedgerChoice): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.text.trim() !== '') params.set('q', choice.text);
  for (const facet of facets) {
    const value = choice.filters[facet];
    if (value !== undefined) params.set(facet, value);
  }
  if (choice.sort !== defaultSort) params.set('sort', choice.sort);
  return params;
}

/** Reads a choice back; a parameter this version does not know is ignored, an unknown sort is the default. */
export function choiceFromParams(params: Pick<URLSearchParams, 'get'>): LedgerChoice {
  const filters: LedgerFilters = {};
  for (const facet of facets) {
    const value = params.get(facet);
    if (value !== null && value !== '') filters[facet] = value;
  }
  const sort = sortKeys.find((key) => key === params.get('sort')) ?? defaultSort;
  return { filters, text: params.get('q') ?? '', sort };
}
