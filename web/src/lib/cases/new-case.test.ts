import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import { maxTitleLength, validateNewCase } from './new-case.ts';

const valid = { title: '两户之间后山林地界线纠纷', village: 'jiangting', disputeType: 'forestLandBoundary' };

describe('validateNewCase', () => {
  it('W-FORM-1: a filled-in form is accepted as entered', () => {
    expect(validateNewCase(valid)).toEqual({ ok: true, value: valid });
  });

  it('W-FORM-1: spaces around the title are dropped', () => {
    const checked = validateNewCase({ ...valid, title: '  欠薪纠纷 \n' });
    expect(checked).toMatchObject({ ok: true, value: { title: '欠薪纠纷' } });
  });

  it('W-FORM-1: an empty or blank title is refused', () => {
    for (const title of ['', '   ', '\n\t', '\u3000']) {
      expect(validateNewCase({ ...valid, title }), JSON.stringify(title)).toEqual({
        ok: false,
        errors: { title: 'new_case_title_required' },
      });
    }
  });

  it('W-FORM-1: a title of up to the maximum is accepted, one character more is refused', () => {
    expect(maxTitleLength).toBe(120);
    expect(validateNewCase({ ...valid, title: '纠'.repeat(maxTitleLength) }).ok).toBe(true);
    expect(validateNewCase({ ...valid, title: '纠'.repeat(maxTitleLength + 1) })).toEqual({
      ok: false,
      errors: { title: 'new_case_title_too_long' },
    });
  });

  it('W-FORM-1: the length counts characters as a person does: an emoji is one', () => {
    expect(validateNewCase({ ...valid, title: `${'纠'.repeat(maxTitleLength - 1)}🌾` }).ok).toBe(true);
    expect(validateNewCase({ ...valid, title: `${'纠'.repeat(maxTitleLength)}🌾` }).ok).toBe(false);
  });

  it('W-FORM-1: the length is measured after trimming', () => {
    expect(validateNewCase({ ...valid, title: ` ${'a'.repeat(maxTitleLength)} ` }).ok).toBe(true);
  });

  it('W-FORM-1: no village, or one this app does not know, is refused', () => {
    for (const village of ['', 'atlantis', 'Jiangting', '江亭村']) {
      expect(validateNewCase({ ...valid, village }), village).toEqual({
        ok: false,
        errors: { village: 'new_case_village_required' },
      });
    }
  });

  it('W-FORM-1: every refusal is reported at once, each beside its own field', () => {
    expect(validateNewCase({ title: ' ', village: '', disputeType: 'land' })).toEqual({
      ok: false,
      errors: { title: 'new_case_title_required', village: 'new_case_village_required' },
    });
  });

  it('W-FORM-1: each refusal is a message in both languages, with the limit filled in', () => {
    const checked = validateNewCase({
      title: 'x'.repeat(maxTitleLength + 1),
      village: '',
      disputeType: 'land',
    });
    if (checked.ok) throw new Error('expected a refusal');
    const keys = Object.values(checked.errors);
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const message = translate(locale, key, { max: maxTitleLength });
        expect(message, `${locale} ${key}`).not.toBe(key);
        expect(message, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
    expect(translate('zh-CN', 'new_case_title_too_long', { max: maxTitleLength })).toContain('120');
  });

  // The form offers only known types, so this is a fallback rather than a refusal of a bad field.
  it('a dispute type this version does not know is recorded as other', () => {
    expect(validateNewCase({ ...valid, disputeType: 'piracy' })).toMatchObject({
      ok: true,
      value: { disputeType: 'other' },
    });
  });
});
