import { accessTo, type CaseFacts, type Subject } from '@concord/shared/access/rights.ts';
import type { CaseSummary } from '@concord/shared/cases/case-file.ts';
import type { VillageId } from '@concord/shared/org/jurisdiction.ts';

/**
 * What a change of a case's place does to the person making it (SPEC W-MOVE-1): nothing to their rights, leaves
 * them only reading it, or takes it out of their hands altogether. Decided by the one rights function the server
 * decides with, on the facts the case would have afterwards.
 */
export type MoveConsequence = 'keeps' | 'readOnly' | 'loses';

/** What decides who may open a case, as its summary says now (SPEC A-RIGHT-9). */
export function caseFacts(summary: CaseSummary): CaseFacts {
  return {
    kind: 'case',
    village: summary.village,
    level: summary.level,
    leaders: summary.leaders,
    departments: summary.departments,
  };
}

export function moveConsequence(subject: Subject, before: CaseFacts, after: CaseFacts): MoveConsequence {
  const now = accessTo(subject, 'case', before);
  const next = accessTo(subject, 'case', after);
  if (now === next || now === 'none') return 'keeps';
  if (next === 'none') return 'loses';
  return now === 'write' && next === 'read' ? 'readOnly' : 'keeps';
}

/** Moving the case to `village`: asked first when it takes the case out of the person's rights. */
export interface VillageMove {
  village: VillageId;
  consequence: MoveConsequence;
}

export function planVillageMove(subject: Subject, summary: CaseSummary, village: VillageId): VillageMove {
  const before = caseFacts(summary);
  return { village, consequence: moveConsequence(subject, before, { ...before, village }) };
}
