import { createSubscriber } from 'svelte/reactivity';
import type { DocProvider } from './doc-provider.ts';

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** Reads a provider's connection as reactive state, subscribing only while something on screen reads it. */
export class ProviderConnection {
  readonly #provider: DocProvider;
  readonly #subscribe: () => void;

  constructor(provider: DocProvider) {
    this.#provider = provider;
    this.#subscribe = createSubscriber((update) => {
      provider.on('status', update);
      provider.on('sync', update);
      provider.on('connection-close', update);
      return () => {
        provider.off('status', update);
        provider.off('sync', update);
        provider.off('connection-close', update);
      };
    });
  }

  /** The server has sent everything it has of the document since the socket last opened. */
  get synced(): boolean {
    this.#subscribe();
    return this.#provider.synced;
  }

  /**
   * The last attempt to reach the server failed and no socket is open now. Unlike an `offline` state, a socket
   * that is open and still syncing is not unreachable.
   */
  get unreachable(): boolean {
    this.#subscribe();
    return !this.#provider.wsconnected && this.#provider.wsUnsuccessfulReconnects > 0;
  }

  get state(): ConnectionState {
    this.#subscribe();
    if (this.#provider.wsconnected && this.#provider.synced) return 'online';
    // a first attempt is still under way; after a failed one the provider counts unsuccessful reconnects
    if (this.#provider.wsconnecting && this.#provider.wsUnsuccessfulReconnects === 0) return 'connecting';
    return 'offline';
  }
}
