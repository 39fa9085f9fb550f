import { isDisputeType, type DisputeType } from '@concord/shared/cases/dispute-type.ts';
import { findVillage, type VillageId } from '@concord/shared/org/jurisdiction.ts';
import type { MessageKey } from '../i18n/translate.ts';

export const maxTitleLength = 120;

export interface NewCaseInput {
  title: string;
  village: string;
  disputeType: string;
}

export interface ValidNewCase {
  title: string;
  village: VillageId;
  disputeType: DisputeType;
}

export type NewCaseErrors = Partial<Record<keyof NewCaseInput, MessageKey>>;

/** Checks the new-case form; each refusal is a message key the form shows beside its field. */
export function validateNewCase(
  input: NewCaseInput,
): { ok: true; value: ValidNewCase } | { ok: false; errors: NewCaseErrors } {
  const errors: NewCaseErrors = {};
  const title = input.title.trim();
  if (title.length === 0) errors.title = 'new_case_title_required';
  // counted in characters as a person counts them, so an emoji is one, not two
  else if ([...title].length > maxTitleLength) errors.title = 'new_case_title_too_long';
  const village = findVillage(input.village);
  if (!village) errors.village = 'new_case_village_required';
  const disputeType = isDisputeType(input.disputeType) ? input.disputeType : 'other';
  if (!village || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, village: village.id, disputeType } };
}
