import type { z } from 'zod';
import { errorBodySchema, httpErrorCode } from '@concord/shared/http/errors.ts';
import type { MessageKey } from '../i18n/translate.ts';

/** Why a call to the server's API did not work; each maps to a message (exhaustive switch below). */
export const apiFailure = {
  unreachable: 'unreachable',
  signedOut: 'signed_out',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  invalid: 'invalid',
  throttled: 'throttled',
  serverError: 'server_error',
} as const;
export type ApiFailure = (typeof apiFailure)[keyof typeof apiFailure];

export type ApiResult<T> =
  | { ok: true; value: T }
  /** `detail` is the server's own words (English), shown beside the translated message when it helps. */
  | { ok: false; failure: ApiFailure; detail: string };

export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  /** The shape of a successful answer, checked where it enters the app. */
  schema: z.ZodType<T>;
}

/**
 * Calls the server's JSON API with the person's bearer token. Never throws: every way it can fail is a reason,
 * read from the status and the one error shape (SPEC H-HTTP-2).
 */
export async function callApi<T>(
  fetcher: typeof fetch,
  token: string | null,
  path: string,
  request: ApiRequest<T>,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetcher(path, {
      method: request.method ?? 'GET',
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    });
  } catch (error) {
    console.info(`${path}: server unreachable`, error);
    return { ok: false, failure: apiFailure.unreachable, detail: '' };
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = errorBodySchema.safeParse(json);
    const detail = body.success ? body.data.error.message : '';
    return {
      ok: false,
      failure: failureOf(response.status, body.success ? body.data.error.code : null),
      detail,
    };
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    console.error(`${path}: the server sent an answer this app cannot read`, parsed.error);
    return { ok: false, failure: apiFailure.serverError, detail: '' };
  }
  return { ok: true, value: parsed.data };
}

function failureOf(status: number, code: string | null): ApiFailure {
  if (status === 401 || code === httpErrorCode.unauthorized) return apiFailure.signedOut;
  if (status === 403) return apiFailure.forbidden;
  if (status === 404) return apiFailure.notFound;
  if (status === 409) return apiFailure.conflict;
  if (status === 429) return apiFailure.throttled;
  if (status === 400) return apiFailure.invalid;
  return apiFailure.serverError;
}

/** The message for a failure, in words a person understands. */
export function apiFailureMessage(failure: ApiFailure): MessageKey {
  switch (failure) {
    case 'unreachable':
      return 'api_unreachable';
    case 'signed_out':
      return 'api_signed_out';
    case 'forbidden':
      return 'api_forbidden';
    case 'not_found':
      return 'api_not_found';
    case 'conflict':
      return 'api_conflict';
    case 'invalid':
      return 'api_invalid';
    case 'throttled':
      return 'api_throttled';
    case 'server_error':
      return 'api_server_error';
  }
}
