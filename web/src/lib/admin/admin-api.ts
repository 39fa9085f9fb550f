import { z } from 'zod';
import {
  accountListSchema,
  accountRowSchema,
  type AccountChange,
  type AccountRow,
  type NewAccount,
} from '@concord/shared/auth/admin.ts';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { callApi, type ApiResult } from '../http/api.ts';

const accountAnswerSchema = z.object({ account: accountRowSchema });

/** `/api/admin/accounts`, for administrators (SPEC A-ACCT-1). */
export class AdminApi {
  readonly #fetch: typeof fetch;
  readonly #token: () => string | null;

  constructor(options: { fetch: typeof fetch; token: () => string | null }) {
    this.#fetch = options.fetch;
    this.#token = options.token;
  }

  async list(): Promise<ApiResult<AccountRow[]>> {
    const result = await callApi(this.#fetch, this.#token(), '/api/admin/accounts', {
      schema: accountListSchema,
    });
    return result.ok ? { ok: true, value: result.value.accounts } : result;
  }

  async add(account: NewAccount): Promise<ApiResult<AccountRow>> {
    const result = await callApi(this.#fetch, this.#token(), '/api/admin/accounts', {
      method: 'POST',
      body: account,
      schema: accountAnswerSchema,
    });
    return result.ok ? { ok: true, value: result.value.account } : result;
  }

  async change(id: AccountId, change: AccountChange): Promise<ApiResult<AccountRow>> {
    const result = await callApi(
      this.#fetch,
      this.#token(),
      `/api/admin/accounts/${encodeURIComponent(id)}`,
      {
        method: 'PATCH',
        body: change,
        schema: accountAnswerSchema,
      },
    );
    return result.ok ? { ok: true, value: result.value.account } : result;
  }
}
