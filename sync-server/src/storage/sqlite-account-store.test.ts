import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { Account } from '../auth/account-store.ts';
import { accountStoreContract } from './account-store.contract.ts';
import { SqliteAccountStore } from './sqlite-account-store.ts';
import { openSqliteDatabase } from './sqlite-database.ts';

const walker: Account = {
  id: 'acct-walker' as AccountId,
  username: 'walker',
  displayName: '网格员',
  role: 'gridWorker',
  village: 'jiangting',
  agency: null,
  grid: 'jiangting-2',
  passwordHash: 'not-used',
  disabled: false,
  createdAt: 1,
};

accountStoreContract('SQLite', () => {
  const db = openSqliteDatabase(':memory:');
  return Promise.resolve({
    store: new SqliteAccountStore(db),
    cleanup: () => {
      db.close();
      return Promise.resolve();
    },
  });
});

describe('SqliteAccountStore', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('A-ACCT-3: keeps a grid worker’s grid through a change and a reopening', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concord-accounts-'));
    dirs.push(dir);
    const db = openSqliteDatabase(dir);
    const accounts = new SqliteAccountStore(db);
    await accounts.create([walker]);
    expect(await accounts.findById(walker.id)).toEqual(walker);
    expect(await accounts.update({ ...walker, grid: 'jiangting-3' })).toBe(true);
    db.close();

    const reopened = openSqliteDatabase(dir);
    try {
      expect((await new SqliteAccountStore(reopened).findByUsername('walker'))?.grid).toBe('jiangting-3');
    } finally {
      reopened.close();
    }
  });

  it('A-ACCT-3: accounts stored before grids existed read with none once the database is migrated', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'concord-accounts-'));
    dirs.push(dir);
    openSqliteDatabase(dir).close();
    // turn the file back into the schema before grids, with an account in it
    const old = new DatabaseSync(join(dir, 'concord.sqlite'));
    const version = Number(old.prepare('PRAGMA user_version').get()?.['user_version']);
    // the migrations after grids went too: the kept history of compactions (SPEC S-SNAP-1), meetings' summaries,
    // attachments
    old.exec(`DROP TABLE blob_links; DROP TABLE blobs; ALTER TABLE docs DROP COLUMN meeting;
      DROP TABLE doc_moments; DROP TABLE doc_kept; ALTER TABLE doc_updates DROP COLUMN at;
      ALTER TABLE accounts DROP COLUMN grid; PRAGMA user_version = ${version - 4};`);
    old
      .prepare(
        `INSERT INTO accounts (id, username, display_name, role, village, agency, password_hash, disabled,
         created_at) VALUES ('acct-old', 'old', '老', 'gridWorker', 'hongyan', NULL, 'x', 0, 1)`,
      )
      .run();
    old.close();

    const db = openSqliteDatabase(dir);
    try {
      expect(await new SqliteAccountStore(db).findById('acct-old' as AccountId)).toMatchObject({
        role: 'gridWorker',
        village: 'hongyan',
        grid: null,
      });
    } finally {
      db.close();
    }
  });
});
