import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { coveredBy, extensionType, readSavedAck } from '../../shared/src/sync/extensions.ts';
import { serverTokens } from './test-server.ts';

/** A stock y-websocket client, as any outside program would use it against our server. */
export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/**
 * A stock client on `docName`. It signs in as the test server's admin unless `token` says otherwise
 * (`null`: no token at all).
 */
export function stockClient(
  syncUrl: string,
  docName: string,
  options: { connect?: boolean; token?: string | null; params?: Record<string, string> } = {},
): StockClient {
  const doc = new Y.Doc();
  const token = options.token === undefined ? serverTokens.get(syncUrl) : options.token;
  const provider = new WebsocketProvider(syncUrl, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
    params: { ...(token ? { token } : {}), ...options.params },
  });
  if (options.params?.['acks'] === '1') {
    // a client that asks for acks hears of saves and of its rights; tests that care set their own handlers
    provider.messageHandlers[extensionType.saved] = () => undefined;
    provider.messageHandlers[extensionType.access] = () => undefined;
    provider.messageHandlers[extensionType.refused] = () => undefined;
    provider.messageHandlers[extensionType.beat] = () => undefined;
  }
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider has exchanged both sync steps with the server. */
export function synced(client: StockClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      client.provider.off('sync', onSync);
      resolve();
    };
    client.provider.on('sync', onSync);
  });
}

/** Resolves when `check` holds for the document, re-checking after each update it receives. */
export function until(doc: Y.Doc, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve) => {
    const onUpdate = () => {
      if (!check()) return;
      doc.off('update', onUpdate);
      resolve();
    };
    doc.on('update', onUpdate);
  });
}

/**
 * Resolves once the client has heard the server bind its client id to the account it signed in with (SPEC
 * A-BIND-1), the server's own write after a client's first edit.
 */
export function boundHere(client: StockClient): Promise<void> {
  const writers = client.doc.getMap('writers');
  return until(client.doc, () => writers.has(String(client.doc.clientID)));
}

/** Resolves once both documents hold the same state, whichever of them hears last. */
export function converged(a: Y.Doc, b: Y.Doc): Promise<void> {
  const same = () => equalBytes(Y.encodeStateVector(a), Y.encodeStateVector(b));
  return Promise.race([until(a, same), until(b, same)]);
}

function equalBytes(x: Uint8Array, y: Uint8Array): boolean {
  return x.length === y.length && x.every((byte, i) => byte === y[i]);
}

/** Resolves with the code the server closes the client's socket with. */
export function closedWith(c: StockClient): Promise<number> {
  return new Promise((resolve) => {
    c.provider.on('connection-close', (event) => {
      if (event) resolve(event.code);
    });
  });
}

/**
 * Resolves once the server says it has on disk everything the client has now (SPEC S-ACK-1); the client must
 * have asked for acknowledgements (`params: { acks: '1' }`). Call right after the edits, in the same turn.
 */
export function savedOnServer(client: StockClient): Promise<void> {
  const local = Y.decodeStateVector(Y.encodeStateVector(client.doc));
  return new Promise((resolve) => {
    client.provider.messageHandlers[extensionType.saved] = (_encoder, decoder) => {
      if (coveredBy(local, readSavedAck(decoder))) resolve();
    };
  });
}
