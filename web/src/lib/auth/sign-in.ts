import { z } from 'zod';
import { loginResponseSchema, publicUserSchema, type LoginResponse } from '@concord/shared/auth/user.ts';

/** Why signing in did not work; the form maps each to a message (exhaustive switch). */
export const signInFailure = {
  missingFields: 'missing_fields',
  wrongCredentials: 'wrong_credentials',
  throttled: 'throttled',
  unreachable: 'unreachable',
  serverError: 'server_error',
} as const;
export type SignInFailure = (typeof signInFailure)[keyof typeof signInFailure];

export type SignInResult = { ok: true; session: LoginResponse } | { ok: false; reason: SignInFailure };

/** Asks the server for a session. Never throws: every way it can fail is a reason. */
export async function requestSignIn(
  fetcher: typeof fetch,
  username: string,
  password: string,
): Promise<SignInResult> {
  if (username.trim() === '' || password === '') return { ok: false, reason: signInFailure.missingFields };
  let response: Response;
  try {
    response = await fetcher('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username: username.trim(), password }),
    });
  } catch (error) {
    console.info('sign-in: server unreachable', error);
    return { ok: false, reason: signInFailure.unreachable };
  }
  if (response.status === 401) return { ok: false, reason: signInFailure.wrongCredentials };
  if (response.status === 429) return { ok: false, reason: signInFailure.throttled };
  if (!response.ok) return { ok: false, reason: signInFailure.serverError };
  const parsed = loginResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { ok: false, reason: signInFailure.serverError };
  return { ok: true, session: parsed.data };
}

/** The session kept on this device, so the app opens signed in, offline too. */
export const storedSessionSchema = z.object({ token: z.string().min(20), user: publicUserSchema });
export type StoredSession = z.infer<typeof storedSessionSchema>;

const storageKey = 'concord.session';

export function readStoredSession(storage: Storage | null): StoredSession | null {
  const raw = storage?.getItem(storageKey);
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    console.warn('the stored sign-in is unreadable; signing in again', error);
    return null;
  }
  const parsed = storedSessionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function writeStoredSession(storage: Storage | null, session: StoredSession | null): void {
  if (!storage) return;
  if (session) storage.setItem(storageKey, JSON.stringify(session));
  else storage.removeItem(storageKey);
}
