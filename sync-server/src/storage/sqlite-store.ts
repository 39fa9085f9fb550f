import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocListing, DocStore, DocWrite, StoredDoc } from './doc-store.ts';
import { listingFromRow } from './listing-row.ts';
import { inTransaction, openSqliteDatabase } from './sqlite-database.ts';

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
    return new SqliteDocStore(openSqliteDatabase(dataDir));
  }

  /** A store on an open database; {@link close} closes the database. */
  constructor(db: DatabaseSync) {
    this.#db = db;
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
    return settle(() => {
      const rows = this.#selectUpdates.all(name);
      let clock = 0;
      const updates = rows.map((row) => {
        clock = Math.max(clock, Number(row['id']));
        return toBytes(row['data']);
      });
      return { updates, clock };
    });
  }

  append(writes: readonly DocWrite[], at: number): Promise<number> {
    return settle(() => {
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
      return clock;
    });
  }

  compact(name: DocName, snapshot: Uint8Array, throughClock: number): Promise<void> {
    return settle(() => {
      this.#transaction(() => {
        this.#deleteThrough.run(name, throughClock);
        this.#insertUpdate.run(name, snapshot);
      });
    });
  }

  list(): Promise<DocListing[]> {
    return settle(() => this.#selectDocs.all().map(listingFromRow));
  }

  close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }

  #transaction(work: () => void): void {
    inTransaction(this.#db, work);
  }
}

/** node:sqlite is synchronous: run its work so that a failure rejects the promise instead of throwing. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new Error(`expected a BLOB from SQLite, got ${typeof value}`);
}
