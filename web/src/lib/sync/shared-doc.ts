import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import { extensionType } from '@concord/shared/sync/extensions.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { AccessTracker } from './access-tracker.ts';
import { LocalSaveTracker } from './local-save.ts';
import { reconnectDelay } from './reconnect.ts';
import type { RefusalLog } from './refusal-log.ts';
import { ServerSaveTracker } from './server-save.ts';
import type { WatchedLink } from './silence-watchdog.ts';

export interface SharedDoc {
  name: DocName;
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the local copy is loaded (at once if the browser keeps none). */
  localLoaded: Promise<void>;
  /** False when the browser refused IndexedDB: edits then live only as long as the page. */
  hasLocalCopy: boolean;
  /** Whether the latest edit is in the local copy yet. */
  localSave: LocalSaveTracker;
  /** Whether the server has everything this device has, on its disk. */
  serverSave: ServerSaveTracker;
  /** What the server says this person may do with the document (SPEC A-RIGHT-10). */
  access: AccessTracker;
  /** Deletes this device's copy of the document; the document in memory stays until destroyed. */
  clearLocalCopy(): Promise<void>;
  /** The socket as the silence watchdog sees it (SPEC S-BEAT-1). */
  link: WatchedLink;
  /** Closes the socket as if the link had died, and reconnects after the usual backoff. */
  dropLink(): void;
  /** Connects now with `token`, instead of at the next backoff step. */
  reconnect(token: string | null): void;
  destroy(): void;
}

export interface SharedDocOptions {
  serverUrl: string;
  token: string | null;
  /**
   * The server closed the socket for good (44xx): 4401 when the sign-in has ended, 4403 when the document is not
   * (or no longer) the person's.
   */
  onRefused: (code: number, name: DocName) => void;
  /** Where what the server undid of this device's edits is told (message 102, SPEC W-REFUSE-1). */
  refusals?: RefusalLog;
}

/** `ws(s)://<this host>/sync`: the app and the sync server share an origin. */
export function syncServerUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/sync`;
}

function socketParams(token: string | null): Record<string, string> {
  return token ? { token, acks: '1' } : { acks: '1' };
}

/**
 * Builds a document with its local copy and its server connection. The socket opens only after the local copy
 * is loaded, so the person sees their data at once and the first sync sends only what differs (SPEC W-OFF-1).
 */
export function openSharedDoc(name: DocName, options: SharedDocOptions): SharedDoc {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(options.serverUrl, name, doc, {
    connect: false,
    params: socketParams(options.token),
  });
  const access = new AccessTracker(provider);
  options.refusals?.listen(provider, name);
  let destroyed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const cancelRetry = () => {
    if (retry !== null) clearTimeout(retry);
    retry = null;
  };
  const scheduleRetry = () => {
    cancelRetry();
    retry = setTimeout(
      () => {
        retry = null;
        if (!destroyed) provider.connect();
      },
      reconnectDelay(provider.wsUnsuccessfulReconnects, Math.random),
    );
  };
  // The provider's own backoff has no jitter; this one does (SPEC W-NET-1). Returning false stops the
  // provider's retry, and the timer below takes its place.
  provider.shouldReconnect = (event) => {
    if (event.code >= 4400 && event.code < 4500) {
      if (event.code === closeCode.forbidden) access.refuse();
      options.onRefused(event.code, name);
      return false;
    }
    scheduleRetry();
    return false;
  };
  // the server's heartbeat (SPEC S-BEAT-1): the provider notes the time of every message itself
  let heardBeat = false;
  provider.messageHandlers[extensionType.beat] = () => {
    heardBeat = true;
  };
  provider.on('connection-close', () => {
    heardBeat = false;
  });
  const link: WatchedLink = {
    get connected() {
      return provider.wsconnected;
    },
    get heardBeat() {
      return heardBeat;
    },
    get lastHeardAt() {
      return provider.wsLastMessageReceived;
    },
    drop: () => dropLink(),
  };
  const dropLink = () => {
    if (!provider.wsconnected && !provider.wsconnecting) return;
    // disconnect closes at once, without waiting for a closing handshake a dead link never answers
    provider.disconnect();
    scheduleRetry();
  };

  let persistence: IndexeddbPersistence | null = null;
  let localLoaded: Promise<void>;
  try {
    persistence = new IndexeddbPersistence(name, doc);
    localLoaded = persistence.whenSynced.then(() => undefined);
  } catch (error) {
    console.warn('no local copy for', name, error);
    localLoaded = Promise.resolve();
  }
  void localLoaded.then(() => {
    if (!destroyed) provider.connect();
  });
  return {
    name,
    doc,
    provider,
    localLoaded,
    hasLocalCopy: persistence !== null,
    localSave: new LocalSaveTracker(doc, persistence),
    serverSave: new ServerSaveTracker(doc, provider),
    access,
    link,
    dropLink,
    clearLocalCopy: () => (persistence ? persistence.clearData() : deleteLocalCopy(name)),
    reconnect(token) {
      provider.params = socketParams(token);
      cancelRetry();
      provider.disconnect();
      void localLoaded.then(() => {
        if (!destroyed) provider.connect();
      });
    },
    destroy() {
      destroyed = true;
      cancelRetry();
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}

/** Deletes the local copy of a document that is not open (y-indexeddb keeps one database per document). */
export function deleteLocalCopy(name: DocName): Promise<void> {
  return clearDocument(name);
}
