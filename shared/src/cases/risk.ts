import { riskGrades, type RiskGrade } from './workflow/events.ts';
import type { DisputeType } from './dispute-type.ts';

/**
 * What the judicial office weighs beside the type when it grades a dispute "by type and nature" (seed 000:
 * 按照類型、性質劃分風險等級).
 */
export const natureFlags = [
  /** Could turn criminal (民轉刑): the top grade, and a case leader's case (seed 000). */
  'couldTurnCriminal',
  /** Many people concerned (涉眾), e.g. a group of unpaid workers. */
  'groupOfPeople',
  /** Someone has threatened or used violence. */
  'violenceThreatened',
  /** Across villages or trades (跨區域、跨行業). */
  'crossBoundary',
  /** Came back after it was settled, or was petitioned again (反彈、重復投訴). */
  'repeated',
] as const;
export type NatureFlag = (typeof natureFlags)[number];

export function isNatureFlag(value: unknown): value is NatureFlag {
  return typeof value === 'string' && (natureFlags as readonly string[]).includes(value);
}

/**
 * The grade each type starts from. Seed 000 names marriage and family, neighbours, forest and land boundaries and
 * unpaid wages as the key disputes to watch; land and wage disputes concern livelihoods and often several
 * households, and a collective matter concerns many people by definition.
 */
export const typeDefaults: Readonly<Record<DisputeType, RiskGrade>> = {
  marriageFamily: 'medium',
  neighbours: 'low',
  forestLandBoundary: 'medium',
  unpaidWages: 'medium',
  land: 'medium',
  infrastructureConstruction: 'medium',
  roadSafety: 'low',
  collective: 'high',
  other: 'low',
};

const rank = (grade: RiskGrade): number => riskGrades.indexOf(grade);
const atLeast = (grade: RiskGrade, floor: RiskGrade): RiskGrade =>
  rank(grade) >= rank(floor) ? grade : floor;

/**
 * A dispute's risk grade from its type and nature (SPEC C-RISK-1). Pure, so the app proposes the same grade the
 * ledger and the tests expect; the person registering the case may still record another.
 */
export function riskGrade(type: DisputeType, nature: Iterable<NatureFlag> = []): RiskGrade {
  const flags = new Set(nature);
  if (flags.has('couldTurnCriminal')) return 'criminal';
  let grade = typeDefaults[type];
  // one grade up for reach or recurrence, but never to `criminal`: only the risk of a crime puts it there
  if (flags.has('crossBoundary') || flags.has('repeated')) {
    grade = riskGrades[Math.min(rank(grade) + 1, rank('high'))] ?? grade;
  }
  if (flags.has('violenceThreatened') || flags.has('groupOfPeople')) grade = atLeast(grade, 'high');
  return grade;
}
