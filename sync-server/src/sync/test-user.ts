import type { AccountId } from '@concord/shared/auth/user.ts';
import type { AuthenticatedUser } from '../auth/auth-service.ts';

/** A signed-in person for unit tests that need one and do not care who. */
export function testUser(overrides: Partial<AuthenticatedUser> = {}): AuthenticatedUser {
  return {
    id: 'acct-test' as AccountId,
    username: 'tester',
    displayName: '测试',
    role: 'admin',
    village: null,
    agency: null,
    sessionId: 'session-test',
    sessionExpiresAt: Number.MAX_SAFE_INTEGER,
    ...overrides,
  };
}
