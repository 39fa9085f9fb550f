import { describe, expect, it } from 'vitest';
import type { FieldChange } from '@concord/shared/cases/field-log.ts';
import { registerFields, registerState } from '@concord/shared/cases/field-register.ts';
import { translate } from '../i18n/translate.ts';
import { conflictChoices, registerFieldKey, registerValueText } from './register-view.ts';

const write = (id: string, value: string, at: number, by: string | null): FieldChange => ({
  id,
  field: 'village',
  value,
  at,
  by,
  seen: ['created-0'],
});

const names: Record<string, string> = { 'demo-police1': '警务室 王警官' };
const name = (id: string) => names[id] ?? id;

describe('the conflict banner’s contents', () => {
  it('W-REG-1: lists each value in the reader’s language, who wrote it and when, the one shown first', () => {
    const state = registerState([
      write('police-01', 'hongyan', 2_000, 'demo-police1'),
      write('judicial1', 'pingzhai', 2_500, null),
    ]);
    const choices = conflictChoices('village', state, { locale: 'zh-CN', village: 'pingzhai', name });
    expect(choices.map(({ text, by, at, shown }) => ({ text, by, at, shown }))).toEqual([
      { text: '平寨村', by: null, at: 2_500, shown: true },
      { text: '红岩村', by: '警务室 王警官', at: 2_000, shown: false },
    ]);
    expect(conflictChoices('village', state, { locale: 'en', village: null, name })[0]?.text).toBe(
      'Pingzhai Village',
    );
  });

  it('W-REG-1: a settled field has nothing to choose', () => {
    const state = registerState([write('police-01', 'hongyan', 2_000, 'demo-police1')]);
    expect(conflictChoices('village', state, { locale: 'en', village: 'hongyan', name })).toEqual([]);
  });

  it('W-I18N-1: every register field and value has words in both languages', () => {
    for (const field of registerFields) {
      for (const locale of ['en', 'zh-CN'] as const) {
        expect(translate(locale, registerFieldKey(field))).not.toBe('');
      }
    }
    expect(registerValueText('disputeType', 'land', { locale: 'zh-CN', village: null })).toBe(
      translate('zh-CN', 'dispute_land'),
    );
    expect(registerValueText('disputeType', 'piracy', { locale: 'en', village: null })).toBe('piracy');
    expect(registerValueText('grid', 'jiangting-1', { locale: 'en', village: 'jiangting' })).not.toBe(
      'jiangting-1',
    );
  });
});
