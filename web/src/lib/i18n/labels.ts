import type { Role } from '@concord/shared/auth/user.ts';
import type { DisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { CaseSource } from '@concord/shared/cases/case-source.ts';
import { departments } from '@concord/shared/org/agencies.ts';
import { findGrid, findVillage } from '@concord/shared/org/jurisdiction.ts';
import type { MessageKey } from './translate.ts';
import type { Locale } from './translate.ts';

export function disputeTypeKey(type: DisputeType): MessageKey {
  return `dispute_${type}`;
}

/** The village's name in the interface language, or its id as stored if this version does not know it. */
export function villageName(id: string | null, locale: Locale): string {
  if (id === null) return '—';
  const village = findVillage(id);
  if (!village) return id;
  return locale === 'zh-CN' ? village.name.zh : village.name.en;
}

export function roleKey(role: Role): MessageKey {
  return `role_${role}`;
}

/** The department's name in the interface language, or its id as stored if this version does not know it. */
export function departmentName(id: string | null, locale: Locale): string {
  if (id === null) return '—';
  const department = departments.find((d) => d.id === id);
  if (!department) return id;
  return locale === 'zh-CN' ? department.zh : department.en;
}

/** The grid's name in the interface language, or its id as stored if this version does not know it. */
export function gridName(villageId: string | null, gridId: string | null, locale: Locale): string {
  if (villageId === null || gridId === null) return '—';
  const grid = findGrid(villageId, gridId);
  if (!grid) return gridId;
  return locale === 'zh-CN' ? grid.name.zh : grid.name.en;
}

/** The message naming how a case came to light (SPEC C-DOC-6). */
export function caseSourceKey(source: CaseSource): MessageKey {
  return `source_${source}`;
}
