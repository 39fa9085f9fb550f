import { en, type MessageKey, type Messages } from './messages-en.ts';
import { zhCN } from './messages-zh-CN.ts';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Picks the locale from the browser's language list: Chinese of any region reads zh-CN, anything else English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export type { MessageKey };
