import { Hono } from 'hono';
import * as Y from 'yjs';
import { MeetingFile, type MeetingSummary } from '@concord/shared/meetings/meeting-file.ts';
import type { MeetingListing } from '@concord/shared/meetings/meeting-listing.ts';
import { openable } from '../access/doc-access.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { DocListing, DocStore } from '../storage/doc-store.ts';
import { requireUser, type AuthEnv } from './auth-routes.ts';

/**
 * `GET /api/meetings`: every meeting the caller may open, with its access and what the calendar shows of it, and
 * nothing of the others (SPEC M-LIST-1, A-RIGHT-7). Read from the listings alone, like the ledger: each meeting's
 * summary is kept beside its listing when it is saved.
 */
export function meetingRoutes(options: { auth: AuthService; store: DocStore }): Hono<AuthEnv> {
  const { auth, store } = options;
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireUser(auth));

  routes.get('/', async (c) => {
    const meetings: MeetingListing[] = [];
    const listed = (await store.list()).filter((listing) => listing.kind === 'meeting');
    for (const { listing, access } of openable(c.get('user'), listed)) {
      const summary = listing.meeting ?? (await summaryFromDocument(store, listing));
      meetings.push({ name: listing.name, access, updatedAt: listing.updatedAt, ...summary });
    }
    // soonest first by day and time; undated ones last
    meetings.sort(
      (a, b) =>
        (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
        (a.time ?? '').localeCompare(b.time ?? '') ||
        a.name.localeCompare(b.name),
    );
    return c.json({ meetings });
  });

  return routes;
}

/** The summary of a meeting whose listing has none (saved before summaries were kept): built from the document. */
async function summaryFromDocument(store: DocStore, listing: DocListing): Promise<MeetingSummary> {
  const doc = new Y.Doc();
  try {
    for (const update of (await store.load(listing.name)).updates) Y.applyUpdate(doc, update);
    return new MeetingFile(doc).summary();
  } finally {
    doc.destroy();
  }
}
