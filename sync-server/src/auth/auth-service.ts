import { createHash, randomBytes } from 'node:crypto';
import type { PublicUser } from '@concord/shared/auth/user.ts';
import type { Account, AccountStore } from './account-store.ts';
import { decoy, hashPassword, verifyPassword } from './password.ts';

/** A person whose token the server has checked: what every socket and API call runs as. */
export interface AuthenticatedUser extends PublicUser {
  /** The session behind the token (its token's hash), so it can be ended everywhere at once. */
  sessionId: string;
  /** When the session behind the token ends. */
  sessionExpiresAt: number;
}

export interface AuthServiceOptions {
  accounts: AccountStore;
  /** How long a sign-in lasts: long, so a field worker's phone keeps working through days without signal. */
  sessionTtlMs?: number;
  now?: () => number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function publicUser(account: Account): PublicUser {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    village: account.village,
    agency: account.agency,
    grid: account.grid,
  };
}

/** Signs people in and checks tokens (SPEC A-AUTH-1, A-AUTH-2). */
export class AuthService {
  readonly #accounts: AccountStore;
  readonly #ttl: number;
  readonly #now: () => number;

  constructor(options: AuthServiceOptions) {
    this.#accounts = options.accounts;
    this.#ttl = options.sessionTtlMs ?? 30 * 24 * 60 * 60 * 1000;
    this.#now = options.now ?? Date.now;
  }

  /** A new session for the right username and password; null otherwise, the same for either mistake. */
  async login(username: string, password: string): Promise<{ token: string; user: PublicUser } | null> {
    const account = await this.#accounts.findByUsername(username);
    // an unknown user is checked against a decoy, so the time taken does not tell who has an account
    const matches = await verifyPassword(password, account?.passwordHash ?? (await decoy()));
    if (!account || !matches || account.disabled) return null;
    const token = randomBytes(32).toString('base64url');
    const now = this.#now();
    await this.#accounts.addSession({
      tokenHash: hashToken(token),
      accountId: account.id,
      createdAt: now,
      expiresAt: now + this.#ttl,
    });
    return { token, user: publicUser(account) };
  }

  /** The person a token belongs to, or null for a forged, expired or ended session or a disabled account. */
  async authenticate(token: string | undefined): Promise<AuthenticatedUser | null> {
    if (!token || token.length > 200) return null;
    const session = await this.#accounts.findSession(hashToken(token));
    if (!session || session.expiresAt <= this.#now()) return null;
    const account = await this.#accounts.findById(session.accountId);
    if (!account || account.disabled) return null;
    return { ...publicUser(account), sessionId: session.tokenHash, sessionExpiresAt: session.expiresAt };
  }

  async logout(token: string): Promise<void> {
    await this.#accounts.removeSession(hashToken(token));
  }

  /**
   * Sets a new password when `current` is right, and ends every other sign-in of the person (SPEC A-AUTH-5).
   * Resolves to the sessions ended, or null when `current` was wrong.
   */
  async changePassword(user: AuthenticatedUser, current: string, next: string): Promise<string[] | null> {
    const account = await this.#accounts.findById(user.id);
    if (!account || !(await verifyPassword(current, account.passwordHash))) return null;
    await this.#accounts.update({ ...account, passwordHash: await hashPassword(next) });
    return this.#accounts.removeSessionsOf(account.id, user.sessionId);
  }
}
