import { describe, expect, it } from 'vitest';
import { staffResponseSchema } from '@concord/shared/people/staff.ts';
import { appsInMemory, tokenOf } from './test-app.ts';

const appWith = appsInMemory();

/** The app with three accounts; the grid worker is signed in. */
const setup = async () =>
  (
    await appWith([
      {
        id: 'acct-grid',
        displayName: '网格员 张',
        role: 'gridWorker',
        village: 'jiangting',
        grid: 'jiangting-2',
      },
      { id: 'acct-dept', displayName: '自然资源所 何', role: 'department', agency: 'naturalResources' },
      {
        id: 'acct-gone',
        displayName: '已调离 李',
        role: 'policePost',
        disabled: true,
        passwordHash: 'secret-hash',
      },
    ])
  ).app;

describe('GET /api/people', () => {
  it('A-DIR-1: any signed-in person gets every account’s name, role and place, and whether it is active', async () => {
    const app = await setup();
    const response = await app.request('/api/people', {
      headers: { authorization: `Bearer ${tokenOf('acct-grid')}` },
    });
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    const people = staffResponseSchema.parse(body).people.sort((a, b) => a.id.localeCompare(b.id));
    expect(people).toEqual([
      {
        id: 'acct-dept',
        displayName: '自然资源所 何',
        role: 'department',
        village: null,
        agency: 'naturalResources',
        grid: null,
        active: true,
      },
      {
        id: 'acct-gone',
        displayName: '已调离 李',
        role: 'policePost',
        village: null,
        agency: null,
        grid: null,
        active: false,
      },
      {
        id: 'acct-grid',
        displayName: '网格员 张',
        role: 'gridWorker',
        village: 'jiangting',
        agency: null,
        grid: 'jiangting-2',
        active: true,
      },
    ]);
    // nothing that signs anyone in
    expect(JSON.stringify(body)).not.toMatch(/user-acct|secret-hash|username|password/);
  });

  it('A-DIR-1: without a sign-in the directory is refused', async () => {
    const app = await setup();
    const response = await app.request('/api/people');
    expect(response.status).toBe(401);
  });
});
