import { describe, expect, it } from 'vitest';
import { validateNewMeeting, type NewMeetingInput } from './new-meeting.ts';

const good: NewMeetingInput = {
  kind: 'topical',
  title: ' 山林界址专题会 ',
  date: '2026-12-01',
  time: '',
  place: '镇综治中心',
  village: 'jiangting',
  invited: ['policePost', 'dept:naturalResources'],
};

describe('the new-meeting form', () => {
  it('W-FORM-1: a good meeting is taken, trimmed, without a village unless it is a deliberation', () => {
    expect(validateNewMeeting(good)).toEqual({
      ok: true,
      value: { ...good, title: '山林界址专题会', time: null, village: null },
    });
  });

  it('W-FORM-1: each bad field is refused with its own message', () => {
    const checked = validateNewMeeting({
      ...good,
      kind: 'villageDeliberation',
      title: ' ',
      date: '',
      time: '9am',
      village: '',
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        title: 'new_meeting_title_required',
        date: 'new_meeting_date_required',
        time: 'new_meeting_time_invalid',
        village: 'new_meeting_village_required',
      },
    });
    expect(validateNewMeeting({ ...good, title: '长'.repeat(201) })).toEqual({
      ok: false,
      errors: { title: 'new_meeting_title_too_long' },
    });
  });
});
