import { describe, expect, it } from 'vitest';
import { locales, translate } from '../i18n/translate.ts';
import { availabilityOf, missingMessage, type AvailabilityFacts } from './case-availability.ts';

const base: AvailabilityFacts = {
  loaded: true,
  exists: false,
  refused: false,
  synced: false,
  unreachable: false,
  waitedLong: false,
};

describe('availabilityOf', () => {
  it('W-MISSING-1: a case on this device is shown, whatever the server says or does not say', () => {
    for (const refused of [false, true])
      for (const unreachable of [false, true])
        expect(availabilityOf({ ...base, exists: true, refused, unreachable })).toBe('shown');
  });

  it('W-MISSING-1: until the local copy is loaded, and while the server is being asked, the page waits', () => {
    expect(availabilityOf({ ...base, loaded: false, synced: true })).toBe('loading');
    expect(availabilityOf(base)).toBe('loading');
  });

  it('W-MISSING-1: empty after the server sent all it has: no such case; refused: not theirs; no answer: offline', () => {
    expect(availabilityOf({ ...base, synced: true })).toBe('none');
    expect(availabilityOf({ ...base, refused: true })).toBe('refused');
    expect(availabilityOf({ ...base, unreachable: true })).toBe('offline');
    // a server that neither answers nor fails (a dead network) is not waited for without end
    expect(availabilityOf({ ...base, waitedLong: true })).toBe('offline');
    // a refusal is the server's word, and outweighs a later failure to reach it
    expect(availabilityOf({ ...base, refused: true, unreachable: true })).toBe('refused');
  });

  it('W-MISSING-1, W-I18N-1: each reason has its own words in both languages', () => {
    for (const locale of locales) {
      const said = (['none', 'refused', 'offline'] as const).map((why) =>
        translate(locale, missingMessage(why)),
      );
      expect(new Set(said).size).toBe(3);
    }
  });
});
