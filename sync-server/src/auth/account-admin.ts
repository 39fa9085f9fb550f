import { randomUUID } from 'node:crypto';
import {
  keptGrid,
  placementProblem,
  type AccountChange,
  type AccountRow,
  type NewAccount,
} from '@concord/shared/auth/admin.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { Account, AccountStore } from './account-store.ts';
import { publicUser } from './auth-service.ts';
import { hashPassword } from './password.ts';

export type AdminResult =
  | { ok: true; account: AccountRow }
  | { ok: false; reason: 'not_found' | 'conflict' | 'invalid'; message: string };

export function accountRow(account: Account): AccountRow {
  return { ...publicUser(account), disabled: account.disabled, createdAt: account.createdAt };
}

/**
 * What an administrator does to accounts (SPEC A-ACCT-1). Every change that narrows what a person may do
 * reaches their open sockets through `changed` and `sessionsEnded` (SPEC A-REVOKE-1).
 */
export class AccountAdmin {
  readonly #accounts: AccountStore;
  readonly #changed: (account: Account) => Promise<void>;
  readonly #sessionsEnded: (sessionIds: readonly string[]) => void;
  readonly #now: () => number;

  constructor(options: {
    accounts: AccountStore;
    changed: (account: Account) => Promise<void>;
    sessionsEnded: (sessionIds: readonly string[]) => void;
    now?: () => number;
  }) {
    this.#accounts = options.accounts;
    this.#changed = options.changed;
    this.#sessionsEnded = options.sessionsEnded;
    this.#now = options.now ?? Date.now;
  }

  async list(): Promise<AccountRow[]> {
    return (await this.#accounts.list()).map(accountRow);
  }

  async create(input: NewAccount): Promise<AdminResult> {
    const problem = placementProblem(input);
    if (problem) return { ok: false, reason: 'invalid', message: problem };
    if (await this.#accounts.findByUsername(input.username)) {
      return { ok: false, reason: 'conflict', message: `the username ${input.username} is taken` };
    }
    const account: Account = {
      id: randomUUID() as AccountId,
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      village: input.village,
      agency: input.agency,
      grid: input.grid,
      passwordHash: await hashPassword(input.password),
      disabled: false,
      createdAt: this.#now(),
    };
    await this.#accounts.create([account]);
    return { ok: true, account: accountRow(account) };
  }

  async change(id: AccountId, change: AccountChange): Promise<AdminResult> {
    const before = await this.#accounts.findById(id);
    if (!before) return { ok: false, reason: 'not_found', message: 'no such account' };
    const password = change.password;
    const role = change.role ?? before.role;
    const village = change.village === undefined ? before.village : change.village;
    const after: Account = {
      ...before,
      displayName: change.displayName ?? before.displayName,
      role,
      village,
      agency: change.agency === undefined ? before.agency : change.agency,
      // a grid named is checked below; one not named stays only while it fits (SPEC A-ACCT-3)
      grid: change.grid === undefined ? keptGrid({ role, village, grid: before.grid }) : change.grid,
      disabled: change.disabled ?? before.disabled,
      passwordHash: password === undefined ? before.passwordHash : await hashPassword(password),
    };
    const problem = placementProblem(after);
    if (problem) return { ok: false, reason: 'invalid', message: problem };
    if (!(await this.#accounts.update(after)))
      return { ok: false, reason: 'not_found', message: 'no such account' };
    // a new password or a disabled account ends every sign-in; other changes re-check open sockets
    if (password !== undefined || after.disabled) {
      this.#sessionsEnded(await this.#accounts.removeSessionsOf(id));
    }
    await this.#changed(after);
    return { ok: true, account: accountRow(after) };
  }
}
