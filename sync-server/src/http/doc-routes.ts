import { Hono } from 'hono';
import type { DocHistoryEntry, DocListing } from '@concord/shared/docs/listing.ts';
import { parseDocName } from '@concord/shared/sync/doc-name.ts';
import { openable } from '../access/doc-access.ts';
import type { Account, AccountStore } from '../auth/account-store.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DocStore } from '../storage/doc-store.ts';
import type { SyncHub } from '../sync/sync-hub.ts';
import { requireUser, type AuthEnv } from './auth-routes.ts';
import { HttpError, httpErrorCode } from './http-error.ts';

const historyLimit = 200;

/** `GET /api/docs` and `GET /api/docs/:name/history`, each filtered by the caller's rights (SPEC A-RIGHT-11). */
export function docRoutes(options: {
  auth: AuthService;
  store: DocStore;
  accounts: AccountStore;
  hub: SyncHub;
}): Hono<AuthEnv> {
  const { auth, store, accounts, hub } = options;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireUser(auth));

  routes.get('/', async (c) => {
    // what a list shows, not the facts and ledger row kept beside it
    const docs: DocListing[] = openable(c.get('user'), await store.list()).map(({ listing, access }) => ({
      name: listing.name,
      kind: listing.kind,
      title: listing.title,
      village: listing.village,
      updatedAt: listing.updatedAt,
      access,
    }));
    return c.json({ docs });
  });

  routes.get('/:name/history', async (c) => {
    const parsed = parseDocName(c.req.param('name'));
    if (!parsed.ok) throw new HttpError(400, httpErrorCode.badDocName, 'not a document name');
    // the same 404 for a document that does not exist and one the caller may not see
    const access = await hub.access.decide(c.get('user'), parsed.name, parsed.kind);
    const listing = access === 'none' ? null : await store.listing(parsed.name);
    if (!listing) throw new HttpError(404, httpErrorCode.notFound, 'no such document');
    const names = new Map<string, Pick<Account, 'displayName' | 'role'> | null>();
    const entries: DocHistoryEntry[] = [];
    for (const edit of await store.history(parsed.name, historyLimit)) {
      if (!names.has(edit.author)) {
        const account = await accounts.findById(edit.author);
        names.set(edit.author, account ? { displayName: account.displayName, role: account.role } : null);
      }
      const who = names.get(edit.author) ?? null;
      entries.push({
        at: edit.at,
        fields: edit.fields,
        author: { id: edit.author, displayName: who?.displayName ?? edit.author, role: who?.role ?? null },
      });
    }
    return c.json({ history: entries });
  });

  return routes;
}
