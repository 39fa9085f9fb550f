import {
  isLocale,
  localeFromLanguages,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from './translate.ts';

const storageKey = 'concord.locale';

/** The interface language: the browser's, until the person picks one with the switch (kept on this device). */
class LocaleState {
  #current = $state<Locale>('zh-CN');

  constructor() {
    if (typeof window === 'undefined') return;
    const saved = readSaved();
    this.#current = saved ?? localeFromLanguages(navigator.languages);
    document.documentElement.lang = this.#current;
  }

  get current(): Locale {
    return this.#current;
  }

  set(locale: Locale): void {
    this.#current = locale;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(storageKey, locale);
    } catch (error) {
      // the choice still holds for this visit; only remembering it failed
      console.warn('could not remember the language choice', error);
    }
  }

  toggle(): void {
    this.set(this.#current === 'zh-CN' ? 'en' : 'zh-CN');
  }

  t = (key: MessageKey, params?: MessageParams): string => translate(this.#current, key, params);

  /** Formats a date for the current language. */
  date = (ms: number): string =>
    new Intl.DateTimeFormat(this.#current, { dateStyle: 'medium' }).format(new Date(ms));

  /** Formats the time of day alone, for the current language. */
  time = (ms: number): string =>
    new Intl.DateTimeFormat(this.#current, { timeStyle: 'short' }).format(new Date(ms));

  /** Formats a moment, date and time, for the current language. */
  dateTime = (ms: number): string =>
    new Intl.DateTimeFormat(this.#current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

function readSaved(): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage blocked: fall back to the browser's languages
  }
}

export const locale = new LocaleState();
export const t = locale.t;
