import { roles, type Role } from '@concord/shared/auth/user.ts';
import type { MeetingKind } from '@concord/shared/meetings/meeting-parts.ts';
import { departmentName, villageName } from '../i18n/labels.ts';
import { translate, type Locale, type MessageKey, type MessageParams } from '../i18n/translate.ts';

/** Everything a meeting's papers say, in one language: plain functions, so the .docx builder runs without a page. */
export interface PaperWords {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** An invited body (`judicialOffice`, `dept:<id>`, `village:<id>`) by its name. */
  body: (key: string) => string;
  kind: (kind: MeetingKind) => string;
  /** A `YYYY-MM-DD` day as the language writes it. */
  day: (iso: string) => string;
  /** A moment, date and time. */
  dateTime: (ms: number) => string;
  /** Names in a row: 、 between them in Chinese, commas in English. */
  list: (items: readonly string[]) => string;
}

function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function bodyName(key: string, locale: Locale): string {
  if (key.startsWith('dept:')) return departmentName(key.slice('dept:'.length), locale);
  if (key.startsWith('village:')) return villageName(key.slice('village:'.length), locale);
  return isRole(key) ? translate(locale, `role_${key}`) : key;
}

/** A `YYYY-MM-DD` day as the language writes it, in full on paper or short in a list. */
export function formatDay(iso: string, locale: Locale, style: 'long' | 'medium' = 'long'): string {
  const [year, month, date] = iso.split('-').map(Number);
  if (!year || !month || !date) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, date)),
  );
}

export function paperWords(locale: Locale): PaperWords {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    body: (key) => bodyName(key, locale),
    kind: (kind) => translate(locale, `papers_kind_${kind}`),
    day: (iso) => formatDay(iso, locale),
    dateTime: (ms) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms)),
    list: (items) => items.join(locale === 'zh-CN' ? '、' : ', '),
  };
}
