import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type {
  CompactionKeep,
  DocEdit,
  DocEditRecord,
  DocListing,
  DocStore,
  DocWrite,
  KeptMomentRecord,
  Moment,
  StoredDoc,
  StoredRow,
} from './doc-store.ts';
import { continueRun } from './edit-runs.ts';
import { editFromRow, ledgerColumn, listingFromRow, meetingColumn } from './listing-row.ts';
import { inTransaction, openSqliteDatabase } from './sqlite-database.ts';

/** The embedded default: one SQLite file in the data folder, written ahead (WAL) so a crash loses no commit. */
export class SqliteDocStore implements DocStore {
  readonly #db: DatabaseSync;
  readonly #selectUpdates: StatementSync;
  readonly #insertUpdate: StatementSync;
  readonly #upsertDoc: StatementSync;
  readonly #deleteThrough: StatementSync;
  readonly #selectDocs: StatementSync;
  readonly #selectDoc: StatementSync;
  readonly #insertEdit: StatementSync;
  readonly #selectEdits: StatementSync;
  readonly #lastEdit: StatementSync;
  readonly #updateEdit: StatementSync;
  readonly #selectRows: StatementSync;
  readonly #insertKept: StatementSync;
  readonly #insertMoment: StatementSync;
  readonly #pruneMoments: StatementSync;
  readonly #pruneKept: StatementSync;
  readonly #selectMoments: StatementSync;
  readonly #selectMoment: StatementSync;

  /** Opens (and creates or migrates) `concord.sqlite` in `dataDir`; pass `:memory:` for a throwaway store. */
  static open(dataDir: string): SqliteDocStore {
    return new SqliteDocStore(openSqliteDatabase(dataDir));
  }

  /** A store on an open database; {@link close} closes the database. */
  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#selectUpdates = db.prepare('SELECT id, data FROM doc_updates WHERE doc = ? ORDER BY id');
    this.#insertUpdate = db.prepare('INSERT INTO doc_updates (doc, data, at) VALUES (?, ?, ?)');
    this.#selectRows = db.prepare('SELECT id, at, data FROM doc_updates WHERE doc = ? ORDER BY id');
    this.#insertKept = db.prepare('INSERT INTO doc_kept (doc, kept_at, history) VALUES (?, ?, ?)');
    this.#insertMoment = db.prepare(
      'INSERT INTO doc_moments (doc, clock, at, kept, snapshot) VALUES (?, ?, ?, ?, ?)',
    );
    this.#pruneMoments = db.prepare(
      'DELETE FROM doc_moments WHERE kept IN (SELECT id FROM doc_kept WHERE kept_at < ?)',
    );
    this.#pruneKept = db.prepare('DELETE FROM doc_kept WHERE kept_at < ?');
    this.#selectMoments = db.prepare('SELECT clock, at FROM doc_moments WHERE doc = ? ORDER BY clock DESC');
    this.#selectMoment = db.prepare(
      `SELECT m.clock, m.at, m.snapshot, k.history FROM doc_moments m JOIN doc_kept k ON k.id = m.kept
       WHERE m.doc = ? AND m.clock = ? ORDER BY m.id DESC LIMIT 1`,
    );
    this.#upsertDoc = db.prepare(
      `INSERT INTO docs (name, kind, title, village, facts, ledger, meeting, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET title = excluded.title, village = excluded.village,
       facts = excluded.facts, ledger = excluded.ledger, meeting = excluded.meeting,
       updated_at = excluded.updated_at`,
    );
    this.#insertEdit = db.prepare(
      'INSERT INTO doc_edits (doc, account_id, at, fields, bytes) VALUES (?, ?, ?, ?, ?)',
    );
    this.#lastEdit = db.prepare(
      'SELECT id, account_id, at, fields, bytes FROM doc_edits WHERE doc = ? ORDER BY id DESC LIMIT 1',
    );
    this.#updateEdit = db.prepare('UPDATE doc_edits SET at = ?, fields = ?, bytes = ? WHERE id = ?');
    this.#selectEdits = db.prepare(
      'SELECT account_id, at, fields, bytes FROM doc_edits WHERE doc = ? ORDER BY id DESC LIMIT ?',
    );
    this.#deleteThrough = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND id <= ?');
    const columns = 'name, kind, title, village, facts, ledger, meeting, updated_at';
    this.#selectDocs = db.prepare(`SELECT ${columns} FROM docs ORDER BY updated_at DESC, name`);
    this.#selectDoc = db.prepare(`SELECT ${columns} FROM docs WHERE name = ?`);
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
          const writtenAt = write.at ?? at;
          for (const update of write.updates) {
            clock = Number(this.#insertUpdate.run(write.name, update, writtenAt).lastInsertRowid);
          }
          const { kind, title, village, facts, ledger, meeting } = write.summary;
          this.#upsertDoc.run(
            write.name,
            kind,
            title,
            village,
            JSON.stringify(facts),
            ledgerColumn(ledger),
            meetingColumn(meeting),
            writtenAt,
          );
          for (const edit of write.edits ?? []) this.#recordEdit(write.name, edit, writtenAt);
        }
      });
      return clock;
    });
  }

  rows(name: DocName): Promise<StoredRow[]> {
    return settle(() =>
      this.#selectRows.all(name).map((row) => ({
        clock: Number(row['id']),
        at: row['at'] === null ? null : Number(row['at']),
        update: toBytes(row['data']),
      })),
    );
  }

  compact(name: DocName, snapshot: Uint8Array, throughClock: number, keep?: CompactionKeep): Promise<void> {
    return settle(() => {
      this.#transaction(() => {
        // what the rows held is stored before they go, and pruning comes last (SPEC S-SNAP-1)
        const moments = keep?.kept.moments ?? [];
        if (keep && moments.length > 0) {
          const kept = this.#insertKept.run(name, keep.at, keep.kept.history).lastInsertRowid;
          for (const moment of moments) {
            this.#insertMoment.run(name, moment.clock, moment.at, kept, moment.snapshot);
          }
        }
        this.#deleteThrough.run(name, throughClock);
        // the snapshot is the state as of the rows it merged, no save of its own: it has no time
        this.#insertUpdate.run(name, snapshot, null);
        if (keep) {
          this.#pruneMoments.run(keep.pruneBefore);
          this.#pruneKept.run(keep.pruneBefore);
        }
      });
    });
  }

  keptMoments(name: DocName): Promise<Moment[]> {
    return settle(() =>
      this.#selectMoments.all(name).map((row) => ({ clock: Number(row['clock']), at: Number(row['at']) })),
    );
  }

  keptMoment(name: DocName, clock: number): Promise<KeptMomentRecord | null> {
    return settle(() => {
      const row = this.#selectMoment.get(name, clock);
      if (!row) return null;
      return {
        clock: Number(row['clock']),
        at: Number(row['at']),
        history: toBytes(row['history']),
        snapshot: toBytes(row['snapshot']),
      };
    });
  }

  list(): Promise<DocListing[]> {
    return settle(() => this.#selectDocs.all().map(listingFromRow));
  }

  listing(name: DocName): Promise<DocListing | null> {
    return settle(() => {
      const row = this.#selectDoc.get(name);
      return row ? listingFromRow(row) : null;
    });
  }

  history(name: DocName, limit: number): Promise<DocEditRecord[]> {
    return settle(() => this.#selectEdits.all(name, limit).map(editFromRow));
  }

  close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
    return Promise.resolve();
  }

  /** Adds an edit to the history, continuing its author's run when it is one (SPEC A-ATTR-2). */
  #recordEdit(name: DocName, edit: DocEdit, at: number): void {
    const row = this.#lastEdit.get(name);
    const run = continueRun(row ? editFromRow(row) : undefined, edit, at);
    if (row && run) this.#updateEdit.run(run.at, JSON.stringify(run.fields), run.bytes, Number(row['id']));
    else this.#insertEdit.run(name, edit.author, at, JSON.stringify(edit.fields), edit.bytes);
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
