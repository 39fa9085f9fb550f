import { z } from 'zod';
import { roles, type AccountId } from '../auth/user.ts';

/**
 * One person of the town's staff as every signed-in person may see them (SPEC A-DIR-1): enough to put a name to
 * an account id in a step, and to choose a handler or case leader; never a username, a password or a session.
 */
export const staffMemberSchema = z.object({
  id: z.string().transform((id) => id as AccountId),
  displayName: z.string(),
  role: z.enum(roles),
  village: z.string().nullable(),
  agency: z.string().nullable(),
  /** The grid a grid worker walks (SPEC A-ACCT-3). */
  grid: z.string().nullable(),
  /** False once an administrator disables the account: still named in old steps, no longer chosen for new ones. */
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

/** `GET /api/people`. */
export const staffResponseSchema = z.object({ people: z.array(staffMemberSchema) });
