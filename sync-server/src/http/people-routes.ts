import { Hono } from 'hono';
import type { StaffMember } from '@concord/shared/people/staff.ts';
import type { Account, AccountStore } from '../auth/account-store.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { requireUser, type AuthEnv } from './auth-routes.ts';

/**
 * `GET /api/people`: the town's staff, for every signed-in person (SPEC A-DIR-1). The people who work cases
 * together need each other's names and roles to read a timeline and to dispatch a case; the directory is small
 * (one account per person), so it is sent whole and kept on the device.
 */
export function peopleRoutes(options: { auth: AuthService; accounts: AccountStore }): Hono<AuthEnv> {
  const { auth, accounts } = options;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireUser(auth));
  routes.get('/', async (c) => {
    const people = (await accounts.list()).map(staffMemberOf);
    return c.json({ people });
  });
  return routes;
}

function staffMemberOf(account: Account): StaffMember {
  const { id, displayName, role, village, agency, grid, disabled } = account;
  return { id, displayName, role, village, agency, grid, active: !disabled };
}
