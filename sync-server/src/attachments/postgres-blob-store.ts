import type pg from 'pg';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { BlobInfo, BlobStore, StoredBlob } from './blob-store.ts';

/**
 * Attachments past one machine: in a table of the shared PostgreSQL, so every instance serves every blob. Blobs
 * are at most a few tens of MiB (MAX_ATTACHMENT_BYTES), which `bytea` holds well.
 */
export class PostgresBlobStore implements BlobStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async put(blob: StoredBlob): Promise<void> {
    await this.#pool.query(
      `INSERT INTO blobs (sha256, type, size, created_at, data) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sha256) DO NOTHING`,
      [blob.sha256, blob.type, blob.size, Date.now(), Buffer.from(blob.bytes)],
    );
  }

  async get(sha256: string): Promise<StoredBlob | null> {
    const { rows } = await this.#pool.query<{ type: string; size: number; data: Buffer }>(
      'SELECT type, size, data FROM blobs WHERE sha256 = $1',
      [sha256],
    );
    const row = rows[0];
    return row ? { sha256, type: row.type, size: row.size, bytes: new Uint8Array(row.data) } : null;
  }

  async info(sha256: string): Promise<BlobInfo | null> {
    const { rows } = await this.#pool.query<{ type: string; size: number }>(
      'SELECT type, size FROM blobs WHERE sha256 = $1',
      [sha256],
    );
    const row = rows[0];
    return row ? { sha256, type: row.type, size: row.size } : null;
  }

  async link(sha256: string, doc: DocName): Promise<void> {
    await this.#pool.query(
      'INSERT INTO blob_links (sha256, doc) VALUES ($1, $2) ON CONFLICT (sha256, doc) DO NOTHING',
      [sha256, doc],
    );
  }

  async linked(sha256: string, doc: DocName): Promise<boolean> {
    const { rows } = await this.#pool.query('SELECT 1 FROM blob_links WHERE sha256 = $1 AND doc = $2', [
      sha256,
      doc,
    ]);
    return rows.length > 0;
  }
}
