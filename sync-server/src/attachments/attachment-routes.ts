import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isSha256 } from '@concord/shared/cases/attachments.ts';
import { docName, type DocName } from '@concord/shared/sync/doc-name.ts';
import type { DocAccess } from '../access/doc-access.ts';
import type { AuthService } from '../auth/auth-service.ts';
import { requireUser, type AuthEnv } from '../http/auth-routes.ts';
import { HttpError, httpErrorCode } from '../http/http-error.ts';
import type { BlobStore } from './blob-store.ts';
import { isImageType, sniffType } from './sniff.ts';

export interface AttachmentRoutesOptions {
  auth: AuthService;
  access: DocAccess;
  blobs: BlobStore;
  /** Bodies past this many bytes are refused before they are read (MAX_ATTACHMENT_BYTES). */
  maxBytes: number;
}

const notFound = () => new HttpError(404, httpErrorCode.notFound, 'no such attachment');

/**
 * `PUT`, `GET` and `HEAD /api/cases/:caseId/attachments/:sha256` (SPEC C-ATTACH-3…5): a writer of the case
 * uploads the bytes named by their SHA-256; a reader of the case gets back a blob uploaded to that case, and
 * anyone else the same 404 whether it exists or not.
 */
export function attachmentRoutes(options: AttachmentRoutesOptions): Hono<AuthEnv> {
  const { auth, access, blobs, maxBytes } = options;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireUser(auth));

  routes.put(
    '/:caseId/attachments/:sha256',
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new HttpError(413, httpErrorCode.tooLarge, `an attachment is at most ${maxBytes} bytes`);
      },
    }),
    async (c) => {
      const { doc, sha256 } = target(c);
      const may = await access.decide(c.get('user'), doc, 'case');
      // one who may not open the case learns nothing of it; one who only reads it is told so
      if (may === 'none') throw notFound();
      if (may !== 'write')
        throw new HttpError(403, httpErrorCode.forbidden, 'only those who write the case add to it');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new HttpError(400, httpErrorCode.badRequest, 'the content does not match its SHA-256 name');
      }
      const type = sniffType(bytes);
      if (type === null) {
        throw new HttpError(415, httpErrorCode.unsupportedType, 'not a photo, voice note or document');
      }
      await blobs.put({ sha256, type, size: bytes.length, bytes });
      await blobs.link(sha256, doc);
      return c.body(null, 204);
    },
  );

  routes.on(['GET', 'HEAD'], '/:caseId/attachments/:sha256', async (c) => {
    const { doc, sha256 } = target(c);
    if ((await access.decide(c.get('user'), doc, 'case')) === 'none') throw notFound();
    if (!(await blobs.linked(sha256, doc))) throw notFound();
    const info = await blobs.info(sha256);
    if (!info) throw notFound();
    const headers: Record<string, string> = {
      'Content-Type': info.type,
      'Content-Length': String(info.size),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
    };
    if (!isImageType(info.type)) headers['Content-Disposition'] = `attachment; filename="${sha256}"`;
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const blob = await blobs.get(sha256);
    if (!blob) throw notFound();
    // a fresh ArrayBuffer of exactly the blob, which a Response body takes as it is
    return c.body(blob.bytes.slice().buffer, 200, headers);
  });

  return routes;
}

function target(c: Context<AuthEnv>): { doc: DocName; sha256: string } {
  const sha256 = c.req.param('sha256') ?? '';
  const caseId = c.req.param('caseId') ?? '';
  if (!isSha256(sha256)) throw new HttpError(400, httpErrorCode.badRequest, 'not a SHA-256 in hex');
  try {
    return { doc: docName('case', caseId), sha256 };
  } catch (error) {
    throw new HttpError(400, httpErrorCode.badDocName, 'not a case id', { cause: error });
  }
}
