import { upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import { parseDocName } from '@concord/shared/sync/doc-name.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { Logger } from '../logger.ts';
import type { DocStore } from '../storage/doc-store.ts';
import type { SyncHub } from '../sync/sync-hub.ts';
import { HttpError, handleError, httpErrorCode } from './http-error.ts';
import type { AccountStore } from '../auth/account-store.ts';
import { AccountAdmin } from '../auth/account-admin.ts';
import { MemoryLoginThrottle, type LoginThrottle } from '../auth/login-throttle.ts';
import { attachmentRoutes } from '../attachments/attachment-routes.ts';
import type { BlobStore } from '../attachments/blob-store.ts';
import { adminRoutes } from './admin-routes.ts';
import { authRoutes, type AuthEnv } from './auth-routes.ts';
import { docRoutes } from './doc-routes.ts';
import { ledgerRoutes } from './ledger-routes.ts';
import { meetingRoutes } from './meeting-routes.ts';
import { muxSocketHandlers } from './mux-socket.ts';
import { peopleRoutes } from './people-routes.ts';
import { refusedSocketHandlers, syncSocketHandlers } from './sync-socket.ts';
import { versionRoutes } from './version-routes.ts';
import { mountWebApp } from './web-app.ts';

export interface AppOptions {
  store: DocStore;
  accounts: AccountStore;
  auth: AuthService;
  hub: SyncHub;
  logger: Logger;
  /** Folder of the built web app, or null to serve only the API. */
  webRoot: string | null;
  /** Attachments of cases, content-addressed (SPEC C-ATTACH-3). */
  blobs: BlobStore;
  /** The largest attachment accepted, in bytes (MAX_ATTACHMENT_BYTES); 20 MiB by default. */
  maxAttachmentBytes?: number;
  /** Failed sign-ins, counted across instances when they share Redis; this instance's alone by default. */
  throttle?: LoginThrottle;
}

export const defaultMaxAttachmentBytes = 20 * 1024 * 1024;

/** The HTTP surface: health, the document list, the sync socket, and the web app for every other path. */
export function createApp(options: AppOptions): Hono<AuthEnv> {
  const { store, accounts, auth, hub, logger, webRoot } = options;
  const app = new Hono<AuthEnv>();
  app.onError(handleError(logger));
  // a path nothing answers is refused in the one error shape too, not with Hono's plain-text 404 (SPEC H-HTTP-2)
  app.notFound(() => {
    throw new HttpError(404, httpErrorCode.notFound, 'no such page');
  });

  app.get('/healthz', (c) =>
    c.json({ status: 'ok', loadedDocs: hub.rooms.loadedCount, sockets: hub.sessionCount }),
  );

  // Prometheus text format; open like /healthz, for a scraper on the same host or network (SPEC S-OBS-1)
  app.get('/metrics', (c) =>
    c.text(hub.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );

  const throttle = options.throttle ?? new MemoryLoginThrottle();
  const sessionsEnded = (ids: readonly string[]) => {
    for (const id of ids) hub.sessionEnded(id);
  };
  const admin = new AccountAdmin({
    accounts,
    changed: (account) => hub.accountChanged(account),
    sessionsEnded,
  });
  app.route('/api/auth', authRoutes(auth, throttle, sessionsEnded));
  app.route('/api/admin', adminRoutes(auth, admin));
  app.route('/api/docs', docRoutes({ auth, store, accounts, hub }));
  app.route('/api/docs', versionRoutes({ auth, store, hub }));
  app.route('/api/ledger', ledgerRoutes({ auth, store }));
  app.route('/api/meetings', meetingRoutes({ auth, store }));
  app.route('/api/people', peopleRoutes({ auth, accounts }));
  app.route(
    '/api/cases',
    attachmentRoutes({
      auth,
      access: hub.access,
      blobs: options.blobs,
      maxBytes: options.maxAttachmentBytes ?? defaultMaxAttachmentBytes,
    }),
  );

  // many documents on one socket (SPEC S-MUX-1); each channel's rights are decided when it opens
  app.get(
    '/sync',
    upgradeWebSocket(async (c) => {
      const user = await auth.authenticate(c.req.query('token'));
      if (!user) return refusedSocketHandlers(closeCode.unauthorized, 'sign in first');
      return muxSocketHandlers(hub, user, logger);
    }),
  );

  app.get(
    '/sync/:docName',
    async (c, next) => {
      // refused before the upgrade: a bad name never gets a socket (SPEC S-DOC-1)
      const parsed = parseDocName(c.req.param('docName'));
      if (!parsed.ok)
        throw new HttpError(400, httpErrorCode.badDocName, `not a document name (${parsed.reason})`);
      await next();
    },
    upgradeWebSocket(async (c) => {
      const parsed = parseDocName(c.req.param('docName') ?? '');
      if (!parsed.ok) throw new HttpError(400, httpErrorCode.badDocName, 'not a document name');
      // Browsers cannot set headers on a WebSocket, so the stock provider sends the token as a parameter; and
      // a browser cannot read the status of a refused upgrade, so a bad token gets a socket closed with 4401
      // before any byte of a document (SPEC A-AUTH-2).
      const user = await auth.authenticate(c.req.query('token'));
      if (!user) return refusedSocketHandlers(closeCode.unauthorized, 'sign in first');
      // the same answer whether the document exists or not (SPEC A-RIGHT-9)
      const access = await hub.access.decide(user, parsed.name, parsed.kind);
      if (access === 'none') return refusedSocketHandlers(closeCode.forbidden, 'not yours to open');
      return syncSocketHandlers(hub, {
        docName: parsed.name,
        kind: parsed.kind,
        user,
        access,
        wantsAcks: c.req.query('acks') === '1',
      });
    }),
  );

  app.all('/api/*', () => {
    throw new HttpError(404, httpErrorCode.notFound, 'no such endpoint');
  });

  if (webRoot !== null) mountWebApp(app, webRoot, logger);
  return app;
}
