import type { MessageKey } from '../i18n/translate.ts';

/**
 * What a case page can show (SPEC W-MISSING-1): the case, or, when this device has none of it, why not: the
 * server has no such case, will not let the person open it (4403, which says the same of a case that does not
 * exist, so nobody learns which numbers exist), or cannot be reached.
 */
export type CaseAvailability = 'loading' | 'shown' | 'none' | 'refused' | 'offline';

/** How long a case this device does not have waits for the server before the page says it cannot be reached. */
export const serverWaitMs = 6000;

export interface AvailabilityFacts {
  /** The local copy is loaded: before that an empty document means nothing. */
  loaded: boolean;
  /** The document holds a case file. */
  exists: boolean;
  /** The server closed the socket with 4403. */
  refused: boolean;
  /** The server has sent everything it has of the document. */
  synced: boolean;
  /** An attempt to reach the server failed. */
  unreachable: boolean;
  /** The server has not answered for {@link serverWaitMs}. */
  waitedLong: boolean;
}

export function availabilityOf(facts: AvailabilityFacts): CaseAvailability {
  if (!facts.loaded) return 'loading';
  if (facts.exists) return 'shown';
  if (facts.refused) return 'refused';
  // a person who may record cases opens an unknown number empty (SPEC A-RIGHT-8): synced and still empty, the
  // server has no such case
  if (facts.synced) return 'none';
  if (facts.unreachable || facts.waitedLong) return 'offline';
  return 'loading';
}

/** The words for a case the page cannot show. */
export function missingMessage(availability: 'none' | 'refused' | 'offline'): MessageKey {
  switch (availability) {
    case 'none':
      return 'case_missing_none';
    case 'refused':
      return 'case_missing_refused';
    case 'offline':
      return 'case_missing_offline';
  }
}
