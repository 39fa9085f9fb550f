import { describe, expect, it } from 'vitest';
import type { AccountId } from '@concord/shared/auth/user.ts';
import { docName } from '@concord/shared/sync/doc-name.ts';
import {
  choosesVillages,
  estimatedBytes,
  patchOf,
  readVillageChoice,
  toggledChoice,
  villageSizes,
  writeVillageChoice,
  type PatchCase,
} from './patch-choice.ts';

const row = (
  id: string,
  village: string | null,
  handler: string | null = null,
  leaders: string[] = [],
): PatchCase => ({
  name: docName('case', id),
  village,
  handler,
  leaders,
});
const cases = [
  row('a', 'jiangting'),
  row('b', 'jiangting'),
  row('c', 'shuangling', 'me'),
  row('d', 'qingshui', null, ['me']),
  row('e', null),
];
const meetings = [{ name: docName('meeting', 'm1') }];
const me = 'me' as AccountId;

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('which documents a device keeps (SPEC W-PATCH-1)', () => {
  it('W-PATCH-1: a grid worker keeps every case listed to them, and every meeting', () => {
    const user = { id: me, village: 'jiangting', role: 'gridWorker' as const };
    expect(choosesVillages(user)).toBe(false);
    expect(patchOf({ user, cases, meetings, villages: new Set() })).toHaveLength(6);
  });

  it('W-PATCH-1: a department keeps its dispatched cases without choosing', () => {
    const user = { id: me, village: null, role: 'department' as const };
    expect(choosesVillages(user)).toBe(false);
    expect(patchOf({ user, cases, meetings, villages: new Set() })).toHaveLength(6);
  });

  it('W-PATCH-1: the town staff keep what they handle or lead, plus the villages they chose, or all', () => {
    const user = { id: me, village: null, role: 'judicialOffice' as const };
    expect(choosesVillages(user)).toBe(true);
    const names = (villages: ReadonlySet<string> | 'all') =>
      patchOf({ user, cases, meetings, villages }).map(String);
    expect(names(new Set())).toEqual(['case:c', 'case:d', 'meeting:m1']);
    expect(names(new Set(['jiangting']))).toEqual(['case:a', 'case:b', 'case:c', 'case:d', 'meeting:m1']);
    expect(names('all')).toHaveLength(6);
  });

  it('W-PATCH-1: each village shows its cases and the space they take, measured or estimated', () => {
    const sizes = villageSizes(cases, (name) => (name === docName('case', 'a') ? 50_000 : 0));
    const first = sizes[0] ?? { village: null, cases: 0, keptBytes: 0 };
    expect(first).toEqual({ village: 'jiangting', cases: 2, keptBytes: 50_000 });
    expect(estimatedBytes(first, 30_000)).toBe(60_000);
    expect(estimatedBytes(first, 10_000)).toBe(50_000);
    expect(estimatedBytes({ village: 'x', cases: 3, keptBytes: 0 }, null)).toBe(72_000);
  });

  it('W-PATCH-1: unticking one village of the whole town keeps the others', () => {
    const all = ['jiangting', 'qingshui', 'shuangling'];
    expect(toggledChoice('all', all, 'qingshui', false)).toEqual(new Set(['jiangting', 'shuangling']));
    expect(toggledChoice(new Set(['jiangting']), all, 'qingshui', true)).toEqual(
      new Set(['jiangting', 'qingshui']),
    );
  });

  it('W-PATCH-1: the choice is kept on the device and read back; a broken entry reads as none', () => {
    const storage = memoryStorage();
    expect(readVillageChoice(storage)).toEqual(new Set());
    writeVillageChoice(storage, new Set(['qingshui', 'jiangting']));
    expect(readVillageChoice(storage)).toEqual(new Set(['jiangting', 'qingshui']));
    writeVillageChoice(storage, 'all');
    expect(readVillageChoice(storage)).toBe('all');
    storage.setItem('concord.patch.villages', '{broken');
    expect(readVillageChoice(storage)).toEqual(new Set());
  });
});
