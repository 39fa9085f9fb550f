import type { StaffMember } from '@concord/shared/people/staff.ts';
import type { Person } from '../workflow/people.ts';
import type { MeetingSession } from './meeting-session.svelte.ts';

/** What every part of the meeting page needs: the meeting, what the person may do, and names. */
export interface MeetingView {
  session: MeetingSession;
  /** The person writes the meeting now: the server lets them, they are not the supervisor, it is not locked. */
  canEdit: boolean;
  /** Whether the person may tick an action done: the follow-through goes on after the minutes are final. */
  canComplete: boolean;
  /** Whether the person moves a deliberation's step on: the convener, finalized or not (SPEC M-LOCK-2). */
  canMoveStage: boolean;
  /** The person convenes (governance centre, administrator): invitations, agenda order, finalizing. */
  isConvener: boolean;
  /** The signed-in account. */
  me: string;
  nameOf: (id: string) => string;
  /** Active accounts of the staff directory, to choose an owner or sign someone in (SPEC W-MEET-3, W-MEET-4). */
  candidates: readonly Person[];
  /** The stamp of an edit made now by the person. */
  stamp: () => { by: string; at: number };
}

/** The directory's active accounts as people to choose from. */
export function activeStaff(staff: readonly StaffMember[]): Person[] {
  return staff
    .filter((member) => member.active)
    .map((member) => ({
      id: member.id,
      name: member.displayName,
      role: member.role,
      village: member.village,
      active: true,
    }));
}

/** A moment as the page shows it, in the reader's language. */
export function formatMoment(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
}
