import { describe, expect, it } from 'vitest';
import { validateParty } from './party-form.ts';

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
