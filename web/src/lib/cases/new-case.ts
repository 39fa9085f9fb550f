import type { PublicUser } from '@concord/shared/auth/user.ts';
import { isDisputeType, type DisputeType } from '@concord/shared/cases/dispute-type.ts';
import { findGrid, findVillage, type VillageId } from '@concord/shared/org/jurisdiction.ts';
import type { MessageKey } from '../i18n/translate.ts';

export const maxTitleLength = 120;

export interface NewCaseInput {
  title: string;
  village: string;
  /** `''` for none. */
  grid: string;
  disputeType: string;
}

export interface ValidNewCase {
  title: string;
  village: VillageId;
  grid: string | null;
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
  else if (input.grid !== '' && !findGrid(village.id, input.grid))
    errors.grid = 'new_case_grid_not_in_village';
  const disputeType = isDisputeType(input.disputeType) ? input.disputeType : 'other';
  if (!village || Object.keys(errors).length > 0) return { ok: false, errors };
  const grid = input.grid === '' ? null : input.grid;
  return { ok: true, value: { title, village: village.id, grid, disputeType } };
}

/** Where the form places a new case at first: a grid worker's own village and grid (SPEC W-GRID-1), else nowhere. */
export function newCasePlace(user: Pick<PublicUser, 'village' | 'grid'> | null): {
  village: string;
  grid: string;
} {
  if (!user?.village || !user.grid || !findGrid(user.village, user.grid)) return { village: '', grid: '' };
  return { village: user.village, grid: user.grid };
}

/**
 * The grid once the village chosen changes: the one chosen while it is of that village, else the person's own
 * grid when it is, else none.
 */
export function gridForVillage(
  village: string,
  grid: string,
  user: Pick<PublicUser, 'village' | 'grid'> | null,
): string {
  if (grid !== '' && findGrid(village, grid)) return grid;
  const own = newCasePlace(user);
  return own.village === village ? own.grid : '';
}
