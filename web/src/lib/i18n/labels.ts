import type { DisputeType } from '@concord/shared/cases/dispute-type.ts';
import { findVillage } from '@concord/shared/org/jurisdiction.ts';
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
