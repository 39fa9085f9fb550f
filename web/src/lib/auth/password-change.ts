import { z } from 'zod';
import { apiFailure, callApi } from '../http/api.ts';
import type { MessageKey } from '../i18n/translate.ts';

export const minPasswordLength = 8;

/** Why a password was not changed; the form maps each to a message (exhaustive switch). */
export const passwordChangeFailure = {
  currentMissing: 'current_missing',
  tooShort: 'too_short',
  mismatch: 'mismatch',
  wrongCurrent: 'wrong_current',
  signedOut: 'signed_out',
  unreachable: 'unreachable',
  serverError: 'server_error',
} as const;
export type PasswordChangeFailure = (typeof passwordChangeFailure)[keyof typeof passwordChangeFailure];

export interface PasswordChangeInput {
  current: string;
  next: string;
  repeat: string;
}

export type PasswordChangeErrors = Partial<Record<keyof PasswordChangeInput, PasswordChangeFailure>>;

/** Checks the form as `passwordChangeSchema` would, and that the new password was typed the same twice. */
export function checkPasswordChange(input: PasswordChangeInput): PasswordChangeErrors {
  const errors: PasswordChangeErrors = {};
  if (input.current === '') errors.current = passwordChangeFailure.currentMissing;
  if (input.next.length < minPasswordLength) errors.next = passwordChangeFailure.tooShort;
  else if (input.repeat !== input.next) errors.repeat = passwordChangeFailure.mismatch;
  return errors;
}

/**
 * `POST /api/auth/password` (SPEC A-AUTH-5): this device stays signed in; every other sign-in of the person ends.
 * Never throws.
 */
export async function requestPasswordChange(
  fetcher: typeof fetch,
  token: string | null,
  current: string,
  next: string,
): Promise<PasswordChangeFailure | null> {
  const result = await callApi(fetcher, token, '/api/auth/password', {
    method: 'POST',
    body: { current, next },
    schema: z.object({ ok: z.literal(true) }),
  });
  if (result.ok) return null;
  switch (result.failure) {
    case apiFailure.forbidden:
      return passwordChangeFailure.wrongCurrent;
    case apiFailure.invalid:
      return passwordChangeFailure.tooShort;
    case apiFailure.signedOut:
      return passwordChangeFailure.signedOut;
    case apiFailure.unreachable:
      return passwordChangeFailure.unreachable;
    case apiFailure.notFound:
    case apiFailure.conflict:
    case apiFailure.throttled:
    case apiFailure.serverError:
      return passwordChangeFailure.serverError;
  }
}

export function passwordChangeMessage(failure: PasswordChangeFailure): MessageKey {
  switch (failure) {
    case 'current_missing':
      return 'password_current_missing';
    case 'too_short':
      return 'password_too_short';
    case 'mismatch':
      return 'password_mismatch';
    case 'wrong_current':
      return 'password_wrong_current';
    case 'signed_out':
      return 'api_signed_out';
    case 'unreachable':
      return 'api_unreachable';
    case 'server_error':
      return 'api_server_error';
  }
}
