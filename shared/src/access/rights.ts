import type { AccountId, Role } from '../auth/user.ts';
import { z } from 'zod';
import { escalationLevels, type EscalationLevel } from '../org/agencies.ts';
import type { DocKind } from '../sync/doc-name.ts';

/** What a person may do with one document (SPEC A-RIGHT-*). */
export const access = { none: 'none', read: 'read', write: 'write' } as const;
export type Access = (typeof access)[keyof typeof access];

/** The person, as far as rights go. */
export interface Subject {
  id: AccountId;
  role: Role;
  /** The village of village staff; null for town staff. */
  village: string | null;
  /** The department of a department account. */
  agency: string | null;
}

/** What a case file says about who may see it, read from its content. */
export interface CaseFacts {
  kind: 'case';
  village: string | null;
  level: EscalationLevel;
  /** Accounts of the case leaders (包案领导) given the case. */
  leaders: readonly string[];
  /** Departments the case is dispatched to. */
  departments: readonly string[];
}

/**
 * Who a joint meeting invited: town agencies by role, departments as `dept:<id>`, villages as `village:<id>`, one
 * person (a case leader, a mediator) as `person:<accountId>`.
 */
export interface MeetingFacts {
  kind: 'meeting';
  invited: readonly string[];
}

export type DocFacts = CaseFacts | MeetingFacts;

/** Town agencies: they see and work on every case of the town (A-RIGHT-3). */
const townAgencies: readonly Role[] = ['governanceCentre', 'judicialOffice', 'policePost'];
/** Village staff: the cases of their own village (A-RIGHT-4). */
const villageStaff: readonly Role[] = ['villageCadre', 'gridWorker', 'mediator'];
/** Who may record a new case (A-RIGHT-8); a case leader, a department or a supervisor is given cases. */
const caseRecorders: readonly Role[] = ['admin', ...townAgencies, ...villageStaff];
/** Who may open a new joint meeting: its convener (A-RIGHT-8). */
const meetingConveners: readonly Role[] = ['admin', 'governanceCentre'];

/** How a meeting invites one person by name rather than by the body they belong to. */
export function personInvitation(id: string): string {
  return `person:${id}`;
}

/** The account a `person:<id>` invitation names, or null for an invited body. */
export function invitedPerson(party: string): string | null {
  return party.startsWith('person:') ? party.slice('person:'.length) : null;
}

/** The parties a person stands for when a meeting invites them: their body, and themselves. */
export function invitationKeys(subject: Subject): string[] {
  const keys: string[] = [subject.role, personInvitation(subject.id)];
  if (subject.role === 'department' && subject.agency) keys.push(`dept:${subject.agency}`);
  if (subject.village && villageStaff.includes(subject.role)) keys.push(`village:${subject.village}`);
  return keys;
}

function caseAccess(subject: Subject, facts: CaseFacts): Access {
  switch (subject.role) {
    case 'admin':
      return access.write;
    case 'supervisor':
      return access.read;
    case 'governanceCentre':
    case 'judicialOffice':
    case 'policePost':
      return access.write;
    case 'villageCadre':
    case 'gridWorker':
      return subject.village !== null && facts.village === subject.village ? access.write : access.none;
    case 'mediator':
      // a village's mediators take its cases; the town's mediation committee takes what was escalated to it
      if (subject.village === null) return facts.level === 'village' ? access.none : access.write;
      return facts.village === subject.village ? access.write : access.none;
    case 'caseLeader':
      if (facts.leaders.includes(subject.id)) return access.write;
      // county leaders follow what reached the county
      return facts.level === 'county' ? access.read : access.none;
    case 'department':
      return subject.agency !== null && facts.departments.includes(subject.agency)
        ? access.write
        : access.none;
  }
}

function meetingAccess(subject: Subject, facts: MeetingFacts): Access {
  if (meetingConveners.includes(subject.role)) return access.write;
  if (subject.role === 'supervisor') return access.read;
  return invitationKeys(subject).some((key) => facts.invited.includes(key)) ? access.write : access.none;
}

/**
 * What `subject` may do with a document of `kind` whose content says `facts`, or that is not stored yet
 * (`facts` null): then only those who may create such a document may open it, to write it.
 */
export function accessTo(subject: Subject, kind: DocKind, facts: DocFacts | null): Access {
  if (facts === null) {
    const creators = kind === 'case' ? caseRecorders : meetingConveners;
    return creators.includes(subject.role) ? access.write : access.none;
  }
  return facts.kind === 'case' ? caseAccess(subject, facts) : meetingAccess(subject, facts);
}

/** The facts as stored beside a document's listing, checked when read back (SPEC A-RIGHT-9). */
export const docFactsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('case'),
    village: z.string().nullable(),
    level: z.enum(escalationLevels),
    leaders: z.array(z.string()),
    departments: z.array(z.string()),
  }),
  z.object({ kind: z.literal('meeting'), invited: z.array(z.string()) }),
]);

/**
 * The villages whose cases a person may open by where the case lies, for the ledger's village filter (SPEC
 * L-FILTER-1): village staff their own village; departments and case leaders none by place, since they open only
 * the cases given to them; null for everyone who may open any village's cases (town agencies, the town's
 * mediators, supervisors, administrators). The filter offers these and the villages of the rows the person has.
 */
export function villagesOpenTo(subject: Pick<Subject, 'role' | 'village'>): readonly string[] | null {
  switch (subject.role) {
    case 'villageCadre':
    case 'gridWorker':
      return subject.village === null ? [] : [subject.village];
    case 'mediator':
      return subject.village === null ? null : [subject.village];
    case 'caseLeader':
    case 'department':
      return [];
    case 'admin':
    case 'supervisor':
    case 'governanceCentre':
    case 'judicialOffice':
    case 'policePost':
      return null;
  }
}
