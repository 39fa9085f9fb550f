import type { Role } from '../../auth/user.ts';
import type { Subject } from '../rights.ts';

/** Who convenes a meeting and decides its invitations, its lock and anyone's sign-in (SPEC A-RIGHT-7). */
const conveners: readonly Role[] = ['admin', 'governanceCentre'];

/** The convener's say: invitations (A-GUARD-7), finalizing (M-LOCK-1), signing in others (M-ATTEND-1). */
export function mayInvite(subject: Subject): boolean {
  return conveners.includes(subject.role);
}

/** Whether `subject` may sign `accountId` in or out of a meeting (SPEC M-ATTEND-1). */
export function maySignIn(subject: Subject, accountId: string): boolean {
  return subject.id === accountId || mayInvite(subject);
}
