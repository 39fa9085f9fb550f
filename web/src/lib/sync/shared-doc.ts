import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { closeCode } from '@concord/shared/sync/close-codes.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { MuxSocket } from '@concord/shared/sync/mux-client.ts';
import { AccessTracker } from './access-tracker.ts';
import { LocalSaveTracker } from './local-save.ts';
import { MuxProvider } from './mux-provider.ts';
import type { RefusalLog } from './refusal-log.ts';
import { ServerSaveTracker } from './server-save.ts';

export interface SharedDoc {
  name: DocName;
  doc: Y.Doc;
  provider: MuxProvider;
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
  /** Opens the document on the socket now, also after the server closed it, instead of at its next retry. */
  reconnect(): void;
  destroy(): void;
}

export interface SharedDocOptions {
  /** The one socket every document of the app syncs over (SPEC S-MUX-1). */
  socket: MuxSocket;
  /** The server closed the document for good (44xx): 4403 when it is not (or no longer) the person's. */
  onRefused: (code: number, name: DocName) => void;
  /** Where what the server undid of this device's edits is told (message 102, SPEC W-REFUSE-1). */
  refusals?: RefusalLog;
}

/** `ws(s)://<this host>/sync`: the app and the sync server share an origin. */
export function syncServerUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/sync`;
}

/**
 * Builds a document with its local copy and its channel on the socket. The channel opens only after the local copy
 * is loaded, so the person sees their data at once and the first sync sends only what differs (SPEC W-OFF-1).
 */
export function openSharedDoc(name: DocName, options: SharedDocOptions): SharedDoc {
  const doc = new Y.Doc();
  const provider = new MuxProvider(name, doc, options.socket, {
    onRefused: (code) => {
      if (code === closeCode.forbidden) access.refuse();
      options.onRefused(code, name);
    },
  });
  const access = new AccessTracker(provider);
  options.refusals?.listen(provider, name);
  let destroyed = false;

  let persistence: IndexeddbPersistence | null = null;
  let localLoaded: Promise<void>;
  try {
    persistence = new IndexeddbPersistence(name, doc);
    localLoaded = persistence.whenSynced.then(() => undefined);
  } catch (error) {
    console.warn('no local copy for', name, error);
    localLoaded = Promise.resolve();
  }
  const connect = () => {
    void localLoaded.then(() => {
      if (!destroyed) provider.connect();
    });
  };
  connect();
  return {
    name,
    doc,
    provider,
    localLoaded,
    hasLocalCopy: persistence !== null,
    localSave: new LocalSaveTracker(doc, persistence),
    serverSave: new ServerSaveTracker(doc, provider),
    access,
    clearLocalCopy: () => (persistence ? persistence.clearData() : deleteLocalCopy(name)),
    reconnect: connect,
    destroy() {
      destroyed = true;
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
