import pg from 'pg';
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
import { connectPostgres, inTransaction, type PostgresOptions } from './postgres-database.ts';

const listingColumns = 'name, kind, title, village, facts, ledger, meeting, updated_at';

/** The store past one machine: the same contract as SQLite, on PostgreSQL (SPEC S-STORE-7). */
export class PostgresDocStore implements DocStore {
  readonly #pool: pg.Pool;

  /** A store on `pool`, which it ends when closed; see {@link connectPostgres}. */
  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects, creates the schema if need be and brings its tables up to date. */
  static async connect(options: PostgresOptions): Promise<PostgresDocStore> {
    return new PostgresDocStore(await connectPostgres(options));
  }

  async load(name: DocName): Promise<StoredDoc> {
    const { rows } = await this.#pool.query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM doc_updates WHERE doc = $1 ORDER BY id',
      [name],
    );
    let clock = 0;
    const updates = rows.map((row) => {
      clock = Math.max(clock, Number(row.id));
      return toBytes(row.data);
    });
    return { updates, clock };
  }

  append(writes: readonly DocWrite[], at: number): Promise<number> {
    return inTransaction(this.#pool, async (client) => {
      let clock = 0;
      for (const write of writes) {
        const writtenAt = write.at ?? at;
        for (const update of write.updates) {
          const { rows } = await client.query<{ id: string }>(
            'INSERT INTO doc_updates (doc, data, at) VALUES ($1, $2, $3) RETURNING id',
            [write.name, toBuffer(update), writtenAt],
          );
          clock = Number(rows[0]?.id ?? clock);
        }
        const { kind, title, village, facts, ledger, meeting } = write.summary;
        await client.query(
          `INSERT INTO docs (name, kind, title, village, facts, ledger, meeting, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (name) DO UPDATE SET title = excluded.title, village = excluded.village,
           facts = excluded.facts, ledger = excluded.ledger, meeting = excluded.meeting,
           updated_at = excluded.updated_at`,
          [
            write.name,
            kind,
            title,
            village,
            JSON.stringify(facts),
            ledgerColumn(ledger),
            meetingColumn(meeting),
            writtenAt,
          ],
        );
        for (const edit of write.edits ?? []) await recordEdit(client, write.name, edit, writtenAt);
      }
      return clock;
    });
  }

  async rows(name: DocName): Promise<StoredRow[]> {
    const { rows } = await this.#pool.query<{ id: string; at: string | null; data: Buffer }>(
      'SELECT id, at, data FROM doc_updates WHERE doc = $1 ORDER BY id',
      [name],
    );
    return rows.map((row) => ({
      clock: Number(row.id),
      at: row.at === null ? null : Number(row.at),
      update: toBytes(row.data),
    }));
  }

  async compact(
    name: DocName,
    snapshot: Uint8Array,
    throughClock: number,
    keep?: CompactionKeep,
  ): Promise<void> {
    await inTransaction(this.#pool, async (client) => {
      // what the rows held is stored before they go, and pruning comes last (SPEC S-SNAP-1)
      const moments = keep?.kept.moments ?? [];
      if (keep && moments.length > 0) {
        const { rows } = await client.query<{ id: string }>(
          'INSERT INTO doc_kept (doc, kept_at, history) VALUES ($1, $2, $3) RETURNING id',
          [name, keep.at, toBuffer(keep.kept.history)],
        );
        const kept = rows[0]?.id;
        for (const moment of moments) {
          await client.query(
            'INSERT INTO doc_moments (doc, clock, at, kept, snapshot) VALUES ($1, $2, $3, $4, $5)',
            [name, moment.clock, moment.at, kept, toBuffer(moment.snapshot)],
          );
        }
      }
      await client.query('DELETE FROM doc_updates WHERE doc = $1 AND id <= $2', [name, throughClock]);
      // the snapshot is the state as of the rows it merged, no save of its own: it has no time
      await client.query('INSERT INTO doc_updates (doc, data, at) VALUES ($1, $2, NULL)', [
        name,
        toBuffer(snapshot),
      ]);
      if (keep) await client.query('DELETE FROM doc_kept WHERE kept_at < $1', [keep.pruneBefore]);
    });
  }

  async keptMoments(name: DocName): Promise<Moment[]> {
    const { rows } = await this.#pool.query<{ clock: string; at: string }>(
      'SELECT clock, at FROM doc_moments WHERE doc = $1 ORDER BY clock DESC',
      [name],
    );
    return rows.map((row) => ({ clock: Number(row.clock), at: Number(row.at) }));
  }

  async keptMoment(name: DocName, clock: number): Promise<KeptMomentRecord | null> {
    const { rows } = await this.#pool.query<{ clock: string; at: string; snapshot: Buffer; history: Buffer }>(
      `SELECT m.clock, m.at, m.snapshot, k.history FROM doc_moments m JOIN doc_kept k ON k.id = m.kept
       WHERE m.doc = $1 AND m.clock = $2 ORDER BY m.id DESC LIMIT 1`,
      [name, clock],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      clock: Number(row.clock),
      at: Number(row.at),
      history: toBytes(row.history),
      snapshot: toBytes(row.snapshot),
    };
  }

  async list(): Promise<DocListing[]> {
    const { rows } = await this.#pool.query<Record<string, unknown>>(
      `SELECT ${listingColumns} FROM docs ORDER BY updated_at DESC, name`,
    );
    return rows.map(listingFromRow);
  }

  async listing(name: DocName): Promise<DocListing | null> {
    const { rows } = await this.#pool.query<Record<string, unknown>>(
      `SELECT ${listingColumns} FROM docs WHERE name = $1`,
      [name],
    );
    const row = rows[0];
    return row ? listingFromRow(row) : null;
  }

  async history(name: DocName, limit: number): Promise<DocEditRecord[]> {
    const { rows } = await this.#pool.query<Record<string, unknown>>(
      'SELECT account_id, at, fields, bytes FROM doc_edits WHERE doc = $1 ORDER BY id DESC LIMIT $2',
      [name, limit],
    );
    return rows.map(editFromRow);
  }

  async close(): Promise<void> {
    if (!this.#pool.ended) await this.#pool.end();
  }
}

/** Adds an edit to the history, continuing its author's run when it is one (SPEC A-ATTR-2). */
async function recordEdit(client: pg.PoolClient, name: DocName, edit: DocEdit, at: number): Promise<void> {
  const { rows } = await client.query<Record<string, unknown>>(
    'SELECT id, account_id, at, fields, bytes FROM doc_edits WHERE doc = $1 ORDER BY id DESC LIMIT 1',
    [name],
  );
  const row = rows[0];
  const run = continueRun(row ? editFromRow(row) : undefined, edit, at);
  if (row && run) {
    await client.query('UPDATE doc_edits SET at = $1, fields = $2, bytes = $3 WHERE id = $4', [
      run.at,
      JSON.stringify(run.fields),
      run.bytes,
      row['id'],
    ]);
  } else {
    await client.query(
      'INSERT INTO doc_edits (doc, account_id, at, fields, bytes) VALUES ($1, $2, $3, $4, $5)',
      [name, edit.author, at, JSON.stringify(edit.fields), edit.bytes],
    );
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function toBytes(data: Buffer): Uint8Array {
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
