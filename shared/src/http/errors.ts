import { z } from 'zod';

/** Reasons an HTTP request is refused; the web app maps each to a message (SPEC H-HTTP-2). */
export const httpErrorCode = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  conflict: 'conflict',
  tooManyRequests: 'too_many_requests',
  notFound: 'not_found',
  badDocName: 'bad_doc_name',
  /** A body past the server's limit (an attachment past MAX_ATTACHMENT_BYTES). */
  tooLarge: 'too_large',
  /** An attachment whose content is none of the kinds a case keeps. */
  unsupportedType: 'unsupported_type',
  internal: 'internal',
} as const;
export type HttpErrorCode = (typeof httpErrorCode)[keyof typeof httpErrorCode];

const codes = Object.values(httpErrorCode) as [HttpErrorCode, ...HttpErrorCode[]];

/** The one error shape of the HTTP boundary. An unknown code from a newer server reads as `internal`. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(codes).catch(httpErrorCode.internal), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
