import { describe, expect, it } from 'vitest';
import { publicUserSchema, roles } from './user.ts';
import {
  accountChangeSchema,
  gridProblem,
  gridRefusal,
  keptGrid,
  newAccountSchema,
  placementProblem,
} from './admin.ts';

const walker = { role: 'gridWorker', village: 'jiangting', agency: null, grid: 'jiangting-2' } as const;

describe('grids on accounts', () => {
  it('A-ACCT-3: a grid worker may have a grid of their own village', () => {
    expect(gridProblem(walker)).toBeNull();
    expect(placementProblem(walker)).toBeNull();
    expect(placementProblem({ ...walker, grid: null })).toBeNull();
  });

  it('A-ACCT-3: a grid of another village is refused, with the reason', () => {
    expect(gridProblem({ ...walker, grid: 'hongyan-2' })).toBe(gridRefusal.notInVillage);
    expect(gridProblem({ ...walker, grid: 'atlantis-1' })).toBe(gridRefusal.notInVillage);
    expect(placementProblem({ ...walker, grid: 'hongyan-2' })).toMatch(/grid/);
  });

  it('A-ACCT-3: no role but the grid worker has a grid', () => {
    for (const role of roles.filter((r) => r !== 'gridWorker')) {
      const agency = role === 'department' ? 'labour' : null;
      expect(gridProblem({ ...walker, role }), role).toBe(gridRefusal.notGridWorker);
      expect(placementProblem({ ...walker, role, agency }), role).toMatch(/grid/);
      expect(gridProblem({ ...walker, role, grid: null }), role).toBeNull();
    }
  });

  it('A-ACCT-3: a change that leaves the grid out keeps it only while it still fits', () => {
    expect(keptGrid(walker)).toBe('jiangting-2');
    // moved to another village: the grid of the old one goes
    expect(keptGrid({ ...walker, village: 'hongyan' })).toBeNull();
    // no longer a grid worker: no grid
    expect(keptGrid({ ...walker, role: 'villageCadre' })).toBeNull();
  });

  it('A-ACCT-3: the HTTP schemas take a known grid or none, and read an absent one on a new account as none', () => {
    const account = {
      username: 'grid7',
      displayName: '网格员',
      role: 'gridWorker',
      village: 'jiangting',
      agency: null,
      password: 'long enough',
    };
    expect(newAccountSchema.parse(account).grid).toBeNull();
    expect(newAccountSchema.parse({ ...account, grid: 'jiangting-3' }).grid).toBe('jiangting-3');
    expect(newAccountSchema.safeParse({ ...account, grid: 'jiangting-9' }).success).toBe(false);
    expect(newAccountSchema.safeParse({ ...account, grid: 3 }).success).toBe(false);
    expect(accountChangeSchema.parse({ grid: null })).toEqual({ grid: null });
    expect(accountChangeSchema.parse({})).toEqual({});
    expect(accountChangeSchema.safeParse({ grid: 'x'.repeat(65) }).success).toBe(false);
  });

  it('A-ACCT-3, A-AUTH-3: a sign-in kept on a device from before grids still reads, with no grid', () => {
    const kept = {
      id: 'a',
      username: 'grid1',
      displayName: '杨梅',
      role: 'gridWorker',
      village: 'jiangting',
    };
    expect(publicUserSchema.parse({ ...kept, agency: null }).grid).toBeNull();
    expect(publicUserSchema.parse({ ...kept, agency: null, grid: 'jiangting-1' }).grid).toBe('jiangting-1');
  });
});
