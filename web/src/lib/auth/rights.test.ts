import { describe, expect, it } from 'vitest';
import { roles, type AccountId, type PublicUser, type Role } from '@concord/shared/auth/user.ts';
import { isAdministrator, mayRecordCases } from './rights.ts';

const person = (role: Role): PublicUser => ({
  id: `id-${role}` as AccountId,
  username: role,
  displayName: role,
  role,
  village: role === 'villageCadre' || role === 'gridWorker' ? 'jiangting' : null,
  agency: role === 'department' ? 'labour' : null,
  grid: null,
});

describe('mayRecordCases', () => {
  it('A-RIGHT-8: administrators, the town’s agencies and village staff record cases; the others are given them', () => {
    const recorders = roles.filter((role) => mayRecordCases(person(role)));
    expect(recorders.sort()).toEqual(
      [
        'admin',
        'governanceCentre',
        'gridWorker',
        'judicialOffice',
        'mediator',
        'policePost',
        'villageCadre',
      ].sort(),
    );
  });
});

describe('isAdministrator', () => {
  it('A-ACCT-1: only the admin role manages accounts', () => {
    expect(roles.filter((role) => isAdministrator(person(role)))).toEqual(['admin']);
    expect(isAdministrator(null)).toBe(false);
  });
});
