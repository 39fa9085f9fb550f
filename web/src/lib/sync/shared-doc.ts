import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { LocalSaveTracker } from './local-save.ts';

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
  destroy(): void;
}

/** `ws(s)://<this host>/sync`: the app and the sync server share an origin. */
export function syncServerUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/sync`;
}

/**
 * Builds a document with its local copy and its server connection. The socket opens only after the local copy
 * is loaded, so the person sees their data at once and the first sync sends only what differs (SPEC W-OFF-1).
 */
export function openSharedDoc(name: DocName, serverUrl: string): SharedDoc {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, name, doc, {
    connect: false,
    // the delay before a reconnect grows to this, with jitter from the provider's own backoff
    maxBackoffTime: 10_000,
  });
  let persistence: IndexeddbPersistence | null = null;
  let localLoaded: Promise<void>;
  try {
    persistence = new IndexeddbPersistence(name, doc);
    localLoaded = persistence.whenSynced.then(() => undefined);
  } catch (error) {
    console.warn('no local copy for', name, error);
    localLoaded = Promise.resolve();
  }
  let destroyed = false;
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
    destroy() {
      destroyed = true;
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
