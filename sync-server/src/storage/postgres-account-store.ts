import type pg from 'pg';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { Account, AccountStore, SessionRecord } from '../auth/account-store.ts';
import { accountColumns, accountFromRow } from './account-row.ts';
import { inTransaction } from './postgres-database.ts';

/**
 * Accounts and sessions in PostgreSQL, beside the documents (SPEC A-ACCT-4): every server instance on one database
 * signs in the same people and ends the same sessions. The pool is the document store's; it ends the pool.
 */
export class PostgresAccountStore implements AccountStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async count(): Promise<number> {
    const { rows } = await this.#pool.query<{ n: string }>('SELECT count(*) AS n FROM accounts');
    return Number(rows[0]?.n ?? 0);
  }

  findByUsername(username: string): Promise<Account | null> {
    return this.#one(`SELECT ${accountColumns} FROM accounts WHERE username = $1`, [username]);
  }

  findById(id: AccountId): Promise<Account | null> {
    return this.#one(`SELECT ${accountColumns} FROM accounts WHERE id = $1`, [id]);
  }

  async create(accounts: readonly Account[]): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      for (const a of accounts) {
        await client.query(
          `INSERT INTO accounts (${accountColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            a.id,
            a.username,
            a.displayName,
            a.role,
            a.village,
            a.agency,
            a.grid,
            a.passwordHash,
            a.disabled,
            a.createdAt,
          ],
        );
      }
    });
  }

  async addSession(session: SessionRecord): Promise<void> {
    await this.#pool.query(
      'INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [session.tokenHash, session.accountId, session.createdAt, session.expiresAt],
    );
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.#pool.query<Record<string, unknown>>(
      'SELECT token_hash, account_id, created_at, expires_at FROM sessions WHERE token_hash = $1',
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      tokenHash: String(row['token_hash']),
      accountId: String(row['account_id']) as AccountId,
      createdAt: Number(row['created_at']),
      expiresAt: Number(row['expires_at']),
    };
  }

  async removeSession(tokenHash: string): Promise<void> {
    await this.#pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async list(): Promise<Account[]> {
    const { rows } = await this.#pool.query<Record<string, unknown>>(
      `SELECT ${accountColumns} FROM accounts ORDER BY username`,
    );
    return rows.map(accountFromRow);
  }

  async update(a: Account): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE accounts SET username = $1, display_name = $2, role = $3, village = $4, agency = $5, grid = $6,
       password_hash = $7, disabled = $8 WHERE id = $9`,
      [a.username, a.displayName, a.role, a.village, a.agency, a.grid, a.passwordHash, a.disabled, a.id],
    );
    return (result.rowCount ?? 0) > 0;
  }

  removeSessionsOf(accountId: AccountId, keep?: string): Promise<string[]> {
    return inTransaction(this.#pool, async (client) => {
      const { rows } = await client.query<{ token_hash: string }>(
        'DELETE FROM sessions WHERE account_id = $1 AND token_hash IS DISTINCT FROM $2 RETURNING token_hash',
        [accountId, keep ?? null],
      );
      return rows.map((row) => row.token_hash);
    });
  }

  async #one(sql: string, values: unknown[]): Promise<Account | null> {
    const { rows } = await this.#pool.query<Record<string, unknown>>(sql, values);
    const row = rows[0];
    return row ? accountFromRow(row) : null;
  }
}
