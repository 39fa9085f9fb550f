import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { BlobInfo, BlobStore, StoredBlob } from './blob-store.ts';

/**
 * Attachments on one machine: each blob a file `attachments/<first two hex>/<sha256>` in the data folder, written
 * whole to a temporary file and renamed into place so a crash never leaves half a file under a good name; the
 * index and the links to cases in the SQLite database beside the documents.
 */
export class SqliteBlobStore implements BlobStore {
  readonly #db: DatabaseSync;
  readonly #root: string;

  constructor(db: DatabaseSync, dataDir: string) {
    this.#db = db;
    this.#root = join(dataDir, 'attachments');
  }

  #path(sha256: string): string {
    return join(this.#root, sha256.slice(0, 2), sha256);
  }

  async put(blob: StoredBlob): Promise<void> {
    if (await this.info(blob.sha256)) return;
    const path = this.#path(blob.sha256);
    await mkdir(join(this.#root, blob.sha256.slice(0, 2)), { recursive: true });
    const temp = join(this.#root, `.${blob.sha256}.${randomUUID()}.tmp`);
    try {
      await writeFile(temp, blob.bytes, { flush: true });
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    // the file first, then the row: a row never names a file that is not there
    this.#db
      .prepare('INSERT OR IGNORE INTO blobs (sha256, type, size, created_at) VALUES (?, ?, ?, ?)')
      .run(blob.sha256, blob.type, blob.size, Date.now());
  }

  async get(sha256: string): Promise<StoredBlob | null> {
    const info = await this.info(sha256);
    if (!info) return null;
    return { ...info, bytes: new Uint8Array(await readFile(this.#path(sha256))) };
  }

  info(sha256: string): Promise<BlobInfo | null> {
    const row = this.#db.prepare('SELECT type, size FROM blobs WHERE sha256 = ?').get(sha256);
    if (!row) return Promise.resolve(null);
    return Promise.resolve({ sha256, type: String(row['type']), size: Number(row['size']) });
  }

  link(sha256: string, doc: DocName): Promise<void> {
    this.#db.prepare('INSERT OR IGNORE INTO blob_links (sha256, doc) VALUES (?, ?)').run(sha256, doc);
    return Promise.resolve();
  }

  linked(sha256: string, doc: DocName): Promise<boolean> {
    const row = this.#db
      .prepare('SELECT 1 AS found FROM blob_links WHERE sha256 = ? AND doc = ?')
      .get(sha256, doc);
    return Promise.resolve(row !== undefined);
  }
}
