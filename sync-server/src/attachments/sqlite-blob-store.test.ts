import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../storage/sqlite-database.ts';
import { blobStoreContract, sampleBlob } from './blob-store.contract.ts';
import { SqliteBlobStore } from './sqlite-blob-store.ts';

async function openInFolder() {
  const dir = await mkdtemp(join(tmpdir(), 'concord-blobs-'));
  const dbs: DatabaseSync[] = [openSqliteDatabase(dir)];
  return {
    dir,
    store: new SqliteBlobStore(dbs[0] as DatabaseSync, dir),
    reopen() {
      const db = openSqliteDatabase(dir);
      dbs.push(db);
      return Promise.resolve(new SqliteBlobStore(db, dir));
    },
    async cleanup() {
      for (const db of dbs) if (db.isOpen) db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

blobStoreContract('SQLite and files', openInFolder);

describe('SqliteBlobStore', () => {
  it('C-ATTACH-3: keeps each blob as a file named by its SHA-256 under the data folder, and no temporary file', async () => {
    const opened = await openInFolder();
    try {
      const blob = sampleBlob('a photo');
      await opened.store.put(blob);
      const folder = join(opened.dir, 'attachments', blob.sha256.slice(0, 2));
      expect(await readdir(folder)).toEqual([blob.sha256]);
      expect(
        (await readdir(join(opened.dir, 'attachments'))).filter((name) => name.endsWith('.tmp')),
      ).toEqual([]);
    } finally {
      await opened.cleanup();
    }
  });
});
