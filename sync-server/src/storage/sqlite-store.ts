import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocListing, DocStore, DocWrite, StoredDoc } from './doc-store.ts';
import { listingFromRow } from './listing-row.ts';

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
];

/** The embedded default: one SQLite file in the data folder, written ahead (WAL) so a crash loses no commit. */
export class SqliteDocStore implements DocStore {
  readonly #db: DatabaseSync;
  readonly #selectUpdates: StatementSync;
  readonly #insertUpdate: StatementSync;
  readonly #upsertDoc: StatementSync;
  readonly #deleteThrough: StatementSync;
  readonly #selectDocs: StatementSync;

  /** Opens (and creates or migrates) `concord.sqlite` in `dataDir`; pass `:memory:` for a throwaway store. */
  static open(dataDir: string): SqliteDocStore {
    if (dataDir === ':memory:') return new SqliteDocStore(new DatabaseSync(':memory:'));
    mkdirSync(dataDir, { recursive: true });
    return new SqliteDocStore(new DatabaseSync(join(dataDir, 'concord.sqlite')));
  }

  private constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;');
    migrate(db);
    this.#selectUpdates = db.prepare('SELECT id, data FROM doc_updates WHERE doc = ? ORDER BY id');
    this.#insertUpdate = db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)');
    this.#upsertDoc = db.prepare(
      `INSERT INTO docs (name, kind, title, village, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET title = excluded.title, village = excluded.village,
       updated_at = excluded.updated_at`,
    );
    this.#deleteThrough = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND id <= ?');
    this.#selectDocs = db.prepare(
      'SELECT name, kind, title, village, updated_at FROM docs ORDER BY updated_at DESC, name',
    );
  }

  load(name: DocName): Promise<StoredDoc> {
    const rows = this.#selectUpdates.all(name);
    let clock = 0;
    const updates = rows.map((row) => {
      clock = Math.max(clock, Number(row['id']));
      return toBytes(row['data']);
    });
    return Promise.resolve({ updates, clock });
  }

  append(writes: readonly DocWrite[], at: number): Promise<number> {
    let clock = 0;
    this.#transaction(() => {
      for (const write of writes) {
        for (const update of write.updates) {
          clock = Number(this.#insertUpdate.run(write.name, update).lastInsertRowid);
        }
        const { kind, title, village } = write.summary;
        this.#upsertDoc.run(write.name, kind, title, village, at);
      }
    });
    return Promise.resolve(clock);
  }

  compact(name: DocName, snapshot: Uint8Array, throughClock: number): Promise<void> {
    this.#transaction(() => {
      this.#deleteThrough.run(name, throughClock);
      this.#insertUpdate.run(name, snapshot);
    });
    return Promise.resolve();
  }

  list(): Promise<DocListing[]> {
    return Promise.resolve(this.#selectDocs.all().map(listingFromRow));
  }

  close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
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
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version] ?? '');
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error(`expected a BLOB from SQLite, got ${typeof value}`);
}
