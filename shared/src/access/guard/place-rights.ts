import type { Role } from '../../auth/user.ts';
import { findGrid, findVillage } from '../../org/jurisdiction.ts';
import { caseSchemaVersion } from '../../cases/case-file.ts';
import { isCaseSource } from '../../cases/case-source.ts';
import { isDisputeType } from '../../cases/dispute-type.ts';
import { guardRefusal, type GuardRefusal } from '../guard-refusals.ts';
import type { Subject } from '../rights.ts';

/**
 * Who may change which fact of a case (SPEC A-GUARD-3): pure rules the web app asks before it offers a change and
 * the sync server asks of every change it receives.
 */

/** The town's agencies and the administrator move a case between villages; a village cannot send it away. */
const placeMovers: readonly Role[] = ['admin', 'governanceCentre', 'judicialOffice', 'policePost'];

/** Keys of the case map set once, when the case is created, and never changed after. */
export const fixedCaseKeys = ['id', 'schemaVersion', 'createdAt'] as const;

/** Keys of the case map that decide who may open it: given by dispatch steps, never written as fields. */
export const assignmentCaseKeys = ['level', 'leaders', 'departments'] as const;

export function mayMoveVillage(subject: Subject): boolean {
  return placeMovers.includes(subject.role);
}

/** A village's own staff, or whoever may move cases, may place a case of `village` in one of its grids. */
export function mayPlaceInGrid(subject: Subject, village: string | null): boolean {
  if (placeMovers.includes(subject.role)) return true;
  return subject.village !== null && subject.village === village;
}

/**
 * Why `subject` may not set the case map's `key` from `before` to `after` (`undefined`: taken away) on a case of
 * `village` (its village before the change), or null when they may.
 */
export function caseKeyRefusal(
  subject: Subject,
  key: string,
  change: { before: unknown; after: unknown },
  village: string | null,
  villageAfter: string | null,
): GuardRefusal | null {
  const { before, after } = change;
  // a case written by an older layout is raised to this one by its first write in the new layout (SPEC C-DOC-3)
  const upgrade =
    key === 'schemaVersion' && typeof before === 'number' && after === caseSchemaVersion && before < after;
  if (upgrade) return null;
  if ((fixedCaseKeys as readonly string[]).includes(key)) return guardRefusal.required;
  if ((assignmentCaseKeys as readonly string[]).includes(key)) {
    return subject.role === 'admin' ? null : guardRefusal.assignment;
  }
  switch (key) {
    case 'village':
      if (typeof after !== 'string' || !findVillage(after)) return guardRefusal.required;
      return mayMoveVillage(subject) ? null : guardRefusal.place;
    case 'grid':
      if (!mayPlaceInGrid(subject, village) || !mayPlaceInGrid(subject, villageAfter))
        return guardRefusal.place;
      if (after === undefined || after === null) return null;
      return typeof after === 'string' && villageAfter !== null && findGrid(villageAfter, after)
        ? null
        : guardRefusal.place;
    case 'disputeType':
      return isDisputeType(after) ? null : guardRefusal.required;
    case 'source':
      // how the case came to light is one of the known ways, once said (SPEC C-DOC-6)
      return isCaseSource(after) ? null : guardRefusal.required;
    case 'title':
      return typeof after === 'string' && after.trim() !== '' ? null : guardRefusal.required;
    default:
      return null;
  }
}

/** Village staff record cases of their own village only; the others who may record cases, of any village. */
export function mayCreateIn(subject: Subject, village: unknown): boolean {
  if (typeof village !== 'string' || !findVillage(village)) return false;
  if (placeMovers.includes(subject.role)) return true;
  return subject.village !== null && subject.village === village;
}
