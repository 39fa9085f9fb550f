import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** Each entry moves the schema one version up; entries are never edited once released, only appended. */
const migrations: readonly string[] = [
  `CREATE TABLE doc_updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc, id);
   CREATE TABLE docs (
     name TEXT PRIMARY KEY,
     kind TEXT NOT NULL,
     title TEXT NOT NULL,
     village TEXT,
     updated_at INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  `CREATE TABLE accounts (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     display_name TEXT NOT NULL,
     role TEXT NOT NULL,
     village TEXT,
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     account_id TEXT NOT NULL REFERENCES accounts (id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX sessions_by_account ON sessions (account_id);`,
  `ALTER TABLE docs ADD COLUMN facts TEXT;
   ALTER TABLE accounts ADD COLUMN agency TEXT;
   CREATE TABLE doc_edits (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     account_id TEXT NOT NULL,
     at INTEGER NOT NULL,
     fields TEXT NOT NULL,
     bytes INTEGER NOT NULL
   );
   CREATE INDEX doc_edits_by_doc ON doc_edits (doc, id);`,
  // a case's ledger row as JSON, so the ledger is read from the listings alone (SPEC L-LEDGER-1)
  `ALTER TABLE docs ADD COLUMN ledger TEXT;`,
  // the grid a grid worker walks (SPEC A-ACCT-3); existing accounts have none
  `ALTER TABLE accounts ADD COLUMN grid TEXT;`,
  // when each row was saved, and what compaction keeps of the rows it merges (SPEC S-SNAP-1, S-SNAP-2)
  `ALTER TABLE doc_updates ADD COLUMN at INTEGER;
   CREATE TABLE doc_kept (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     kept_at INTEGER NOT NULL,
     history BLOB NOT NULL
   );
   CREATE INDEX doc_kept_by_time ON doc_kept (kept_at);
   CREATE TABLE doc_moments (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     clock INTEGER NOT NULL,
     at INTEGER NOT NULL,
     kept INTEGER NOT NULL REFERENCES doc_kept (id) ON DELETE CASCADE,
     snapshot BLOB NOT NULL
   );
   CREATE INDEX doc_moments_by_doc ON doc_moments (doc, clock);
   CREATE INDEX doc_moments_by_kept ON doc_moments (kept);`,
  // a meeting's summary as JSON, so the calendar is read from the listings alone (SPEC M-LIST-1)
  `ALTER TABLE docs ADD COLUMN meeting TEXT;`,
  // attachments: the bytes are files in the data folder; this says what each is and which cases it belongs to
  `CREATE TABLE blobs (
     sha256 TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     size INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE blob_links (
     sha256 TEXT NOT NULL REFERENCES blobs (sha256),
     doc TEXT NOT NULL,
     PRIMARY KEY (sha256, doc)
   ) WITHOUT ROWID;`,
];

/** Opens (creating and migrating) `concord.sqlite` in `dataDir`, or a throwaway database for `:memory:`. */
export function openSqliteDatabase(dataDir: string): DatabaseSync {
  let db: DatabaseSync;
  if (dataDir === ':memory:') {
    db = new DatabaseSync(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new DatabaseSync(join(dataDir, 'concord.sqlite'));
  }
  // written ahead and synced on every commit, so a crash loses no committed transaction
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;',
  );
  migrate(db);
  return db;
}

/** Runs `work` in one write transaction: all of it commits, or none. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get();
  const current = Number(row?.['user_version'] ?? 0);
  if (current > migrations.length) {
    throw new Error(
      `the database was written by a newer Concord (schema ${current}, this one knows ${migrations.length})`,
    );
  }
  for (let version = current; version < migrations.length; version++) {
    inTransaction(db, () => {
      db.exec(migrations[version] ?? '');
      db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
}
