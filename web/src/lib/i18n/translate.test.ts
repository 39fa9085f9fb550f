import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './messages-en.ts';
import { zhCN } from './messages-zh-CN.ts';
import { isLocale, localeFromLanguages, translate } from './translate.ts';

const placeholders = (template: string): string[] =>
  [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
const keys = Object.keys(en) as MessageKey[];

describe('translate', () => {
  it('W-I18N-1: fills a placeholder with the value given, in either language', () => {
    expect(translate('en', 'cases_count', { count: 3 })).toBe('3 cases');
    expect(translate('zh-CN', 'cases_count', { count: 3 })).toBe('共 3 件');
    expect(translate('zh-CN', 'case_unknown_value', { value: 'atlantis' })).toBe('未知(atlantis)');
  });

  it('W-I18N-1: a message without placeholders comes back as written', () => {
    expect(translate('en', 'new_case_village_required')).toBe('Choose the village.');
    expect(translate('zh-CN', 'new_case_village_required')).toBe('请选择所属村。');
  });

  it('W-I18N-1: a placeholder given no value stays visible rather than vanishing', () => {
    expect(translate('en', 'new_case_title_too_long')).toBe(
      'Keep the title to {max} characters or fewer; put the rest in the notes.',
    );
    expect(translate('zh-CN', 'cases_count', { other: 1 })).toBe('共 {count} 件');
  });

  it('W-I18N-1: zero and empty values are filled in, not treated as missing', () => {
    expect(translate('en', 'cases_count', { count: 0 })).toBe('0 cases');
    expect(translate('en', 'case_unknown_value', { value: '' })).toBe('Unknown ()');
  });

  it('W-I18N-1: values are inserted literally, never read as patterns or placeholders', () => {
    expect(translate('en', 'case_unknown_value', { value: "$& $1 $$ $'" })).toBe("Unknown ($& $1 $$ $')");
    expect(translate('en', 'case_unknown_value', { value: '{value}' })).toBe('Unknown ({value})');
    expect(translate('en', 'case_unknown_value', { value: '<b>x</b>' })).toBe('Unknown (<b>x</b>)');
  });

  it('W-I18N-1: every Chinese message is written and has the same placeholders as the English one', () => {
    for (const key of keys) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(placeholders(zhCN[key]).sort(), key).toEqual(placeholders(en[key]).sort());
    }
  });

  it('W-I18N-1: filling every placeholder leaves no braces in any message, in either language', () => {
    for (const key of keys) {
      const params = Object.fromEntries(placeholders(en[key]).map((name) => [name, 7]));
      expect(translate('en', key, params), key).not.toMatch(/[{}]/);
      expect(translate('zh-CN', key, params), key).not.toMatch(/[{}]/);
    }
  });
});

describe('localeFromLanguages', () => {
  it('W-I18N-1: Chinese of any region reads zh-CN', () => {
    for (const language of ['zh', 'zh-CN', 'zh-TW', 'zh-Hant-HK', 'ZH-cn']) {
      expect(localeFromLanguages([language]), language).toBe('zh-CN');
    }
  });

  it('W-I18N-1: the first Chinese or English language in the list decides', () => {
    expect(localeFromLanguages(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['fr-FR', 'en-GB', 'zh-CN'])).toBe('en');
  });

  it('W-I18N-1: any other language, or none, reads English', () => {
    expect(localeFromLanguages(['fr-FR', 'de'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });
});

describe('isLocale', () => {
  it('W-I18N-1: accepts only the locales the app has', () => {
    expect(isLocale('zh-CN')).toBe(true);
    expect(isLocale('en')).toBe(true);
    for (const value of ['zh', 'zh-cn', 'en-US', '', null, undefined, 1]) expect(isLocale(value)).toBe(false);
  });
});
