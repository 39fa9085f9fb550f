import { describe, expect, it } from 'vitest';
import { placeChoices, placeFromInput, validateParty } from './party-form.ts';

const valid = { name: ' 王某 ', village: '江亭村', contact: '138 0000 0000', role: 'applicant' };

describe('the party form', () => {
  it('W-FORM-1, C-PARTY-1: a party with a name and a part in the dispute is accepted, trimmed', () => {
    expect(validateParty(valid)).toEqual({
      ok: true,
      value: { name: '王某', village: '江亭村', contact: '138 0000 0000', role: 'applicant' },
    });
  });

  it('W-FORM-1: no name, an unknown part or an overlong field is refused beside the field', () => {
    expect(validateParty({ ...valid, name: '  ' })).toEqual({
      ok: false,
      errors: { name: 'party_name_required' },
    });
    expect(validateParty({ ...valid, role: 'witness' })).toEqual({
      ok: false,
      errors: { role: 'party_role_required' },
    });
    expect(validateParty({ ...valid, contact: '1'.repeat(101) })).toEqual({
      ok: false,
      errors: { contact: 'party_too_long' },
    });
  });
});

describe('a party’s place', () => {
  it('C-PARTY-2: a village of the town, named in either language, is kept as its id; other places as typed', () => {
    expect(placeFromInput('江亭村')).toBe('jiangting');
    expect(placeFromInput(' hongyan village ')).toBe('hongyan');
    expect(placeFromInput('贵阳市南明区')).toBe('贵阳市南明区');
    expect(placeFromInput('')).toBe('');
  });

  it('C-PARTY-2: the place field offers the town’s villages in the reader’s language', () => {
    expect(placeChoices('zh-CN')).toContain('平寨村');
    expect(placeChoices('en')).toContain('Pingzhai Village');
  });
});
