import * as Y from 'yjs';
import { receiptsKey } from '../../cases/workflow/receipts.ts';

// The name of the map that binds Yjs client ids to accounts. Never rename: stored documents use it.
export const writersKey = 'writers';

/** Top-level maps only the server writes: a client's change to them is undone (SPEC A-GUARD-6). */
export const serverOnlyKeys = [receiptsKey, writersKey] as const;

/**
 * The account each Yjs client id of the document is bound to (SPEC A-BIND-1): the server binds a client id to the
 * account that first wrote with it, here in the document, so every instance and every replica knows it.
 */
export function boundAccount(doc: Y.Doc, client: number): string | null {
  const value = doc.getMap<unknown>(writersKey).get(String(client));
  return typeof value === 'string' ? value : null;
}

export function bindWriter(doc: Y.Doc, client: number, account: string): void {
  doc.getMap<unknown>(writersKey).set(String(client), account);
}
