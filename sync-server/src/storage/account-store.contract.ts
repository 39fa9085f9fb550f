import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '@concord/shared/auth/user.ts';
import type { Account, AccountStore, SessionRecord } from '../auth/account-store.ts';

export interface OpenedAccountStore {
  store: AccountStore;
  cleanup(): Promise<void>;
}

const account = (id: string, username: string, overrides: Partial<Account> = {}): Account => ({
  id: id as AccountId,
  username,
  displayName: `名字 ${username}`,
  role: 'gridWorker',
  village: 'jiangting',
  agency: null,
  grid: 'jiangting-1',
  passwordHash: `hash-${username}`,
  disabled: false,
  createdAt: 1_700_000_000_000,
  ...overrides,
});

const session = (tokenHash: string, accountId: string): SessionRecord => ({
  tokenHash,
  accountId: accountId as AccountId,
  createdAt: 1_700_000_000_000,
  expiresAt: 1_702_592_000_000,
});

/**
 * What every account store must do, run against each implementation (SPEC A-ACCT-4): the SQLite one in the data
 * folder and the PostgreSQL one past one machine sign in the same way.
 */
export function accountStoreContract(label: string, open: () => Promise<OpenedAccountStore>): void {
  describe(`account store contract: ${label}`, () => {
    let opened: OpenedAccountStore;
    beforeEach(async () => {
      opened = await open();
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    it('A-ACCT-4: an account reads back as written, by username and by id, and the list is by username', async () => {
      const { store } = opened;
      const zhang = account('acct-1', 'zhang');
      const li = account('acct-2', 'li', { role: 'department', village: null, grid: null, agency: 'water' });
      await store.create([zhang, li]);
      expect(await store.findByUsername('zhang')).toEqual(zhang);
      expect(await store.findById(li.id)).toEqual(li);
      expect(await store.findByUsername('nobody')).toBeNull();
      expect(await store.list()).toEqual([li, zhang]);
      expect(await store.count()).toBe(2);
    });

    it('A-ACCT-4: a batch with a username already taken is refused whole', async () => {
      const { store } = opened;
      await store.create([account('acct-1', 'zhang')]);
      await expect(store.create([account('acct-2', 'wang'), account('acct-3', 'zhang')])).rejects.toThrow();
      expect((await store.list()).map((a) => a.username)).toEqual(['zhang']);
    });

    it('A-ACCT-4: a change writes every field; a change of no account says so', async () => {
      const { store } = opened;
      const zhang = account('acct-1', 'zhang');
      await store.create([zhang]);
      const moved = { ...zhang, displayName: '张', village: 'hongyan', grid: null, disabled: true };
      expect(await store.update(moved)).toBe(true);
      expect(await store.findById(zhang.id)).toEqual(moved);
      expect(await store.update(account('acct-9', 'ghost'))).toBe(false);
    });

    it('A-ACCT-4: sessions are found by their hash, removed one by one, or all of an account but one', async () => {
      const { store } = opened;
      await store.create([account('acct-1', 'zhang'), account('acct-2', 'li')]);
      for (const hash of ['h-phone', 'h-office', 'h-home']) await store.addSession(session(hash, 'acct-1'));
      await store.addSession(session('h-li', 'acct-2'));
      expect(await store.findSession('h-phone')).toEqual(session('h-phone', 'acct-1'));

      await store.removeSession('h-home');
      expect(await store.findSession('h-home')).toBeNull();
      expect((await store.removeSessionsOf('acct-1' as AccountId, 'h-phone')).sort()).toEqual(['h-office']);
      expect(await store.findSession('h-phone')).not.toBeNull();
      expect(await store.findSession('h-li')).not.toBeNull();
      expect(await store.removeSessionsOf('acct-1' as AccountId)).toEqual(['h-phone']);
    });
  });
}
