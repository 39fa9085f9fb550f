import type { MessageKey } from '../i18n/translate.ts';
import type { PresenceField } from './presence.ts';

/** The field's name as its label on the case or meeting page reads. */
export function fieldKey(field: PresenceField): MessageKey {
  switch (field) {
    case 'title':
      return 'case_title';
    case 'village':
      return 'case_village';
    case 'disputeType':
      return 'case_type';
    case 'notes':
      return 'case_notes';
    default:
      // the minutes of a meeting's agenda item
      return 'minutes_heading';
  }
}
