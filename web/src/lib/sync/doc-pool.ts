import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { MuxSocket, type MuxSocketLike } from '@concord/shared/sync/mux-client.ts';
import { RefusalLog } from './refusal-log.ts';
import { deleteLocalCopy, openSharedDoc, type SharedDoc, type SharedDocOptions } from './shared-doc.ts';

interface PoolEntry {
  shared: SharedDoc;
  users: number;
}

export interface DocPoolOptions {
  /** `ws(s)://host/sync` */
  serverUrl: string;
  token: string | null;
  /** A document the server closed for good (44xx): 4403 when it is not (or no longer) the person's. */
  onRefused: (code: number, name: DocName) => void;
  /** The server closed the socket with 4401: the sign-in has ended. */
  onSignInEnded: () => void;
  /** Default: the browser's WebSocket. */
  createSocket?: (url: string) => MuxSocketLike;
}

function socketParams(token: string | null): Record<string, string> {
  return token ? { token } : {};
}

/**
 * Open documents, shared by whoever needs them and closed when the last one lets go, so that the form that
 * creates a case and the page that shows it use one document and one local copy. Every document syncs over the
 * pool's one socket (SPEC S-MUX-1), which drops a link that went silent by itself (SPEC S-BEAT-1).
 */
export class DocPool {
  /** The socket every document syncs over; others may open channels on it for documents no page holds. */
  readonly socket: MuxSocket;
  readonly #docOptions: SharedDocOptions;
  readonly #open = new Map<DocName, PoolEntry>();
  /** What the server undid of this device's edits to any document opened here, by document (SPEC W-REFUSE-1). */
  readonly refusals = new RefusalLog();
  readonly #listeners = new Set<() => void>();
  readonly #openListeners = new Set<(name: DocName, open: boolean) => void>();
  #hasToken: boolean;

  constructor(options: DocPoolOptions) {
    this.#hasToken = options.token !== null;
    this.socket = new MuxSocket({
      url: options.serverUrl,
      params: socketParams(options.token),
      ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    });
    this.#docOptions = { socket: this.socket, onRefused: options.onRefused, refusals: this.refusals };
    this.socket.on('status', () => {
      if (this.socket.signInEnded) options.onSignInEnded();
      this.#changed();
    });
    // with nobody signed in there is nothing to sync: the socket waits for a token
    if (options.token) this.socket.connect();
    else this.socket.stop();
  }

  /** Someone is signed in: the socket is in use, and what it says is the state of the link (SPEC W-STATUS-1). */
  get hasToken(): boolean {
    return this.#hasToken;
  }

  /** The documents open now, for the status of the whole app (SPEC W-STATUS-1). */
  get openDocs(): SharedDoc[] {
    return [...this.#open.values()].map((e) => e.shared);
  }

  /** Whether a page (or anything else that acquired it) holds the document now. */
  isOpen(name: DocName): boolean {
    return this.#open.has(name);
  }

  /** Calls `listener` when a document opens or closes, or the socket or a document connects, syncs or closes. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Calls `listener` at once when a document is acquired and nothing held it (`open` true), before its channel
   * opens, and when its last holder released it (`open` false), after its channel is released: whoever keeps
   * channels of documents nobody holds steps aside, and may take the name again. Listeners run inside acquire()
   * and release(), which pages call while deriving what they show: they must not write reactive state then.
   */
  onOpenChanged(listener: (name: DocName, open: boolean) => void): () => void {
    this.#openListeners.add(listener);
    return () => this.#openListeners.delete(listener);
  }

  /** The device says it lost the network: the socket is dropped now instead of when the browser notices. */
  dropAll(): void {
    this.socket.disconnect();
  }

  #changed = (): void => {
    for (const listener of this.#listeners) listener();
  };

  #tellOpen(name: DocName, open: boolean): void {
    for (const listener of [...this.#openListeners]) listener(name, open);
  }

  /**
   * Tries the socket now instead of at its next backoff step, and every document the server let go for now:
   * called when the device says it is back online, so a returning field worker syncs at once. A document the
   * server refused stays closed: only a new sign-in may open it.
   */
  reconnectAll(): void {
    if (!this.socket.connected) this.socket.connect();
    for (const { shared } of this.#open.values()) {
      if (!shared.provider.wsconnected && !shared.access.refused) shared.reconnect();
    }
  }

  /** A new sign-in: the socket reconnects with it, and every open document opens again, refused ones too. */
  setToken(token: string | null): void {
    this.#hasToken = token !== null;
    this.refusals.clear();
    for (const { shared } of this.#open.values()) shared.access.reset();
    this.socket.setParams(socketParams(token));
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
    this.socket.stop();
    this.#hasToken = false;
    this.refusals.clear();
    const names = [...this.#open.keys()];
    for (const { shared } of this.#open.values()) shared.destroy();
    this.#open.clear();
    for (const name of names) this.#tellOpen(name, false);
    return names;
  }

  /** The document, opened if need be; call the returned `release` when done with it. */
  acquire(name: DocName): { shared: SharedDoc; release: () => void } {
    let entry = this.#open.get(name);
    if (!entry) {
      // told first: whoever keeps a channel of this document lets it go before this one takes the name
      this.#tellOpen(name, true);
      entry = { shared: openSharedDoc(name, this.#docOptions), users: 0 };
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
        this.#tellOpen(name, false);
        // told a turn later: a page opens documents while deriving what it shows, where state must not change
        queueMicrotask(this.#changed);
      },
    };
  }
}
