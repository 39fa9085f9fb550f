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

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a person counts them: an emoji, even one made of several code points, is one. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/** Checks the new-case form; each refusal is a message key the form shows beside its field. */
export function validateNewCase(
  input: NewCaseInput,
): { ok: true; value: ValidNewCase } | { ok: false; errors: NewCaseErrors } {
  const errors: NewCaseErrors = {};
  const title = input.title.trim();
  if (title.length === 0) errors.title = 'new_case_title_required';
  else if (characterCount(title) > maxTitleLength) errors.title = 'new_case_title_too_long';
  const village = findVillage(input.village);
  if (!village) errors.village = 'new_case_village_required';
  const disputeType = isDisputeType(input.disputeType) ? input.disputeType : 'other';
  if (!village || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { title, village: village.id, disputeType } };
}
