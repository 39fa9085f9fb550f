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
  gridForVillage,
  type AccountInput,
} from './account-form.ts';

const valid: AccountInput = {
  username: 'cadre7',
  displayName: '红岩村 李主任',
  role: 'villageCadre',
  village: 'hongyan',
  agency: '',
  grid: '',
  password: 'long enough',
};

const row: AccountRow = {
  id: 'acc-1' as AccountId,
  username: 'cadre7',
  displayName: '红岩村 李主任',
  role: 'villageCadre',
  village: 'hongyan',
  agency: null,
  grid: null,
  disabled: false,
  createdAt: 1,
};

describe('checkPlacement', () => {
  it('A-ACCT-2, A-ACCT-3: refuses exactly what the server’s placementProblem refuses, for every role and place', () => {
    for (const role of roles) {
      for (const village of [null, 'jiangting']) {
        for (const agency of [null, 'labour']) {
          for (const grid of [null, 'jiangting-1', 'hongyan-1']) {
            const placement = { role, village, agency, grid };
            const server = placementProblem(placement);
            const client = checkPlacement(placement);
            expect(client === null, `${JSON.stringify(placement)}: server says ${server}`).toBe(
              server === null,
            );
          }
        }
      }
    }
  });

  it('A-ACCT-2: the refusal is shown beside the field to fix', () => {
    const none = { village: null, agency: null, grid: null };
    expect(checkPlacement({ ...none, role: 'gridWorker' })).toEqual({
      field: 'village',
      problem: accountProblem.villageRequired,
    });
    expect(checkPlacement({ ...none, role: 'department' })).toEqual({
      field: 'agency',
      problem: accountProblem.departmentRequired,
    });
    expect(checkPlacement({ ...none, role: 'policePost', agency: 'labour' })).toEqual({
      field: 'agency',
      problem: accountProblem.departmentNotAllowed,
    });
    expect(checkPlacement({ ...none, role: 'policePost', village: 'atlantis' })?.problem).toBe(
      accountProblem.villageUnknown,
    );
  });

  it('A-ACCT-3: a grid of another village, or on another role, is refused beside the grid', () => {
    const walker = { role: 'gridWorker', village: 'jiangting', agency: null } as const;
    expect(checkPlacement({ ...walker, grid: 'jiangting-3' })).toBeNull();
    expect(checkPlacement({ ...walker, grid: 'hongyan-3' })).toEqual({
      field: 'grid',
      problem: accountProblem.gridNotInVillage,
    });
    expect(checkPlacement({ ...walker, role: 'villageCadre', grid: 'jiangting-3' })).toEqual({
      field: 'grid',
      problem: accountProblem.gridNotAllowed,
    });
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
      { ...valid, role: 'gridWorker', grid: 'hongyan-2' },
      { ...valid, role: 'gridWorker', grid: 'jiangting-2' },
      { ...valid, role: 'gridWorker', grid: 'nowhere-2' },
    ];
    for (const input of inputs) {
      const client = checkNewAccount(input);
      const schema = newAccountSchema.safeParse({
        ...input,
        village: input.village === '' ? null : input.village,
        agency: input.agency === '' ? null : input.agency,
        grid: input.grid === '' ? null : input.grid,
      });
      const server = schema.success && placementProblem(schema.data) === null;
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
      value: { role: 'judicialOffice', village: null, agency: null, grid: null },
    });
  });

  it('A-ACCT-3: a grid worker is added with the grid chosen; a grid left on the form of another role is not sent', () => {
    const walker = { ...valid, role: 'gridWorker', grid: 'hongyan-1' };
    expect(checkNewAccount(walker)).toMatchObject({
      ok: true,
      value: { role: 'gridWorker', village: 'hongyan', grid: 'hongyan-1' },
    });
    expect(checkNewAccount({ ...walker, role: 'villageCadre' })).toMatchObject({
      ok: true,
      value: { role: 'villageCadre', grid: null },
    });
    expect(checkNewAccount({ ...walker, village: 'pingzhai' })).toEqual({
      ok: false,
      errors: { grid: accountProblem.gridNotInVillage },
    });
  });

  it('A-ACCT-3: the grid chosen goes when the village chosen has no such grid', () => {
    expect(gridForVillage('hongyan', 'hongyan-2')).toBe('hongyan-2');
    expect(gridForVillage('pingzhai', 'hongyan-2')).toBe('');
    expect(gridForVillage('', 'hongyan-2')).toBe('');
    expect(gridForVillage('hongyan', '')).toBe('');
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
      value: { role: 'department', village: null, agency: 'market', grid: null },
    });
    expect(checkAccountChange(row, { ...valid, role: 'department' }, false)).toEqual({
      ok: false,
      errors: { agency: accountProblem.departmentRequired },
    });
  });

  it('A-ACCT-3: a grid given or taken is sent with role and village, so the server checks them as one', () => {
    const walker: AccountRow = { ...row, role: 'gridWorker', grid: 'hongyan-1' };
    const form = { ...valid, role: 'gridWorker', grid: 'hongyan-1' };
    expect(checkAccountChange(walker, form, false)).toEqual({ ok: true, value: {} });
    expect(checkAccountChange(walker, { ...form, grid: 'hongyan-3' }, false)).toEqual({
      ok: true,
      value: { role: 'gridWorker', village: 'hongyan', agency: null, grid: 'hongyan-3' },
    });
    expect(checkAccountChange(walker, { ...form, grid: '' }, false)).toMatchObject({
      ok: true,
      value: { grid: null },
    });
    // made a cadre: the grid goes with the role
    expect(checkAccountChange(walker, { ...form, role: 'villageCadre' }, false)).toMatchObject({
      ok: true,
      value: { role: 'villageCadre', grid: null },
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
