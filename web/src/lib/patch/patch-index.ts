import * as idb from 'lib0/indexeddb';
import { parseDocName, type DocName } from '@concord/shared/sync/doc-name.ts';
import type { KeptState } from './kept-doc.ts';

/** The database of what the device keeps in the background; deleted at sign-out with the copies (SPEC W-SIGNOUT-2). */
export const patchDatabase = 'concord-patch';
const docsStore = 'docs';

/** Per kept document, its state vector and what the server last had on disk: read in one go at start. */
export interface PatchIndex {
  all(): Promise<Map<DocName, KeptState>>;
  putMany(entries: ReadonlyMap<DocName, KeptState>): Promise<void>;
  remove(name: DocName): Promise<void>;
}

function isKeptState(value: unknown): value is KeptState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['stateVector'] instanceof Uint8Array &&
    (v['saved'] === null || v['saved'] instanceof Uint8Array) &&
    typeof v['bytes'] === 'number'
  );
}

export function indexedDbPatchIndex(): PatchIndex {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= idb
      .openDB(patchDatabase, (d) => idb.createStores(d, [[docsStore]]))
      .then((d) => {
        // a sign-out deletes the database: let go of it, or the deletion waits for this page to close
        d.onversionchange = () => {
          d.close();
          opened = null;
        };
        return d;
      }));
  const store = async (access: 'readonly' | 'readwrite') => {
    const [docs] = idb.transact(await db(), [docsStore], access);
    if (!docs) throw new Error(`no ${docsStore} store in ${patchDatabase}`);
    return docs;
  };
  return {
    async all() {
      const kept = new Map<DocName, KeptState>();
      for (const { k, v } of await idb.getAllKeysValues(await store('readonly'))) {
        const parsed = parseDocName(String(k));
        // an entry this version cannot read is fetched again from the server
        if (parsed.ok && isKeptState(v)) kept.set(parsed.name, v);
      }
      return kept;
    },
    async putMany(entries) {
      const docs = await store('readwrite');
      await Promise.all([...entries].map(([name, state]) => idb.rtop(docs.put(state, name))));
    },
    async remove(name) {
      await idb.del(await store('readwrite'), name);
    },
  };
}
