import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/translate.ts';
import {
  gridForVillage,
  lengthLimit,
  maxPartyFieldLength,
  maxTitleLength,
  maxWhatHappenedLength,
  newCasePlace,
  validateNewCase,
} from './new-case.ts';

const valid = {
  title: '两户之间后山林地界线纠纷',
  village: 'jiangting',
  grid: '',
  disputeType: 'forestLandBoundary',
  source: 'visit',
  partyName: '',
  partyContact: '',
  whatHappened: '',
};

describe('validateNewCase', () => {
  it('W-FORM-1: a filled-in form is accepted as entered', () => {
    expect(validateNewCase(valid)).toEqual({
      ok: true,
      value: {
        title: valid.title,
        village: 'jiangting',
        grid: null,
        disputeType: 'forestLandBoundary',
        source: 'visit',
        firstParty: null,
        whatHappened: '',
      },
    });
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
    expect(validateNewCase({ ...valid, title: ' ', village: '', disputeType: 'land' })).toEqual({
      ok: false,
      errors: { title: 'new_case_title_required', village: 'new_case_village_required' },
    });
  });

  it('W-FORM-1: each refusal is a message in both languages, with the limit filled in', () => {
    const checked = validateNewCase({
      ...valid,
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

  it('W-NEWCASE-1: no type, or one this version does not know, is refused, never recorded as other', () => {
    for (const disputeType of ['', 'piracy', 'Land']) {
      expect(validateNewCase({ ...valid, disputeType }), disputeType).toEqual({
        ok: false,
        errors: { disputeType: 'new_case_type_required' },
      });
    }
  });

  it('W-NEWCASE-1, C-DOC-6: how the case came to light is one of the known ways, and must be chosen', () => {
    for (const source of ['visit', 'policeCallOut', 'walkIn', 'hotline12345', 'gridReport']) {
      expect(validateNewCase({ ...valid, source }), source).toMatchObject({ ok: true, value: { source } });
    }
    for (const source of ['', 'rumour', 'Visit']) {
      expect(validateNewCase({ ...valid, source }), source).toEqual({
        ok: false,
        errors: { source: 'new_case_source_required' },
      });
    }
  });

  it('W-NEWCASE-1: the party met at the door is an applicant of the case’s village; what happened is kept trimmed', () => {
    const checked = validateNewCase({
      ...valid,
      partyName: ' 李某 ',
      partyContact: ' 13800000000 ',
      whatHappened: '\n两户因界桩争吵\n',
    });
    expect(checked).toMatchObject({
      ok: true,
      value: {
        firstParty: { name: '李某', contact: '13800000000', village: 'jiangting', role: 'applicant' },
        whatHappened: '两户因界桩争吵',
      },
    });
    expect(validateNewCase({ ...valid, partyName: '李某' })).toMatchObject({
      ok: true,
      value: { firstParty: { name: '李某', contact: '' } },
    });
  });

  it('W-NEWCASE-1: a contact without a name, and text past its limit, are refused beside their fields', () => {
    expect(validateNewCase({ ...valid, partyContact: '13800000000' })).toEqual({
      ok: false,
      errors: { partyName: 'new_case_party_name_required' },
    });
    const long = validateNewCase({
      ...valid,
      partyName: '李'.repeat(maxPartyFieldLength + 1),
      partyContact: '1'.repeat(maxPartyFieldLength + 1),
      whatHappened: '事'.repeat(maxWhatHappenedLength + 1),
    });
    expect(long).toEqual({
      ok: false,
      errors: {
        partyName: 'new_case_too_long',
        partyContact: 'new_case_too_long',
        whatHappened: 'new_case_too_long',
      },
    });
    expect(lengthLimit('whatHappened')).toBe(maxWhatHappenedLength);
    expect(lengthLimit('partyName')).toBe(maxPartyFieldLength);
  });

  it('W-NEWCASE-1: a form with nothing chosen is refused field by field, each in both languages', () => {
    const checked = validateNewCase({ ...valid, title: '', village: '', disputeType: '', source: '' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        title: 'new_case_title_required',
        village: 'new_case_village_required',
        disputeType: 'new_case_type_required',
        source: 'new_case_source_required',
      },
    });
    const keys = [
      'new_case_type_required',
      'new_case_source_required',
      'new_case_party_name_required',
      'new_case_too_long',
    ] as const;
    for (const key of keys) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const message = translate(locale, key, { max: 100 });
        expect(message, `${locale} ${key}`).not.toBe(key);
        expect(message, `${locale} ${key}`).not.toMatch(/[{}]/);
      }
    }
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
