import { Hono, type Context } from 'hono';
import {
  caseVersionOf,
  mayRestore,
  restoreRequestSchema,
  type CaseVersion,
  type CaseVersionsResponse,
} from '@concord/shared/cases/case-version.ts';
import { parseDocName, type DocName } from '@concord/shared/sync/doc-name.ts';
import { CaseFile } from '@concord/shared/cases/case-file.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DocStore } from '../storage/doc-store.ts';
import { versionAt, versionsOf } from '../storage/kept-history.ts';
import { restoreInRoom } from '../sync/restore-room.ts';
import type { SyncHub } from '../sync/sync-hub.ts';
import { jsonBody, requireUser, type AuthEnv } from './auth-routes.ts';
import { HttpError, httpErrorCode } from './http-error.ts';

/** At most this many moments are listed, newest first. */
const versionsLimit = 500;

/**
 * A case as it was and its restoring (SPEC H-RESTORE-1): `GET /api/docs/:name/versions`, `GET
 * /api/docs/:name/versions/:id` and `POST /api/docs/:name/restore {version}`, for the town's agencies and administrators.
 */
export function versionRoutes(options: {
  auth: AuthService;
  store: DocStore;
  hub: SyncHub;
  now?: () => number;
}): Hono<AuthEnv> {
  const { auth, store, hub } = options;
  const now = options.now ?? Date.now;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireUser(auth));

  /** The case the request names, when the caller may open it and restore it; refused in the one shape if not. */
  const restorable = async (c: Context<AuthEnv>): Promise<DocName> => {
    const parsed = parseDocName(c.req.param('name') ?? '');
    if (!parsed.ok) throw new HttpError(400, httpErrorCode.badDocName, 'not a document name');
    const user = c.get('user');
    // the same 404 for a case that does not exist and one the caller may not open (SPEC A-RIGHT-11)
    const access = await hub.access.decide(user, parsed.name, parsed.kind);
    const listing = access === 'none' || parsed.kind !== 'case' ? null : await store.listing(parsed.name);
    if (!listing) throw new HttpError(404, httpErrorCode.notFound, 'no such case');
    if (access !== 'write' || !mayRestore(user.role)) {
      throw new HttpError(
        403,
        httpErrorCode.forbidden,
        'only the town’s agencies see and restore past versions',
      );
    }
    return parsed.name;
  };

  routes.get('/:name/versions', async (c) => {
    const name = await restorable(c);
    const moments = await versionsOf(store, name);
    const versions = moments.slice(0, versionsLimit).map(({ clock, at }) => ({ id: clock, at }));
    const body: CaseVersionsResponse = { versions };
    return c.json(body);
  });

  routes.get('/:name/versions/:id', async (c) => {
    const name = await restorable(c);
    const id = versionId(c.req.param('id'));
    const version = await versionAt(store, name, id);
    if (!version) throw new HttpError(404, httpErrorCode.notFound, 'no such version of the case is kept');
    const body: CaseVersion = caseVersionOf(version.doc, { id, at: version.at });
    version.doc.destroy();
    return c.json(body);
  });

  routes.post('/:name/restore', async (c) => {
    const name = await restorable(c);
    const parsed = restoreRequestSchema.safeParse(await jsonBody(c));
    if (!parsed.success)
      throw new HttpError(400, httpErrorCode.badRequest, 'send {"version"}: a version’s id');
    const version = await versionAt(store, name, parsed.data.version);
    if (!version) throw new HttpError(404, httpErrorCode.notFound, 'no such version of the case is kept');
    const restoredAt = now();
    let outcome: 'restored' | 'newerSchema';
    try {
      // a version from before the case was recorded would empty it: that is no restore
      if (!new CaseFile(version.doc).exists) {
        throw new HttpError(409, httpErrorCode.conflict, 'the case was not recorded yet at that version');
      }
      const by = c.get('user').id;
      outcome = await restoreInRoom(hub.rooms, name, version.doc, { at: version.at, by, now: restoredAt });
    } finally {
      version.doc.destroy();
    }
    if (outcome === 'newerSchema') {
      throw new HttpError(
        409,
        httpErrorCode.conflict,
        'a newer Concord wrote this case: it is not rewritten here',
      );
    }
    return c.json({ restored: parsed.data.version, at: restoredAt });
  });

  return routes;
}

function versionId(value: string | undefined): number {
  if (value === undefined || !/^[0-9]{1,15}$/.test(value)) {
    throw new HttpError(400, httpErrorCode.badRequest, 'a version is named by its id, a whole number');
  }
  return Number(value);
}
