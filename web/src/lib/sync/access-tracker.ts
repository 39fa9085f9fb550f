import type * as decoding from 'lib0/decoding';
import type { DocProvider } from './doc-provider.ts';
import { extensionType, readAccess } from '@concord/shared/sync/extensions.ts';

/**
 * What the server last said this person may do with a document: nothing yet (`unknown`), read it, write it, or
 * open it not at all (`refused`, a 4403 close).
 */
export type ServerAccess = 'unknown' | 'read' | 'write' | 'refused';

/** What the app lets the person do with a document it shows. */
export type DocAccess = 'read' | 'write' | 'none';

/**
 * The access that holds now: the server's word on the socket when it has spoken, else the case list's, else
 * `write` (a case only this device knows, such as one recorded offline). The server decides in the end: a write
 * it refuses is dropped there (SPEC A-RIGHT-10).
 */
export function effectiveAccess(server: ServerAccess, listed: 'read' | 'write' | undefined): DocAccess {
  switch (server) {
    case 'refused':
      return 'none';
    case 'read':
    case 'write':
      return server;
    case 'unknown':
      return listed ?? 'write';
  }
}

/**
 * Listens for the server's `access` message (101), sent at connect and again whenever it drops an update from a
 * read-only socket, and notes a 4403 close (SPEC A-RIGHT-10, A-REVOKE-2). The last word is kept across
 * reconnects: offline, a reader is still a reader.
 */
export class AccessTracker {
  readonly #listeners = new Set<() => void>();
  #level: ServerAccess = 'unknown';

  constructor(provider: DocProvider) {
    provider.messageHandlers[extensionType.access] = (_encoder, decoder: decoding.Decoder) => {
      this.#set(readAccess(decoder));
    };
  }

  get level(): ServerAccess {
    return this.#level;
  }

  get refused(): boolean {
    return this.#level === 'refused';
  }

  /** The server closed the socket with 4403: this person may not open the document (any more). */
  refuse(): void {
    this.#set('refused');
  }

  /** A new sign-in may have other rights: forget what the server said to the previous one. */
  reset(): void {
    this.#set('unknown');
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(level: ServerAccess): void {
    if (level === this.#level) return;
    this.#level = level;
    for (const listener of this.#listeners) listener();
  }
}
