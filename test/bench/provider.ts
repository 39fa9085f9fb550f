import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Endpoint } from './protocol.ts';

/** A stock y-websocket client, as any outside program would use it. */
export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the client may edit (see {@link Endpoint.readiness}). */
  ready: Promise<void>;
  destroy(): void;
}

const readyTimeoutMs = 30_000;

export function openClient(endpoint: Endpoint, docName: string): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(endpoint.serverUrl, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: endpoint.params,
    disableBc: true,
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${docName} not ${endpoint.readiness} after ${readyTimeoutMs} ms`));
    }, readyTimeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    if (endpoint.readiness === 'synced') {
      provider.on('sync', (isSynced) => {
        if (isSynced) done();
      });
    } else {
      provider.on('status', ({ status }) => {
        if (status === 'connected') done();
      });
    }
  });
  return {
    doc,
    provider,
    ready,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Opens one client per name, `concurrency` connection attempts at a time, and waits until all are ready. */
export async function openClients(
  endpoint: Endpoint,
  docNames: readonly string[],
  concurrency = 50,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let start = 0; start < docNames.length; start += concurrency) {
    const batch = docNames.slice(start, start + concurrency).map((name) => openClient(endpoint, name));
    clients.push(...batch);
    await Promise.all(batch.map((c) => c.ready));
  }
  return clients;
}
