import { describe, expect, it, vi } from 'vitest';
import { translate } from '../i18n/translate.ts';
import {
  checkPasswordChange,
  passwordChangeFailure,
  passwordChangeMessage,
  requestPasswordChange,
} from './password-change.ts';

const answering =
  (status: number, body: unknown): typeof fetch =>
  () =>
    Promise.resolve(Response.json(body, { status }));

describe('checkPasswordChange', () => {
  it('A-AUTH-5, W-FORM-1: the current password is needed, the new one has 8 characters and is typed twice alike', () => {
    expect(checkPasswordChange({ current: 'old', next: 'new password', repeat: 'new password' })).toEqual({});
    expect(checkPasswordChange({ current: '', next: 'short', repeat: 'short' })).toEqual({
      current: passwordChangeFailure.currentMissing,
      next: passwordChangeFailure.tooShort,
    });
    expect(checkPasswordChange({ current: 'old', next: 'new password', repeat: 'new passw0rd' })).toEqual({
      repeat: passwordChangeFailure.mismatch,
    });
  });
});

describe('requestPasswordChange', () => {
  it('A-AUTH-5: a changed password is no failure; a wrong current one is said so', async () => {
    expect(
      await requestPasswordChange(answering(200, { ok: true }), 'tok', 'old', 'new password'),
    ).toBeNull();
    const wrong = answering(403, { error: { code: 'forbidden', message: 'the current password is wrong' } });
    expect(await requestPasswordChange(wrong, 'tok', 'bad', 'new password')).toBe(
      passwordChangeFailure.wrongCurrent,
    );
    const short = answering(400, { error: { code: 'bad_request', message: 'at least 8' } });
    expect(await requestPasswordChange(short, 'tok', 'old', 'x')).toBe(passwordChangeFailure.tooShort);
  });

  it('A-AUTH-5: offline, the password stays as it was and the form says why', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    const down: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await requestPasswordChange(down, 'tok', 'old', 'new password')).toBe(
      passwordChangeFailure.unreachable,
    );
    info.mockRestore();
  });

  it('W-I18N-1: every failure reads in both languages', () => {
    for (const failure of Object.values(passwordChangeFailure)) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const message = translate(locale, passwordChangeMessage(failure), { min: 8 });
        expect(message, `${locale} ${failure}`).not.toMatch(/^[a-z_]+$|[{}]/);
      }
    }
  });
});
