import type { MessageKey } from '../i18n/translate.ts';

/** The words for a meeting the notice page cannot show (the reasons a case page has, SPEC W-MISSING-1). */
export function noticeMissingMessage(availability: 'none' | 'refused' | 'offline'): MessageKey {
  switch (availability) {
    case 'none':
      return 'notice_missing_none';
    case 'refused':
      return 'notice_missing_refused';
    case 'offline':
      return 'notice_missing_offline';
  }
}
