import { describe, expect, it } from 'vitest';
import { newAccountSchema, placementProblem, type AccountRow } from '@concord/shared/auth/admin.ts';
import { roles, type AccountId } from '@concord/shared/auth/user.ts';
import { translate } from '../i18n/translate.ts';
import {
  accountMessageParams,
  accountProblem,
  accountProblemMessage,
  checkAccountChange,
  checkNewAccount,
  checkPlacement,
  type AccountInput,
} from './account-form.ts';

const valid: AccountInput = {
  username: 'cadre7',
  displayName: '红岩村 李主任',
  role: 'villageCadre',
  village: 'hongyan',
  agency: '',
  password: 'long enough',
};

const row: AccountRow = {
  id: 'acc-1' as AccountId,
  username: 'cadre7',
  displayName: '红岩村 李主任',
  role: 'villageCadre',
  village: 'hongyan',
  agency: null,
  disabled: false,
  createdAt: 1,
};

describe('checkPlacement', () => {
  it('A-ACCT-2: refuses exactly what the server’s placementProblem refuses, for every role and place', () => {
    for (const role of roles) {
      for (const village of [null, 'jiangting']) {
        for (const agency of [null, 'labour']) {
          const server = placementProblem(role, village, agency);
          const client = checkPlacement(role, village, agency);
          expect(client === null, `${role} ${village} ${agency}: server says ${server}`).toBe(
            server === null,
          );
        }
      }
    }
  });

  it('A-ACCT-2: the refusal is shown beside the field to fix', () => {
    expect(checkPlacement('gridWorker', null, null)).toEqual({
      field: 'village',
      problem: accountProblem.villageRequired,
    });
    expect(checkPlacement('department', null, null)).toEqual({
      field: 'agency',
      problem: accountProblem.departmentRequired,
    });
    expect(checkPlacement('policePost', null, 'labour')).toEqual({
      field: 'agency',
      problem: accountProblem.departmentNotAllowed,
    });
    expect(checkPlacement('policePost', 'atlantis', null)?.problem).toBe(accountProblem.villageUnknown);
  });
});

describe('checkNewAccount', () => {
  it('A-ACCT-1: accepts and refuses as newAccountSchema and placementProblem do', () => {
    const inputs: AccountInput[] = [
      valid,
      { ...valid, username: 'a' },
      { ...valid, username: 'Alice' },
      { ...valid, username: '-dash' },
      { ...valid, username: 'a'.repeat(33) },
      { ...valid, username: '  trimmed.ok_1  ' },
      { ...valid, displayName: '   ' },
      { ...valid, displayName: 'x'.repeat(65) },
      { ...valid, password: 'short' },
      { ...valid, password: 'x'.repeat(257) },
      { ...valid, village: '' },
      { ...valid, role: 'department', village: '', agency: 'housing' },
      { ...valid, role: 'department', village: '', agency: '' },
      { ...valid, role: 'supervisor', village: '', agency: '' },
      { ...valid, role: 'mediator', village: '', agency: '' },
    ];
    for (const input of inputs) {
      const client = checkNewAccount(input);
      const schema = newAccountSchema.safeParse({
        ...input,
        village: input.village === '' ? null : input.village,
        agency: input.agency === '' ? null : input.agency,
      });
      const server =
        schema.success &&
        placementProblem(schema.data.role, schema.data.village, schema.data.agency) === null;
      expect(client.ok, JSON.stringify(input)).toBe(server);
    }
  });

  it('W-FORM-1: every refusal at once, each beside its own field', () => {
    expect(
      checkNewAccount({ ...valid, username: 'X', displayName: '', village: '', password: '1234' }),
    ).toEqual({
      ok: false,
      errors: {
        username: accountProblem.usernameInvalid,
        displayName: accountProblem.nameRequired,
        village: accountProblem.villageRequired,
        password: accountProblem.passwordTooShort,
      },
    });
  });

  it('A-ACCT-2: a place the role does not have is not sent', () => {
    const checked = checkNewAccount({
      ...valid,
      role: 'judicialOffice',
      village: 'hongyan',
      agency: 'labour',
    });
    expect(checked).toMatchObject({
      ok: true,
      value: { role: 'judicialOffice', village: null, agency: null },
    });
  });
});

describe('checkAccountChange', () => {
  it('A-ACCT-1: sends only what changed', () => {
    expect(checkAccountChange(row, { ...valid, displayName: '李主任' }, false)).toEqual({
      ok: true,
      value: { displayName: '李主任' },
    });
    expect(checkAccountChange(row, valid, false)).toEqual({ ok: true, value: {} });
  });

  it('A-ACCT-2: role, village and department go together, so the server checks them as one placement', () => {
    expect(checkAccountChange(row, { ...valid, role: 'department', agency: 'market' }, false)).toEqual({
      ok: true,
      value: { role: 'department', village: null, agency: 'market' },
    });
    expect(checkAccountChange(row, { ...valid, role: 'department' }, false)).toEqual({
      ok: false,
      errors: { agency: accountProblem.departmentRequired },
    });
  });

  it('A-ACCT-1: an administrator cannot give up their own admin role', () => {
    const admin = { ...row, role: 'admin' as const, village: null };
    expect(checkAccountChange(admin, { ...valid, role: 'supervisor', village: '' }, true)).toEqual({
      ok: false,
      errors: { role: accountProblem.selfLockout },
    });
    expect(checkAccountChange(admin, { ...valid, role: 'supervisor', village: '' }, false).ok).toBe(true);
  });
});

describe('accountProblemMessage', () => {
  it('W-I18N-1: every refusal reads in both languages, with its limit filled in', () => {
    for (const problem of Object.values(accountProblem)) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const message = translate(locale, accountProblemMessage(problem), accountMessageParams);
        expect(message, `${locale} ${problem}`).not.toMatch(/^account_|[{}]/);
      }
    }
    expect(
      translate('zh-CN', accountProblemMessage(accountProblem.passwordTooShort), accountMessageParams),
    ).toContain('8');
  });
});
