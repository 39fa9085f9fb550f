import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { Account, AccountStore, SessionRecord } from '../auth/account-store.ts';
import { accountColumns, accountFromRow } from './account-row.ts';
import { inTransaction } from './sqlite-database.ts';

/** Accounts and sessions in the same SQLite database as the documents. */
export class SqliteAccountStore implements AccountStore {
  readonly #db: DatabaseSync;
  readonly #count: StatementSync;
  readonly #byUsername: StatementSync;
  readonly #byId: StatementSync;
  readonly #insert: StatementSync;
  readonly #insertSession: StatementSync;
  readonly #session: StatementSync;
  readonly #deleteSession: StatementSync;
  readonly #all: StatementSync;
  readonly #update: StatementSync;
  readonly #sessionsOf: StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    const columns = accountColumns;
    this.#count = db.prepare('SELECT count(*) AS n FROM accounts');
    this.#byUsername = db.prepare(`SELECT ${columns} FROM accounts WHERE username = ?`);
    this.#byId = db.prepare(`SELECT ${columns} FROM accounts WHERE id = ?`);
    this.#insert = db.prepare(`INSERT INTO accounts (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.#insertSession = db.prepare(
      'INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.#session = db.prepare(
      'SELECT token_hash, account_id, created_at, expires_at FROM sessions WHERE token_hash = ?',
    );
    this.#deleteSession = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.#all = db.prepare(`SELECT ${columns} FROM accounts ORDER BY username`);
    this.#update = db.prepare(
      `UPDATE accounts SET username = ?, display_name = ?, role = ?, village = ?, agency = ?, grid = ?,
       password_hash = ?, disabled = ? WHERE id = ?`,
    );
    this.#sessionsOf = db.prepare('SELECT token_hash FROM sessions WHERE account_id = ?');
  }

  count(): Promise<number> {
    return Promise.resolve(Number(this.#count.get()?.['n'] ?? 0));
  }

  findByUsername(username: string): Promise<Account | null> {
    const row = this.#byUsername.get(username);
    return Promise.resolve(row ? accountFromRow(row) : null);
  }

  findById(id: AccountId): Promise<Account | null> {
    const row = this.#byId.get(id);
    return Promise.resolve(row ? accountFromRow(row) : null);
  }

  create(accounts: readonly Account[]): Promise<void> {
    // a refused batch is a rejected promise, as from every store, not a throw at the call
    return new Promise((resolve) => {
      inTransaction(this.#db, () => {
        for (const a of accounts) {
          this.#insert.run(
            a.id,
            a.username,
            a.displayName,
            a.role,
            a.village,
            a.agency,
            a.grid,
            a.passwordHash,
            a.disabled ? 1 : 0,
            a.createdAt,
          );
        }
      });
      resolve();
    });
  }

  addSession(session: SessionRecord): Promise<void> {
    this.#insertSession.run(session.tokenHash, session.accountId, session.createdAt, session.expiresAt);
    return Promise.resolve();
  }

  findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.#session.get(tokenHash);
    if (!row) return Promise.resolve(null);
    return Promise.resolve({
      tokenHash: String(row['token_hash']),
      accountId: String(row['account_id']) as AccountId,
      createdAt: Number(row['created_at']),
      expiresAt: Number(row['expires_at']),
    });
  }

  removeSession(tokenHash: string): Promise<void> {
    this.#deleteSession.run(tokenHash);
    return Promise.resolve();
  }

  list(): Promise<Account[]> {
    return Promise.resolve(this.#all.all().map(accountFromRow));
  }

  update(a: Account): Promise<boolean> {
    const result = this.#update.run(
      a.username,
      a.displayName,
      a.role,
      a.village,
      a.agency,
      a.grid,
      a.passwordHash,
      a.disabled ? 1 : 0,
      a.id,
    );
    return Promise.resolve(Number(result.changes) > 0);
  }

  removeSessionsOf(accountId: AccountId, keep?: string): Promise<string[]> {
    return Promise.resolve(
      inTransaction(this.#db, () => {
        const ended = this.#sessionsOf
          .all(accountId)
          .map((row) => String(row['token_hash']))
          .filter((hash) => hash !== keep);
        for (const hash of ended) this.#deleteSession.run(hash);
        return ended;
      }),
    );
  }
}
