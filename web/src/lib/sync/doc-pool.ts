import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { openSharedDoc, type SharedDoc } from './shared-doc.ts';

interface PoolEntry {
  shared: SharedDoc;
  users: number;
}

/**
 * Open documents, shared by whoever needs them and closed when the last one lets go, so that the form that
 * creates a case and the page that shows it use one document, one local copy and one socket.
 */
export class DocPool {
  readonly #serverUrl: string;
  readonly #open = new Map<DocName, PoolEntry>();

  constructor(serverUrl: string) {
    this.#serverUrl = serverUrl;
  }

  /**
   * Tries every open document's connection now instead of at its next backoff step: called when the device
   * says it is back online, so a returning field worker syncs at once.
   */
  reconnectAll(): void {
    for (const { shared } of this.#open.values()) {
      const provider = shared.provider;
      if (provider.wsconnected || !provider.shouldConnect) continue;
      provider.disconnect();
      provider.connect();
    }
  }

  /** The document, opened if need be; call the returned `release` when done with it. */
  acquire(name: DocName): { shared: SharedDoc; release: () => void } {
    let entry = this.#open.get(name);
    if (!entry) {
      entry = { shared: openSharedDoc(name, this.#serverUrl), users: 0 };
      this.#open.set(name, entry);
    }
    entry.users++;
    const held = entry;
    let released = false;
    return {
      shared: held.shared,
      release: () => {
        if (released) return;
        released = true;
        held.users--;
        if (held.users > 0) return;
        this.#open.delete(name);
        held.shared.destroy();
      },
    };
  }
}
