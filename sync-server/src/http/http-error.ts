import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logger.ts';
import { errorFields } from '../logger.ts';
import { httpErrorCode, type HttpErrorCode } from '@concord/shared/http/errors.ts';

export { httpErrorCode, type HttpErrorCode };

/** The one error shape of the HTTP boundary: `{ error: { code, message } }` with a status. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: ContentfulStatusCode;
  readonly code: HttpErrorCode;

  constructor(status: ContentfulStatusCode, code: HttpErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
    this.code = code;
  }
}

export function errorBody(code: HttpErrorCode, message: string) {
  return { error: { code, message } };
}

/** The single `onError`: known refusals keep their status; anything else is logged and becomes a 500. */
export function handleError(logger: Logger) {
  return (error: Error, c: Context) => {
    if (error instanceof HttpError) return c.json(errorBody(error.code, error.message), error.status);
    logger.error('request failed', { ...errorFields(error), method: c.req.method, path: c.req.path });
    return c.json(errorBody(httpErrorCode.internal, 'internal server error'), 500);
  };
}
