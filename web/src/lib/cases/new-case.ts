import type { PublicUser } from '@concord/shared/auth/user.ts';
import { caseSourceSchema, type CaseSource } from '@concord/shared/cases/case-source.ts';
import { isDisputeType, type DisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { PartyFields } from '@concord/shared/cases/parties.ts';
import { findGrid, findVillage, type VillageId } from '@concord/shared/org/jurisdiction.ts';
import type { MessageKey } from '../i18n/translate.ts';

export const maxTitleLength = 120;
/** A party's name and contact, as the case's parties keep them. */
export const maxPartyFieldLength = 100;
/** What happened, as told at the door; more goes into the notes afterwards. */
export const maxWhatHappenedLength = 2000;

/** What the new-case form holds, each as typed or chosen; `''` for nothing chosen or written. */
export interface NewCaseInput {
  title: string;
  village: string;
  grid: string;
  disputeType: string;
  /** How the case came to light (SPEC C-DOC-6). */
  source: string;
  partyName: string;
  partyContact: string;
  whatHappened: string;
}

export interface ValidNewCase {
  title: string;
  village: VillageId;
  grid: string | null;
  disputeType: DisputeType;
  source: CaseSource;
  /** The party met at the door, an applicant of the case's village, when a name was given. */
  firstParty: PartyFields | null;
  /** `''` for nothing told. */
  whatHappened: string;
}

export type NewCaseErrors = Partial<Record<keyof NewCaseInput, MessageKey>>;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a person counts them: an emoji, even one made of several code points, is one. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

/**
 * Checks the new-case form (SPEC W-FORM-1, W-NEWCASE-1); each refusal is a message key the form shows beside its
 * field. The type and how the case came to light are never guessed: nothing chosen is refused.
 */
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
  if (!isDisputeType(input.disputeType)) errors.disputeType = 'new_case_type_required';
  const source = caseSourceSchema.safeParse(input.source);
  if (!source.success) errors.source = 'new_case_source_required';
  const partyName = input.partyName.trim();
  const partyContact = input.partyContact.trim();
  if (characterCount(partyName) > maxPartyFieldLength) errors.partyName = 'new_case_too_long';
  if (characterCount(partyContact) > maxPartyFieldLength) errors.partyContact = 'new_case_too_long';
  else if (partyContact !== '' && partyName === '') errors.partyName = 'new_case_party_name_required';
  const whatHappened = input.whatHappened.trim();
  if (characterCount(whatHappened) > maxWhatHappenedLength) errors.whatHappened = 'new_case_too_long';
  if (!village || !isDisputeType(input.disputeType) || !source.success || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  const grid = input.grid === '' ? null : input.grid;
  const firstParty: PartyFields | null =
    partyName === ''
      ? null
      : { name: partyName, contact: partyContact, village: village.id, role: 'applicant' };
  return {
    ok: true,
    value: {
      title,
      village: village.id,
      grid,
      disputeType: input.disputeType,
      source: source.data,
      firstParty,
      whatHappened,
    },
  };
}

/** The limit a `new_case_too_long` refusal of `field` names. */
export function lengthLimit(field: keyof NewCaseInput): number {
  if (field === 'title') return maxTitleLength;
  return field === 'whatHappened' ? maxWhatHappenedLength : maxPartyFieldLength;
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
