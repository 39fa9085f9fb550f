import { summarizeDoc } from '@concord/shared/docs/summary.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName } from '@concord/shared/sync/doc-name.ts';
import { docStoreContract, type DocStoreFixture } from './doc-store.contract.ts';
import { keptHistoryContract } from './kept-history.contract.ts';
import { SqliteDocStore } from './sqlite-store.ts';

async function inDataFolder(): Promise<DocStoreFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'concord-sqlite-'));
  return {
    store: SqliteDocStore.open(dir),
    reopen: () => Promise.resolve(SqliteDocStore.open(dir)),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

docStoreContract('SQLite in a data folder', inDataFolder);
keptHistoryContract('SQLite in a data folder', inDataFolder);

describe('SqliteDocStore on disk', () => {
  const dirs: string[] = [];
  const stores: SqliteDocStore[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concord-sqlite-'));
    dirs.push(dir);
    return dir;
  };
  const open = (dir: string) => {
    const store = SqliteDocStore.open(dir);
    stores.push(store);
    return store;
  };
  /** Reads the database file directly, beside the store, the way an operator's sqlite3 shell would. */
  const pragma = (dir: string, name: string): unknown => {
    const db = new DatabaseSync(join(dir, 'concord.sqlite'), { readOnly: true });
    try {
      return db.prepare(`PRAGMA ${name}`).get()?.[name];
    } finally {
      db.close();
    }
  };

  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('S-STORE-2: writes ahead (WAL) with full sync, so a crash loses no commit', async () => {
    const dir = await tempDir();
    open(dir);
    expect(pragma(dir, 'journal_mode')).toBe('wal');
  });

  it('creates the data folder when it is missing', async () => {
    const dir = join(await tempDir(), 'nested', 'data');
    const store = open(dir);
    await store.append(
      [
        {
          name: docName('case', 'x'),
          updates: [update('x')],
          summary: summarizeDoc('case', new Y.Doc()),
        },
      ],
      1,
    );
    expect((await store.list()).map((row) => row.name)).toEqual(['case:x']);
  });

  it('numbers its schema with user_version and migrates a file only once', async () => {
    const dir = await tempDir();
    const first = open(dir);
    const version = pragma(dir, 'user_version');
    expect(version).toBeGreaterThanOrEqual(1);
    const name = docName('case', 'migrated');
    await first.append([{ name, updates: [update('留')], summary: summarizeDoc('case', new Y.Doc()) }], 1);
    await first.close();

    // opening again must not run the migrations again (they would fail on the existing tables)
    const second = open(dir);
    expect(pragma(dir, 'user_version')).toBe(version);
    expect((await second.load(name)).updates).toHaveLength(1);
  });

  it('refuses a database written by a newer schema instead of touching it', async () => {
    const dir = await tempDir();
    await open(dir).close();
    const known = Number(pragma(dir, 'user_version'));
    const db = new DatabaseSync(join(dir, 'concord.sqlite'));
    db.exec(`PRAGMA user_version = ${known + 1}`);
    db.close();

    expect(() => open(dir)).toThrow(/newer Concord/);
    expect(pragma(dir, 'user_version')).toBe(known + 1);
  });

  it('opens a throwaway store in memory', async () => {
    const store = open(':memory:');
    expect(await store.load(docName('case', 'none'))).toEqual({ updates: [], clock: 0 });
  });

  it('closing twice is harmless', async () => {
    const store = open(await tempDir());
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}
