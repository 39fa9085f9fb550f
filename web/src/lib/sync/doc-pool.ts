import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { RefusalLog } from './refusal-log.ts';
import { deleteLocalCopy, openSharedDoc, type SharedDoc, type SharedDocOptions } from './shared-doc.ts';
import { SilenceWatchdog } from './silence-watchdog.ts';

interface PoolEntry {
  shared: SharedDoc;
  users: number;
}

/**
 * Open documents, shared by whoever needs them and closed when the last one lets go, so that the form that
 * creates a case and the page that shows it use one document, one local copy and one socket.
 */
export class DocPool {
  readonly #options: SharedDocOptions;
  readonly #open = new Map<DocName, PoolEntry>();
  /** What the server undid of this device's edits to any document opened here, by document (SPEC W-REFUSE-1). */
  readonly refusals = new RefusalLog();
  readonly #listeners = new Set<() => void>();
  /** Drops sockets that stopped hearing the server's beats (SPEC S-BEAT-1); one timer for all documents. */
  readonly watchdog = new SilenceWatchdog({
    links: () => [...this.#open.values()].map((e) => e.shared.link),
  });

  constructor(options: SharedDocOptions) {
    this.#options = { ...options, refusals: this.refusals };
  }

  /** The documents open now, for the status of the whole app (SPEC W-STATUS-1). */
  get openDocs(): SharedDoc[] {
    return [...this.#open.values()].map((e) => e.shared);
  }

  /** Calls `listener` when a document opens or closes, or a socket connects, syncs or closes. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The device says it lost the network: every socket is dropped now instead of when the browser notices. */
  dropAll(): void {
    for (const { shared } of this.#open.values()) shared.dropLink();
  }

  #changed = (): void => {
    for (const listener of this.#listeners) listener();
  };

  /**
   * Tries every open document's connection now instead of at its next backoff step: called when the device
   * says it is back online, so a returning field worker syncs at once. A document the server refused stays
   * closed: only a new sign-in may open it.
   */
  reconnectAll(): void {
    for (const { shared } of this.#open.values()) {
      if (!shared.provider.wsconnected && !shared.access.refused) shared.reconnect(this.#options.token);
    }
  }

  /** A new sign-in: every open document reconnects with it, and documents opened later use it. */
  setToken(token: string | null): void {
    this.#options.token = token;
    this.refusals.clear();
    for (const { shared } of this.#open.values()) {
      shared.access.reset();
      shared.reconnect(token);
    }
  }

  /** Deletes this device's copy of a document, open or not (SPEC A-REVOKE-2). */
  async deleteLocalCopy(name: DocName): Promise<void> {
    const entry = this.#open.get(name);
    await (entry ? entry.shared.clearLocalCopy() : deleteLocalCopy(name));
  }

  /** Every open document, its own edits and what the server acknowledged of them, to tell what is unsent. */
  openDocStates(): {
    name: DocName;
    ownClient: number;
    ownClock: number;
    acknowledged: ReadonlyMap<number, number> | null;
  }[] {
    return [...this.#open.values()].map(({ shared }) => ({
      name: shared.name,
      ownClient: shared.doc.clientID,
      ownClock: Y.getState(shared.doc.store, shared.doc.clientID),
      acknowledged: shared.serverSave.acknowledged,
    }));
  }

  /**
   * Closes every document, whoever holds it, and forgets the token: the person signs out (SPEC W-SIGNOUT-2).
   * Returns the names that were open, whose local copies go next.
   */
  closeAll(): DocName[] {
    this.#options.token = null;
    this.refusals.clear();
    const names = [...this.#open.keys()];
    for (const { shared } of this.#open.values()) shared.destroy();
    this.#open.clear();
    return names;
  }

  /** The document, opened if need be; call the returned `release` when done with it. */
  acquire(name: DocName): { shared: SharedDoc; release: () => void } {
    let entry = this.#open.get(name);
    if (!entry) {
      entry = { shared: openSharedDoc(name, this.#options), users: 0 };
      this.#open.set(name, entry);
      for (const event of ['status', 'sync', 'connection-close'] as const) {
        entry.shared.provider.on(event, this.#changed);
      }
      // told a turn later: a page opens documents while deriving what it shows, where state must not change
      queueMicrotask(this.#changed);
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
        // closed already, by a sign-out, when the pool holds another entry or none under this name
        if (held.users > 0 || this.#open.get(name) !== held) return;
        this.#open.delete(name);
        held.shared.destroy();
        // told a turn later: a page opens documents while deriving what it shows, where state must not change
        queueMicrotask(this.#changed);
      },
    };
  }
}
