import { accessTo, type Subject } from '@concord/shared/access/rights.ts';
import type { PublicUser } from '@concord/shared/auth/user.ts';

/** The person as the shared rights function sees them (SPEC A-RIGHT-*). */
export function subjectOf(user: PublicUser): Subject {
  return { id: user.id, role: user.role, village: user.village, agency: user.agency };
}

/**
 * Whether the person may record a new case (SPEC A-RIGHT-8): the server would refuse the document of anyone
 * else, so the app does not offer them the form.
 */
export function mayRecordCases(user: PublicUser): boolean {
  return accessTo(subjectOf(user), 'case', null) === 'write';
}

/** Whether the person manages accounts (SPEC A-ACCT-1). */
export function isAdministrator(user: PublicUser | null): boolean {
  return user?.role === 'admin';
}

/** Whether the person may convene a joint meeting (SPEC A-RIGHT-8): only they are offered "new meeting". */
export function mayConveneMeetings(user: PublicUser | null): boolean {
  return user !== null && accessTo(subjectOf(user), 'meeting', null) === 'write';
}
