import type { Locale } from '../i18n/translate.ts';

/**
 * The space this app's data takes on the device and what the browser leaves it (SPEC W-STORE-1), worded for the
 * account page: a field worker whose phone is nearly full learns it there, before a case fails to be kept.
 */

// no unit below the kilobyte: Intl has no short form of "byte" that reads well in every language
const units = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A size in the reader's language: 1,000-based units (as phones show storage), one decimal at most. */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = Math.max(0, bytes) / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** What the browser says of the app's storage; each part null where the browser does not say. */
export interface StorageFigures {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

/** The used and available sizes as shown, or null where unknown; available is what the quota leaves. */
export function shownFigures(
  figures: StorageFigures,
  locale: Locale,
): { used: string | null; available: string | null } {
  const { usage, quota } = figures;
  return {
    used: usage === null ? null : formatBytes(usage, locale),
    available: quota === null ? null : formatBytes(Math.max(0, quota - (usage ?? 0)), locale),
  };
}
