import type { AccountChange, AccountRow, NewAccount } from '@concord/shared/auth/admin.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { ApiFailure, ApiResult } from '../http/api.ts';
import type { AdminApi } from './admin-api.ts';

/** The admin screen's list of accounts, kept in step with what the server answers to each change. */
export class AccountsAdmin {
  readonly #api: AdminApi;
  #accounts = $state.raw<AccountRow[]>([]);
  #failure = $state<ApiFailure | null>(null);
  #loaded = $state(false);

  constructor(api: AdminApi) {
    this.#api = api;
  }

  /** In the order people were added. */
  get accounts(): AccountRow[] {
    return this.#accounts;
  }

  /** Why the list could not be loaded. */
  get failure(): ApiFailure | null {
    return this.#failure;
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  async load(): Promise<void> {
    const result = await this.#api.list();
    if (result.ok) {
      this.#accounts = [...result.value].sort((a, b) => a.createdAt - b.createdAt);
      this.#failure = null;
    } else {
      this.#failure = result.failure;
    }
    this.#loaded = true;
  }

  async add(account: NewAccount): Promise<ApiResult<AccountRow>> {
    const result = await this.#api.add(account);
    if (result.ok) this.#accounts = [...this.#accounts, result.value];
    return result;
  }

  async change(id: AccountId, change: AccountChange): Promise<ApiResult<AccountRow>> {
    const result = await this.#api.change(id, change);
    if (result.ok) this.#accounts = this.#accounts.map((a) => (a.id === result.value.id ? result.value : a));
    return result;
  }
}
