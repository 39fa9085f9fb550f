import type { AccountId, Role } from '@concord/shared/auth/user.ts';

export interface Account {
  id: AccountId;
  username: string;
  displayName: string;
  role: Role;
  village: string | null;
  agency: string | null;
  /** The grid a grid worker walks, one of their village's (SPEC A-ACCT-3). */
  grid: string | null;
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
}

export interface SessionRecord {
  /** SHA-256 of the token: the token itself is never stored, so a copy of the database opens nothing. */
  tokenHash: string;
  accountId: AccountId;
  createdAt: number;
  expiresAt: number;
}

/** Accounts and sign-in sessions. One SQLite and one PostgreSQL implementation, like the document store. */
export interface AccountStore {
  count(): Promise<number>;
  findByUsername(username: string): Promise<Account | null>;
  findById(id: AccountId): Promise<Account | null>;
  /** Adds accounts in one transaction; a username taken already refuses the whole batch. */
  create(accounts: readonly Account[]): Promise<void>;
  addSession(session: SessionRecord): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | null>;
  removeSession(tokenHash: string): Promise<void>;
  list(): Promise<Account[]>;
  /** Writes the account as given (matched by id); resolves false when there is no such account. */
  update(account: Account): Promise<boolean>;
  /** Ends every session of the account but `keep`; resolves to the token hashes ended. */
  removeSessionsOf(accountId: AccountId, keep?: string): Promise<string[]>;
}
