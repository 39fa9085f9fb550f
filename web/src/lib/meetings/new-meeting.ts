import { findVillage } from '@concord/shared/org/jurisdiction.ts';
import { newMeetingSchema, type NewMeetingFields } from '@concord/shared/meetings/meeting-parts.ts';
import type { MessageKey } from '../i18n/translate.ts';

export interface NewMeetingInput {
  kind: string;
  title: string;
  date: string;
  /** `''` for none. */
  time: string;
  place: string;
  /** `''` for none. */
  village: string;
  invited: string[];
}

export type NewMeetingErrors = Partial<Record<keyof NewMeetingInput, MessageKey>>;

const messages: Record<keyof NewMeetingInput, MessageKey> = {
  kind: 'new_meeting_kind_required',
  title: 'new_meeting_title_required',
  date: 'new_meeting_date_required',
  time: 'new_meeting_time_invalid',
  place: 'new_meeting_place_too_long',
  village: 'new_meeting_village_required',
  invited: 'new_meeting_kind_required',
};

/**
 * Checks the new-meeting form with the shared schema; each refusal is a message key the form shows beside its
 * field, and nothing is created (SPEC W-FORM-1). A village deliberation needs its village.
 */
export function validateNewMeeting(
  input: NewMeetingInput,
): { ok: true; value: NewMeetingFields } | { ok: false; errors: NewMeetingErrors } {
  const isDeliberation = input.kind === 'villageDeliberation';
  const parsed = newMeetingSchema.safeParse({
    ...input,
    time: input.time === '' ? null : input.time,
    village: isDeliberation && input.village !== '' ? input.village : null,
  });
  const errors: NewMeetingErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !(field in messages) || errors[field as keyof NewMeetingInput])
        continue;
      const key = field as keyof NewMeetingInput;
      errors[key] =
        key === 'title' && issue.code === 'too_big' ? 'new_meeting_title_too_long' : messages[key];
    }
  }
  if (isDeliberation && !findVillage(input.village)) errors.village = 'new_meeting_village_required';
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
