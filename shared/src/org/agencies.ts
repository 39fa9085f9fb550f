/**
 * The town's functional departments (职能部门) that cases are dispatched to (seed 004). A department account
 * belongs to one of them.
 */
export const departments = [
  { id: 'naturalResources', zh: '自然资源所', en: 'Natural resources office' },
  { id: 'labour', zh: '劳动保障所', en: 'Labour and social security office' },
  { id: 'housing', zh: '住建站', en: 'Housing and construction station' },
  { id: 'market', zh: '市场监管所', en: 'Market supervision office' },
] as const;
export type DepartmentId = (typeof departments)[number]['id'];

export function isDepartmentId(value: unknown): value is DepartmentId {
  return typeof value === 'string' && departments.some((d) => d.id === value);
}

/** How far up a case has gone: each level tries up to three mediations before passing it on (DOMAIN.md). */
export const escalationLevels = ['village', 'town', 'county'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export function isEscalationLevel(value: unknown): value is EscalationLevel {
  return typeof value === 'string' && (escalationLevels as readonly string[]).includes(value);
}
