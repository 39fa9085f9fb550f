import { describe, expect, it, vi } from 'vitest';
import { sampleLedgerRow, type LedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import {
  mergeServerRows,
  readKnownCases,
  registryStorageKey,
  rowWith,
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
const idOf = (name: DocName) => name.slice('case:'.length);

function known(name: DocName, fields: Partial<Omit<KnownCase, 'name'>> = {}): KnownCase {
  return {
    ...sampleLedgerRow(idOf(name), { title: `title of ${name}`, updatedAt: 100 }),
    pendingUpload: false,
    ...fields,
  };
}

function serverRow(name: DocName, fields: Partial<Omit<LedgerRow, 'name'>> = {}): LedgerRow {
  return sampleLedgerRow(idOf(name), {
    title: `server title of ${name}`,
    village: 'hongyan',
    updatedAt: 200,
    ...fields,
  });
}

const mapOf = (...cases: KnownCase[]) => new Map(cases.map((k) => [k.name, k]));

describe('mergeServerRows', () => {
  it("W-LIST-1: the server's row replaces what this device remembered of a sent case", () => {
    const { cases } = mergeServerRows(mapOf(known(a)), [serverRow(a, { stage: 'dispatched' })]);
    expect(cases.get(a)).toEqual({ ...serverRow(a, { stage: 'dispatched' }), pendingUpload: false });
  });

  it('W-LIST-1: a case edited here and not yet sent keeps this device’s row', () => {
    const mine = known(a, { title: 'edited offline', pendingUpload: true, updatedAt: 300 });
    const { cases } = mergeServerRows(mapOf(mine), [serverRow(a, { title: 'older title on the server' })]);
    expect(cases.get(a)).toEqual(mine);
  });

  it('A-RIGHT-10: each case keeps the access the server lists, a case not yet sent too', () => {
    const mine = known(b, { pendingUpload: true, access: 'write' });
    const { cases } = mergeServerRows(mapOf(known(a), mine), [
      serverRow(a, { access: 'read' }),
      serverRow(b, { access: 'read' }),
    ]);
    expect(cases.get(a)?.access).toBe('read');
    expect(cases.get(b)).toEqual({ ...mine, access: 'read' });
  });

  it('W-LIST-1: a case only this device has, with edits not yet sent, stays in the list', () => {
    const offline = known(b, { pendingUpload: true });
    const { cases, gone } = mergeServerRows(mapOf(offline), [serverRow(a)]);
    expect([...cases.keys()].sort()).toEqual([a, b]);
    expect(cases.get(b)).toEqual(offline);
    expect(gone).toEqual([]);
  });

  it('A-REVOKE-2: a sent case the server no longer lists is gone from the list', () => {
    const { cases, gone } = mergeServerRows(mapOf(known(a), known(c)), [serverRow(a)]);
    expect([...cases.keys()]).toEqual([a]);
    expect(gone).toEqual([c]);
  });

  it('A-REVOKE-2: an empty list from the server takes every sent case and no unsent one', () => {
    const { cases, gone } = mergeServerRows(mapOf(known(a), known(b, { pendingUpload: true }), known(c)), []);
    expect([...cases.keys()]).toEqual([b]);
    expect(gone.sort()).toEqual([a, c]);
  });

  it('W-LIST-1: cases only the server has are added, as sent', () => {
    const { cases } = mergeServerRows(new Map(), [serverRow(a), serverRow(b, { village: null })]);
    expect(cases.get(a)?.pendingUpload).toBe(false);
    expect(cases.get(b)).toMatchObject({ village: null, pendingUpload: false });
  });

  it('W-LIST-1: merging leaves the remembered map as it was', () => {
    const remembered = mapOf(known(a), known(c));
    mergeServerRows(remembered, [serverRow(a), serverRow(b)]);
    expect(remembered).toEqual(mapOf(known(a), known(c)));
  });
});

describe('rowWith', () => {
  const summary = {
    title: '林地纠纷',
    village: 'jiangting',
    grid: null,
    disputeType: 'land',
    createdAt: 5,
    level: 'village',
    leaders: [],
    departments: [],
  } as const;

  it('W-LIST-1: a case only this device knows starts as a reported case the person may write', () => {
    const row = rowWith(a, undefined, { ...summary, leaders: [], departments: [] }, true, 42);
    expect(row).toMatchObject({
      name: a,
      title: '林地纠纷',
      stage: 'reported',
      access: 'write',
      updatedAt: 42,
    });
    expect(row.pendingUpload).toBe(true);
  });

  it('L-LEDGER-5: what the case file says wins; what it did not say (the stage, the access) stays', () => {
    const before = known(a, { stage: 'dispatched', access: 'read', handler: 'x' });
    const row = rowWith(a, before, { ...summary, leaders: [], departments: [], title: 'new' }, false, 300);
    expect(row).toMatchObject({
      title: 'new',
      stage: 'dispatched',
      access: 'read',
      handler: 'x',
      updatedAt: 300,
    });
  });

  it('L-LEDGER-5: a row that did not change keeps its time, and a sent row stays unsent once edited here', () => {
    const before = known(a, { ...summary, leaders: [], departments: [], pendingUpload: true });
    const row = rowWith(a, before, { ...summary, leaders: [], departments: [] }, false, 999);
    expect(row).toEqual(before);
  });

  it('L-STATS-4: a case closed on this device counts as closed in its row before the server sends it', () => {
    const before = known(a, {
      ...summary,
      leaders: [],
      departments: [],
      stage: 'handling',
      registeredAt: 10,
    });
    const closed = { registeredAt: 10, closedAt: 20, reopenings: 0, satisfaction: 5 };
    const fields = { ...summary, leaders: [], departments: [], stage: 'closed' as const, ...closed };
    const row = rowWith(a, before, fields, true, 30);
    expect(row).toMatchObject({ stage: 'closed', ...closed, updatedAt: 30 });
  });
});

describe('readKnownCases and writeKnownCases', () => {
  it('W-LIST-1: what is written is read back the same', () => {
    const storage = new MemoryStorage();
    const cases = mapOf(
      known(a, { parties: ['王某'] }),
      known(b, { title: '林地纠纷', village: null, pendingUpload: true, access: 'read' }),
    );
    writeKnownCases(storage, cases.values());
    expect(readKnownCases(storage)).toEqual(cases);
  });

  it('W-LIST-1: a device that never stored a list knows no cases', () => {
    expect(readKnownCases(new MemoryStorage()).size).toBe(0);
  });

  it('W-LIST-1: a stored list that is not JSON or not of a known version is ignored, not guessed at', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = new MemoryStorage();
    for (const raw of ['{not json', 'null', '[]', JSON.stringify({ version: 3, cases: [known(a)] })]) {
      storage.setItem(registryStorageKey, raw);
      expect(readKnownCases(storage).size, raw).toBe(0);
    }
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('W-LIST-1, A-RIGHT-10: a version 1 list is read as rows; one kept before rights existed is writable', () => {
    const storage = new MemoryStorage();
    const old = { name: a, title: 'old', village: 'jiangting', updatedAt: 7, pendingUpload: true };
    storage.setItem(registryStorageKey, JSON.stringify({ version: 1, cases: [old] }));
    expect(readKnownCases(storage).get(a)).toMatchObject({
      ...old,
      access: 'write',
      stage: 'reported',
      level: 'village',
    });
  });

  it('W-LIST-1: a case waiting to be sent, kept before rows had grids, is still listed, with no grid', () => {
    const storage = new MemoryStorage();
    const { grid: _grid, ...before } = known(a, { pendingUpload: true });
    storage.setItem(registryStorageKey, JSON.stringify({ version: 2, cases: [before] }));
    expect(readKnownCases(storage).get(a)).toEqual(known(a, { pendingUpload: true, grid: null }));
  });

  it('W-LIST-1: entries that are not case rows are left out, the others kept', () => {
    const storage = new MemoryStorage();
    const stored = {
      version: 2,
      cases: [
        known(a),
        { ...known(b), name: 'meeting:bbbb' },
        { ...known(c), name: 'case:../x' },
        { ...known(c), stage: 'lost' },
        { ...known(c), pendingUpload: undefined },
      ],
    };
    storage.setItem(registryStorageKey, JSON.stringify(stored));
    expect(readKnownCases(storage)).toEqual(mapOf(known(a)));
  });
});
