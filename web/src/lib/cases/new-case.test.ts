import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import { gridForVillage, maxTitleLength, newCasePlace, validateNewCase } from './new-case.ts';

const valid = {
  title: '两户之间后山林地界线纠纷',
  village: 'jiangting',
  grid: '',
  disputeType: 'forestLandBoundary',
};

describe('validateNewCase', () => {
  it('W-FORM-1: a filled-in form is accepted as entered', () => {
    expect(validateNewCase(valid)).toEqual({ ok: true, value: { ...valid, grid: null } });
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
    expect(validateNewCase({ title: ' ', village: '', grid: '', disputeType: 'land' })).toEqual({
      ok: false,
      errors: { title: 'new_case_title_required', village: 'new_case_village_required' },
    });
  });

  it('W-FORM-1: each refusal is a message in both languages, with the limit filled in', () => {
    const checked = validateNewCase({
      title: 'x'.repeat(maxTitleLength + 1),
      village: '',
      grid: '',
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

describe('the grid of a new case', () => {
  const walker = { village: 'jiangting', grid: 'jiangting-1' };

  it('W-GRID-1: a grid worker’s form starts at their own village and grid; anyone else’s starts nowhere', () => {
    expect(newCasePlace(walker)).toEqual({ village: 'jiangting', grid: 'jiangting-1' });
    expect(newCasePlace({ village: 'jiangting', grid: null })).toEqual({ village: '', grid: '' });
    expect(newCasePlace({ village: null, grid: null })).toEqual({ village: '', grid: '' });
    expect(newCasePlace(null)).toEqual({ village: '', grid: '' });
    // a grid this version does not know, or not of their village, is no place to start from
    expect(newCasePlace({ village: 'hongyan', grid: 'jiangting-1' })).toEqual({ village: '', grid: '' });
  });

  it('W-GRID-1: the grid worker may choose another grid of the village, or none', () => {
    expect(validateNewCase({ ...valid, grid: 'jiangting-3' })).toMatchObject({
      ok: true,
      value: { village: 'jiangting', grid: 'jiangting-3' },
    });
    expect(validateNewCase({ ...valid, grid: '' })).toMatchObject({ ok: true, value: { grid: null } });
  });

  it('W-GRID-1, W-FORM-1: a grid of another village is refused beside the grid, in both languages', () => {
    const checked = validateNewCase({ ...valid, grid: 'hongyan-1' });
    expect(checked).toEqual({ ok: false, errors: { grid: 'new_case_grid_not_in_village' } });
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(translate(locale, 'new_case_grid_not_in_village')).not.toBe('new_case_grid_not_in_village');
    }
  });

  it('W-GRID-1: choosing another village drops a grid not of it, and going back to their own brings theirs back', () => {
    expect(gridForVillage('hongyan', 'jiangting-1', walker)).toBe('');
    expect(gridForVillage('jiangting', '', walker)).toBe('jiangting-1');
    expect(gridForVillage('jiangting', 'jiangting-2', walker)).toBe('jiangting-2');
    expect(gridForVillage('hongyan', 'hongyan-2', walker)).toBe('hongyan-2');
    expect(gridForVillage('jiangting', '', null)).toBe('');
  });
});
