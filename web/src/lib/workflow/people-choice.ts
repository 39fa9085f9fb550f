import type { Role } from '@concord/shared/auth/user.ts';
import { mayHandle } from '@concord/shared/cases/workflow/step-rights.ts';
import type { EscalationLevel } from '@concord/shared/org/agencies.ts';
import type { Person } from './people.ts';

/**
 * Who a step form offers (SPEC W-PEOPLE-1): people from the staff directory, never typed names, and of them only
 * those who can act on the case. Pure, so the rules are tested without a browser.
 */

const villageRoles: readonly Role[] = ['villageCadre', 'gridWorker', 'mediator'];

/** Village staff belong to the case's village; a town mediator (no village) and town staff to every case. */
function ofThisCase(person: Person, caseVillage: string | null): boolean {
  if (person.role === null || !villageRoles.includes(person.role) || person.village === null) return true;
  return person.village === caseVillage;
}

/** Active accounts that may handle the case at `level` (SPEC C-STEP-2): those who mediate there. */
export function handlerCandidates(
  people: readonly Person[],
  level: EscalationLevel,
  caseVillage: string | null,
): Person[] {
  return people.filter(
    (person) =>
      person.active &&
      person.role !== null &&
      mayHandle({ role: person.role, village: person.village }, level) &&
      ofThisCase(person, caseVillage),
  );
}

/** Active case-leader accounts: "one problem, one leader" (包案领导). */
export function leaderCandidates(people: readonly Person[]): Person[] {
  return people.filter((person) => person.active && person.role === 'caseLeader');
}

const takesNoPart: readonly (Role | null)[] = ['admin', 'supervisor', null];

/** Staff who may have taken part in a mediation attempt on the case: anyone who works cases, of its village. */
export function participantCandidates(people: readonly Person[], caseVillage: string | null): Person[] {
  return people.filter(
    (person) => person.active && !takesNoPart.includes(person.role) && ofThisCase(person, caseVillage),
  );
}

/** Folded for search: case and width alike, spaces ignored. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * The people whose name or description (their role, in the reader's language) contains what was typed: any part
 * of a Chinese name (李所长, 所长) or a role (司法所). An empty query matches everyone.
 */
export function matchPeople(
  people: readonly Person[],
  query: string,
  describe: (person: Person) => string,
): Person[] {
  const wanted = fold(query);
  if (wanted === '') return [...people];
  return people.filter((person) => fold(`${person.name}${describe(person)}`).includes(wanted));
}
