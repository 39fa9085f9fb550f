import { isCaseSource } from '@concord/shared/cases/case-source.ts';
import { isDisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { LedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { noValue, rowDeadlineStatus, type Facet, type SortKey } from '@concord/shared/ledger/query.ts';
import { caseSourceKey, disputeTypeKey, villageName } from '../i18n/labels.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';

/** The words for a facet's value in the interface language; a value this version does not know shows as stored. */
export function facetValueLabel(facet: Facet, value: string, locale: Locale): string {
  const key = facetValueKey(facet, value);
  if (key) return translate(locale, key);
  if (facet === 'village') return villageName(value, locale);
  return value;
}

function facetValueKey(facet: Facet, value: string): MessageKey | null {
  switch (facet) {
    case 'village':
      return value === noValue ? 'ledger_village_none' : null;
    case 'disputeType':
      if (value === noValue) return 'ledger_type_none';
      return isDisputeType(value) ? disputeTypeKey(value) : null;
    case 'source':
      if (value === noValue) return 'ledger_source_none';
      return isCaseSource(value) ? caseSourceKey(value) : null;
    case 'risk':
      return known(`ledger_risk_${value}`);
    case 'stage':
      return known(`ledger_stage_${value}`);
    case 'level':
      return known(`ledger_level_${value}`);
    case 'deadline':
      return known(`ledger_deadline_${value}`);
    case 'mine':
      return value === 'mine' ? 'ledger_mine' : null;
    case 'review':
      return value === 'needed' ? 'ledger_needs_review' : null;
  }
}

const ledgerKeys = new Set<string>([
  'ledger_risk_low',
  'ledger_risk_medium',
  'ledger_risk_high',
  'ledger_risk_criminal',
  'ledger_risk_none',
  'ledger_stage_reported',
  'ledger_stage_registered',
  'ledger_stage_dispatched',
  'ledger_stage_handling',
  'ledger_stage_closed',
  'ledger_stage_evaluated',
  'ledger_level_village',
  'ledger_level_town',
  'ledger_level_county',
  'ledger_deadline_overdue',
  'ledger_deadline_dueSoon',
  'ledger_deadline_onTime',
  'ledger_deadline_none',
] satisfies MessageKey[]);

function known(key: string): MessageKey | null {
  return ledgerKeys.has(key) ? (key as MessageKey) : null;
}

/** The facets chosen from a list; "mine" and "needs review" are a tick each. */
export type ListFacet = Exclude<Facet, 'mine' | 'review'>;

export const facetLabelKeys: Record<ListFacet, MessageKey> = {
  village: 'ledger_filter_village',
  disputeType: 'ledger_filter_type',
  source: 'ledger_filter_source',
  risk: 'ledger_filter_risk',
  stage: 'ledger_filter_stage',
  level: 'ledger_filter_level',
  deadline: 'ledger_filter_deadline',
};

export const sortLabelKeys: Record<SortKey, MessageKey> = {
  updated: 'ledger_sort_updated',
  created: 'ledger_sort_created',
  deadline: 'ledger_sort_deadline',
  risk: 'ledger_sort_risk',
};

/** The date a row shows and what it is (SPEC L-DATE-1). */
export interface RowDate {
  key: 'ledger_date_updated' | 'ledger_date_created' | 'ledger_date_deadline';
  at: number;
}

/**
 * The date a ledger row shows, named (SPEC L-DATE-1): the one the list is sorted by (recorded, or the deadline of
 * an open dispatch), else the last change; a row without the date sorted by shows its last change, named so.
 */
export function rowDate(
  row: Pick<LedgerRow, 'createdAt' | 'updatedAt' | 'deadline' | 'stage'>,
  sort: SortKey,
  now: number,
): RowDate {
  if (sort === 'created' && row.createdAt !== null) return { key: 'ledger_date_created', at: row.createdAt };
  if (sort === 'deadline' && row.deadline !== null && rowDeadlineStatus(row, now) !== 'none')
    return { key: 'ledger_date_deadline', at: row.deadline };
  return { key: 'ledger_date_updated', at: row.updatedAt };
}
