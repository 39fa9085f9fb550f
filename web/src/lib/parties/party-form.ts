import { partyFieldsSchema, type PartyFields, type PartyRole } from '@concord/shared/cases/parties.ts';
import { demoVillages } from '@concord/shared/org/jurisdiction.ts';
import { villageName } from '../i18n/labels.ts';
import type { Locale, MessageKey } from '../i18n/translate.ts';

export interface PartyInput {
  name: string;
  village: string;
  contact: string;
  role: string;
}

export type PartyErrors = Partial<Record<keyof PartyInput, MessageKey>>;

/** Checks a party form; each refusal is a message key shown beside its field (SPEC W-FORM-1). */
export function validateParty(
  input: PartyInput,
): { ok: true; value: PartyFields } | { ok: false; errors: PartyErrors } {
  const errors: PartyErrors = {};
  if (input.name.trim() === '') errors.name = 'party_name_required';
  else if (input.name.trim().length > 100) errors.name = 'party_too_long';
  if (input.village.length > 100) errors.village = 'party_too_long';
  if (input.contact.length > 100) errors.contact = 'party_too_long';
  const parsed = partyFieldsSchema.safeParse({ ...input, name: input.name.trim() });
  if (!parsed.success && Object.keys(errors).length === 0) errors.role = 'party_role_required';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

export const roleKeys = {
  applicant: 'party_role_applicant',
  respondent: 'party_role_respondent',
  other: 'party_role_other',
} as const satisfies Record<PartyRole, MessageKey>;

/**
 * What to store for the place a person typed for a party: a village of the town, named in either language, is
 * stored as its id, so it reads in the reader's language everywhere (SPEC C-PARTY-2); anything else as typed.
 */
export function placeFromInput(typed: string): string {
  const place = typed.trim();
  const village = demoVillages.find(
    (v) => v.name.zh === place || v.name.en.toLowerCase() === place.toLowerCase(),
  );
  return village ? village.id : place;
}

/** The town's villages, as the place field offers them in `locale`. */
export function placeChoices(locale: Locale): string[] {
  return demoVillages.map((village) => villageName(village.id, locale));
}
