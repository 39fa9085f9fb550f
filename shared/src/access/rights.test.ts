import { describe, expect, it } from 'vitest';
import type { AccountId } from '../auth/user.ts';
import { accessTo, invitationKeys, invitedPerson, personInvitation, type Subject } from './rights.ts';

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
