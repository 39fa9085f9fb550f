import { Hono } from 'hono';
import * as Y from 'yjs';
import { ledgerEntryOf, type LedgerEntry } from '@concord/shared/ledger/ledger-of.ts';
import type { LedgerRow } from '@concord/shared/ledger/ledger-row.ts';
import { openable } from '../access/doc-access.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DocListing, DocStore } from '../storage/doc-store.ts';
import { requireUser, type AuthEnv } from './auth-routes.ts';

/**
 * `GET /api/ledger`: a row for every case the caller may open, with its access, and nothing of the others (SPEC
 * L-LEDGER-1, A-RIGHT-11). Read from the listings alone: the rows are built when each case is saved, so a town
 * with thousands of cases is one query, not thousands of documents.
 */
export function ledgerRoutes(options: { auth: AuthService; store: DocStore }): Hono<AuthEnv> {
  const { auth, store } = options;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireUser(auth));

  routes.get('/', async (c) => {
    const rows: LedgerRow[] = [];
    const cases = (await store.list()).filter((listing) => listing.kind === 'case');
    for (const { listing, access } of openable(c.get('user'), cases)) {
      const entry = listing.ledger ?? (await entryFromDocument(store, listing));
      // phone numbers only to those who may write the case: a reader finds it by everything else (L-LEDGER-7)
      const contacts = access === 'write' ? entry.contacts : [];
      rows.push({ name: listing.name, ...entry, contacts, updatedAt: listing.updatedAt, access });
    }
    return c.json({ rows });
  });

  return routes;
}

/**
 * The row of a case whose listing has none (saved before rows were kept, or kept by a newer version): built from
 * the stored document, once per request, until its next save stores one.
 */
async function entryFromDocument(store: DocStore, listing: DocListing): Promise<LedgerEntry> {
  const doc = new Y.Doc();
  try {
    for (const update of (await store.load(listing.name)).updates) Y.applyUpdate(doc, update);
    return ledgerEntryOf(doc);
  } finally {
    doc.destroy();
  }
}
