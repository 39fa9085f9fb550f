import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, Next } from 'hono';
import type { Logger } from '../logger.ts';
import type { AuthEnv } from './auth-routes.ts';
import { HttpError, httpErrorCode } from './http-error.ts';

/** Files whose names carry a hash of their content: a new build gives them new names, so they never change. */
export const immutablePrefix = '/_app/immutable/';

export const cacheControl = {
  /** A year, and never revalidated: the name changes when the content does (SPEC S-WEB-2). */
  immutable: 'public, max-age=31536000, immutable',
  /** Asked again each time (a 304 when unchanged), so a new release reaches the device at the next visit. */
  revalidate: 'no-cache',
} as const;

/**
 * Serves the static build light on the wire (SPEC S-WEB-1, S-WEB-2): each file as the brotli or gzip copy the web
 * build wrote beside it when the browser accepts one, a year of caching for the fingerprinted files and a check
 * each time for the rest; any other path gets index.html so the single-page app can route it.
 */
export function mountWebApp(app: Hono<AuthEnv>, webRoot: string, logger: Logger): void {
  if (!existsSync(join(webRoot, 'index.html'))) {
    logger.warn('web app not built; serving the API only', { webRoot });
    return;
  }
  app.use('/*', cacheHeaders);
  app.use('/*', serveStatic({ root: webRoot, precompressed: true }));
  // a file of the build that is not there (an old chunk asked for after a release) is a 404, not the shell as
  // JavaScript, and never cached for a year
  app.get(`${immutablePrefix}*`, () => {
    throw new HttpError(404, httpErrorCode.notFound, 'no such file in this release');
  });
  app.get('/*', serveStatic({ root: webRoot, path: 'index.html', precompressed: true }));
}

async function cacheHeaders(c: Context<AuthEnv>, next: Next): Promise<void> {
  await next();
  if (c.res.status !== 200) return;
  const headers = c.res.headers;
  headers.set(
    'Cache-Control',
    c.req.path.startsWith(immutablePrefix) ? cacheControl.immutable : cacheControl.revalidate,
  );
  // the answer depends on Accept-Encoding even when this one is plain, so no cache hands it to the wrong browser
  if (!headers.has('Vary')) headers.set('Vary', 'Accept-Encoding');
  if (notModified(c.req.header('If-Modified-Since'), headers.get('Last-Modified'))) {
    await c.res.body?.cancel();
    const kept = new Headers(headers);
    for (const name of ['Content-Length', 'Content-Type', 'Content-Encoding']) kept.delete(name);
    c.res = undefined;
    c.res = new Response(null, { status: 304, headers: kept });
  }
}

/** Whether the browser's copy, dated `since`, is the file last modified at `modified` (HTTP dates, to the second). */
function notModified(since: string | undefined, modified: string | null): boolean {
  if (since === undefined || modified === null) return false;
  const sinceTime = Date.parse(since);
  const modifiedTime = Date.parse(modified);
  return !Number.isNaN(sinceTime) && !Number.isNaN(modifiedTime) && modifiedTime <= sinceTime;
}
