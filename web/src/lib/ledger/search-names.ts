import { disputeTypes, isDisputeType, type DisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { LedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { disputeTypeKey } from '../i18n/labels.ts';
import { locales, translate } from '../i18n/translate.ts';

/** Each type's names, looked up once: the index asks for them for every row. */
const typeNames = new Map<DisputeType, readonly string[]>(
  disputeTypes.map((type) => [type, locales.map((locale) => translate(locale, disputeTypeKey(type)))]),
);

/**
 * The words the device adds to a ledger row for search (SPEC L-LEDGER-6): the dispute type's name in every
 * interface language (欠资 finds 欠资欠薪, "wages" finds Unpaid wages) and the handler's name from the staff
 * directory. `nameOf` answers the account id itself when the directory does not know the person.
 */
export function searchNamesFor(
  nameOf: (id: string) => string,
): (row: Pick<LedgerRow, 'disputeType' | 'handler'>) => string[] {
  return (row) => {
    const names: string[] = [];
    if (isDisputeType(row.disputeType)) names.push(...(typeNames.get(row.disputeType) ?? []));
    if (row.handler !== null) {
      const name = nameOf(row.handler);
      if (name !== row.handler) names.push(name);
    }
    return names;
  };
}
