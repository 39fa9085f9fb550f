import { isCaseSource } from '@concord/shared/cases/case-source.ts';
import { isDisputeType } from '@concord/shared/cases/dispute-type.ts';
import type { FieldChange, FieldValue } from '@concord/shared/cases/field-log.ts';
import { inConflict, type RegisterField, type RegisterState } from '@concord/shared/cases/field-register.ts';
import { caseSourceKey, disputeTypeKey, gridName, villageName } from '../i18n/labels.ts';
import { translate, type Locale, type MessageKey } from '../i18n/translate.ts';

/** The label of a register field, as the case page names it. */
export function registerFieldKey(field: RegisterField): MessageKey {
  switch (field) {
    case 'title':
      return 'case_title';
    case 'village':
      return 'case_village';
    case 'disputeType':
      return 'case_type';
    case 'grid':
      return 'case_grid';
    case 'source':
      return 'case_source';
  }
}

/** A value of a register field as a person reads it; one this version does not know is shown as stored. */
export function registerValueText(
  field: RegisterField,
  value: FieldValue,
  { locale, village }: { locale: Locale; village: string | null },
): string {
  if (value === null) return '—';
  const text = String(value);
  switch (field) {
    case 'title':
      return text;
    case 'village':
      return villageName(text, locale);
    case 'disputeType':
      return isDisputeType(value) ? translate(locale, disputeTypeKey(value)) : text;
    case 'grid':
      return gridName(village, text, locale);
    case 'source':
      return isCaseSource(value) ? translate(locale, caseSourceKey(value)) : text;
  }
}

/** One value of a conflict as the banner lists it (SPEC W-REG-1). */
export interface ConflictChoice {
  change: FieldChange;
  text: string;
  /** Who wrote it: a name, or null when the write does not say. */
  by: string | null;
  at: number;
  /** The one every replica shows meanwhile (SPEC C-REG-2). */
  shown: boolean;
}

/** The values of a field in conflict, the one shown first; none when the field is settled. */
export function conflictChoices(
  field: RegisterField,
  state: RegisterState,
  context: { locale: Locale; village: string | null; name: (id: string) => string },
): ConflictChoice[] {
  if (!inConflict(state)) return [];
  return state.values.map((change) => ({
    change,
    text: registerValueText(field, change.value, context),
    by: change.by === null ? null : context.name(change.by),
    at: change.at,
    shown: change.id === state.current?.id,
  }));
}
