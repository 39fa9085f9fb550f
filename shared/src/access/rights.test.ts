import { describe, expect, it } from 'vitest';
import type { AccountId } from '../auth/user.ts';
import { roles } from '../auth/user.ts';
import { escalationLevels } from '../org/agencies.ts';
import {
  accessTo,
  invitationKeys,
  invitedPerson,
  personInvitation,
  villagesOpenTo,
  type Subject,
} from './rights.ts';

const leader = (id: string): Subject => ({
  id: id as AccountId,
  role: 'caseLeader',
  village: null,
  agency: null,
});

describe('a meeting that invites one person by name', () => {
  it('A-RIGHT-7: the person invited by name writes the meeting; another of the same role does not see it', () => {
    const facts = { kind: 'meeting', invited: ['judicialOffice', personInvitation('leader-wang')] } as const;
    expect(accessTo(leader('leader-wang'), 'meeting', facts)).toBe('write');
    expect(accessTo(leader('leader-li'), 'meeting', facts)).toBe('none');
  });

  it('A-RIGHT-7: a person stands for their body and for themselves; an invitation names either', () => {
    expect(invitationKeys(leader('leader-wang'))).toEqual(['caseLeader', 'person:leader-wang']);
    expect(invitedPerson(personInvitation('leader-wang'))).toBe('leader-wang');
    expect(invitedPerson('dept:labour')).toBeNull();
    expect(invitedPerson('judicialOffice')).toBeNull();
  });
});

describe('the villages a person may filter the ledger by', () => {
  const villages = ['jiangting', 'hongyan', 'pingzhai'];
  const person = (role: Subject['role'], village: string | null): Subject => ({
    id: 'someone' as AccountId,
    role,
    village,
    agency: role === 'department' ? 'labour' : null,
  });
  const opens = (subject: Subject, village: string) =>
    escalationLevels
      .filter((level) => level !== 'county')
      .some(
        (level) =>
          accessTo(subject, 'case', { kind: 'case', village, level, leaders: [], departments: [] }) !==
          'none',
      );

  it('L-FILTER-1: village staff their own village, departments and case leaders none by place, the town all', () => {
    expect(villagesOpenTo(person('villageCadre', 'jiangting'))).toEqual(['jiangting']);
    expect(villagesOpenTo(person('gridWorker', 'hongyan'))).toEqual(['hongyan']);
    expect(villagesOpenTo(person('mediator', 'pingzhai'))).toEqual(['pingzhai']);
    expect(villagesOpenTo(person('mediator', null))).toBeNull();
    expect(villagesOpenTo(person('department', null))).toEqual([]);
    expect(villagesOpenTo(person('caseLeader', null))).toEqual([]);
    expect(villagesOpenTo(person('judicialOffice', null))).toBeNull();
    expect(villagesOpenTo(person('supervisor', null))).toBeNull();
  });

  it('L-FILTER-1, A-RIGHT-4: a village offered is one whose cases the rights open by place, and only such', () => {
    for (const role of roles) {
      for (const own of [null, 'jiangting']) {
        const subject = person(role, own);
        const open = villagesOpenTo(subject);
        for (const village of villages) {
          const offered = open === null || open.includes(village);
          expect(offered, `${role} of ${own ?? 'the town'}: ${village}`).toBe(opens(subject, village));
        }
      }
    }
  });
});
