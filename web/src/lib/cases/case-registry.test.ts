import { describe, expect, it, vi } from 'vitest';
import type { DocListing } from '@concord/shared/docs/listing.ts';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import {
  mergeServerList,
  readKnownCases,
  registryStorageKey,
  sortCases,
  writeKnownCases,
  type KnownCase,
} from './case-registry.ts';

/** An in-memory stand-in for localStorage: the registry needs only getItem and setItem. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

const a = docName('case', 'aaaa');
const b = docName('case', 'bbbb');
const c = docName('case', 'cccc');

function known(name: DocName, fields: Partial<Omit<KnownCase, 'name'>> = {}): KnownCase {
  return {
    name,
    title: `title of ${name}`,
    village: 'jiangting',
    updatedAt: 100,
    pendingUpload: false,
    access: 'write',
    ...fields,
  };
}

function listing(name: DocName, fields: Partial<Omit<DocListing, 'name'>> = {}): DocListing {
  return {
    name,
    kind: 'case',
    title: `server title of ${name}`,
    village: 'hongyan',
    updatedAt: 200,
    access: 'write',
    ...fields,
  };
}

const mapOf = (...cases: KnownCase[]) => new Map(cases.map((k) => [k.name, k]));

describe('mergeServerList', () => {
  it("W-LIST-1: the server's row replaces what this device remembered of a sent case", () => {
    const { cases } = mergeServerList(mapOf(known(a)), [listing(a)]);
    expect(cases.get(a)).toEqual({
      name: a,
      title: 'server title of case:aaaa',
      village: 'hongyan',
      updatedAt: 200,
      pendingUpload: false,
      access: 'write',
    });
  });

  it('W-LIST-1: a case edited here and not yet sent keeps this device’s row', () => {
    const mine = known(a, { title: 'edited offline', pendingUpload: true, updatedAt: 300 });
    const { cases } = mergeServerList(mapOf(mine), [listing(a, { title: 'older title on the server' })]);
    expect(cases.get(a)).toEqual(mine);
  });

  it('A-RIGHT-10: each case keeps the access the server lists, a case not yet sent too', () => {
    const mine = known(b, { pendingUpload: true, access: 'write' });
    const { cases } = mergeServerList(mapOf(known(a), mine), [
      listing(a, { access: 'read' }),
      listing(b, { access: 'read' }),
    ]);
    expect(cases.get(a)?.access).toBe('read');
    expect(cases.get(b)).toEqual({ ...mine, access: 'read' });
  });

  it('W-LIST-1: a case only this device has, with edits not yet sent, stays in the list', () => {
    const offline = known(b, { pendingUpload: true });
    const { cases, gone } = mergeServerList(mapOf(offline), [listing(a)]);
    expect([...cases.keys()].sort()).toEqual([a, b]);
    expect(cases.get(b)).toEqual(offline);
    expect(gone).toEqual([]);
  });

  it('A-REVOKE-2: a sent case the server no longer lists is gone from the list', () => {
    const { cases, gone } = mergeServerList(mapOf(known(a), known(c)), [listing(a)]);
    expect([...cases.keys()]).toEqual([a]);
    expect(gone).toEqual([c]);
  });

  it('A-REVOKE-2: an empty list from the server takes every sent case and no unsent one', () => {
    const { cases, gone } = mergeServerList(mapOf(known(a), known(b, { pendingUpload: true }), known(c)), []);
    expect([...cases.keys()]).toEqual([b]);
    expect(gone.sort()).toEqual([a, c]);
  });

  it('W-LIST-1: cases only the server has are added, as sent', () => {
    const { cases } = mergeServerList(new Map(), [listing(a), listing(b, { village: null })]);
    expect(cases.get(a)?.pendingUpload).toBe(false);
    expect(cases.get(b)).toMatchObject({ village: null, pendingUpload: false });
  });

  it('W-LIST-1: meetings in the server list are not listed as cases', () => {
    const meeting = docName('meeting', 'mmmm');
    const { cases } = mergeServerList(new Map(), [listing(meeting, { kind: 'meeting' })]);
    expect(cases.size).toBe(0);
  });

  it('W-LIST-1: merging leaves the remembered map as it was', () => {
    const remembered = mapOf(known(a), known(c));
    mergeServerList(remembered, [listing(a), listing(b)]);
    expect(remembered).toEqual(mapOf(known(a), known(c)));
  });
});

describe('readKnownCases and writeKnownCases', () => {
  it('W-LIST-1: what is written is read back the same', () => {
    const storage = new MemoryStorage();
    const cases = mapOf(
      known(a),
      known(b, { title: '林地纠纷', village: null, pendingUpload: true, access: 'read' }),
    );
    writeKnownCases(storage, cases);
    expect(readKnownCases(storage)).toEqual(cases);
  });

  it('W-LIST-1: a device that never stored a list knows no cases', () => {
    expect(readKnownCases(new MemoryStorage()).size).toBe(0);
  });

  it('W-LIST-1: a stored list that is not JSON or not of this version is ignored, not guessed at', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = new MemoryStorage();
    for (const raw of ['{not json', 'null', '[]', JSON.stringify({ version: 2, cases: [known(a)] })]) {
      storage.setItem(registryStorageKey, raw);
      expect(readKnownCases(storage).size, raw).toBe(0);
    }
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('A-RIGHT-10: a row kept before rights existed reads as writable', () => {
    const storage = new MemoryStorage();
    const { access: _access, ...old } = known(a);
    storage.setItem(registryStorageKey, JSON.stringify({ version: 1, cases: [old] }));
    expect(readKnownCases(storage).get(a)?.access).toBe('write');
  });

  it('W-LIST-1: entries that are not case names are left out, the others kept', () => {
    const storage = new MemoryStorage();
    const stored = {
      version: 1,
      cases: [
        known(a),
        { ...known(b), name: 'meeting:bbbb' },
        { ...known(c), name: 'case:../x' },
        { ...known(c), name: 'nonsense' },
      ],
    };
    storage.setItem(registryStorageKey, JSON.stringify(stored));
    expect(readKnownCases(storage)).toEqual(mapOf(known(a)));
  });
});

describe('sortCases', () => {
  it('W-LIST-1: newest first, equal times in name order', () => {
    const sorted = sortCases([
      known(c, { updatedAt: 5 }),
      known(b, { updatedAt: 9 }),
      known(a, { updatedAt: 5 }),
    ]);
    expect(sorted.map((k) => k.name)).toEqual([b, a, c]);
  });
});
