import pg from 'pg';

/** Each entry moves the schema one version up; never edited once released, only appended. */
const migrations: readonly string[] = [
  `CREATE TABLE doc_updates (id BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, data BYTEA NOT NULL);
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc, id);
   CREATE TABLE docs (
     name TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     title TEXT NOT NULL,
     village TEXT,
     facts TEXT,
     updated_at BIGINT NOT NULL
   );
   CREATE TABLE doc_edits (
     id BIGSERIAL PRIMARY KEY,
     doc TEXT NOT NULL,
     account_id TEXT NOT NULL,
     at BIGINT NOT NULL,
     fields TEXT NOT NULL,
     bytes INTEGER NOT NULL
   );
   CREATE INDEX doc_edits_by_doc ON doc_edits (doc, id);`,
  // a case's ledger row as JSON, so the ledger is read from the listings alone (SPEC L-LEDGER-1)
  `ALTER TABLE docs ADD COLUMN ledger TEXT;`,
  // accounts and sessions beside the documents, so every instance signs in the same people (SPEC A-ACCT-4)
  `CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     display_name TEXT NOT NULL,
     role TEXT NOT NULL,
     village TEXT,
     agency TEXT,
     grid TEXT,
     password_hash TEXT NOT NULL,
     disabled BOOLEAN NOT NULL DEFAULT FALSE,
     created_at BIGINT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts (id),
     created_at BIGINT NOT NULL,
     expires_at BIGINT NOT NULL
   );
   CREATE INDEX sessions_by_account ON sessions (account_id);`,
  // when each row was saved, and what compaction keeps of the rows it merges (SPEC S-SNAP-1, S-SNAP-2)
  `ALTER TABLE doc_updates ADD COLUMN at BIGINT;
   CREATE TABLE doc_kept (
     id BIGSERIAL PRIMARY KEY,
     doc TEXT NOT NULL,
     kept_at BIGINT NOT NULL,
     history BYTEA NOT NULL
   );
   CREATE INDEX doc_kept_by_time ON doc_kept (kept_at);
   CREATE TABLE doc_moments (
     id BIGSERIAL PRIMARY KEY,
     doc TEXT NOT NULL,
     clock BIGINT NOT NULL,
     at BIGINT NOT NULL,
     kept BIGINT NOT NULL REFERENCES doc_kept (id) ON DELETE CASCADE,
     snapshot BYTEA NOT NULL
   );
   CREATE INDEX doc_moments_by_doc ON doc_moments (doc, clock);
   CREATE INDEX doc_moments_by_kept ON doc_moments (kept);`,
  // a meeting's summary as JSON, so the calendar is read from the listings alone (SPEC M-LIST-1)
  `ALTER TABLE docs ADD COLUMN meeting TEXT;`,
  // attachments, content-addressed, and which cases each belongs to (SPEC C-ATTACH-3)
  `CREATE TABLE blobs (
     sha256 TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     size INTEGER NOT NULL,
     created_at BIGINT NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE TABLE blob_links (
     sha256 TEXT NOT NULL REFERENCES blobs (sha256),
     doc TEXT NOT NULL,
     PRIMARY KEY (sha256, doc)
   );`,
];

export interface PostgresOptions {
  connectionString: string;
  /** The schema the tables live in, created if need be; lets tests and tenants share one database. */
  schema?: string;
}

/**
 * A pool on the PostgreSQL past one machine, its schema created and its tables brought up to date: documents and
 * their history, accounts and sessions (SPEC S-STORE-7, A-ACCT-4). The stores built on it share it.
 */
export async function connectPostgres(options: PostgresOptions): Promise<pg.Pool> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    options: `-c search_path=${schema}`,
    max: 10,
  });
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return pool;
}

function migrate(pool: pg.Pool): Promise<void> {
  return inTransaction(pool, async (client) => {
    // one migrator at a time, even with several servers starting together
    await client.query('SELECT pg_advisory_xact_lock(7242024)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `the database was written by a newer Concord (schema ${current}, this one knows ${migrations.length})`,
      );
    }
    for (let version = current; version < migrations.length; version++)
      await client.query(migrations[version] ?? '');
    await client.query('DELETE FROM schema_version');
    await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migrations.length]);
  });
}

/** Runs `work` in one transaction on a client of `pool`: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
