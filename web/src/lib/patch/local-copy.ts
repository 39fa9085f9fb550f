import * as idb from 'lib0/indexeddb';
import * as Y from 'yjs';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { transactionDone } from '../device/idb-transaction.ts';

/**
 * A document's copy on this device, in y-indexeddb's own format (one database named after the document, updates
 * appended to its `updates` store), so a page that opens the document later finds what was kept in the background.
 * The database is opened for each operation and closed after: a patch of a thousand documents must not hold a
 * thousand open databases.
 */
export interface LocalCopy {
  append(update: Uint8Array): Promise<void>;
  /** Everything kept, as one update. */
  read(): Promise<Uint8Array>;
}

const updatesStore = 'updates';

function open(name: DocName): Promise<IDBDatabase> {
  // the same stores y-indexeddb creates, so either may be the first to open the database
  return idb.openDB(name, (db) =>
    idb.createStores(db, [[updatesStore, { autoIncrement: true }], ['custom']]),
  );
}

/** Databases open at once: a first fetch of a thousand documents must not open a thousand together. */
const maxOpen = 6;
let opened = 0;
const waiting: (() => void)[] = [];
/** Moves on at sign-out: work queued before it must not open (and so create again) a deleted copy. */
let generation = 0;

/** Sign-out: copies that wait their turn are not opened any more. */
export function stopCopies(): void {
  generation++;
}

async function withDatabase<T>(name: DocName, work: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const asked = generation;
  if (opened >= maxOpen) await new Promise<void>((resolve) => waiting.push(resolve));
  opened++;
  try {
    if (asked !== generation) throw new Error(`the copy of ${name} is not kept any more: signed out`);
    const db = await open(name);
    try {
      return await work(db);
    } finally {
      db.close();
    }
  } finally {
    opened--;
    waiting.shift()?.();
  }
}

export function indexedDbCopy(name: DocName): LocalCopy {
  return {
    append: (update) =>
      withDatabase(name, async (db) => {
        // counted as kept only once on disk: the index must never say a copy holds what a closed page lost
        const transaction = db.transaction([updatesStore], 'readwrite');
        transaction.objectStore(updatesStore).add(update);
        await transactionDone(transaction);
      }),
    read: () =>
      withDatabase(name, async (db) => {
        const [store] = idb.transact(db, [updatesStore], 'readonly');
        if (!store) throw new Error(`no ${updatesStore} store in ${name}`);
        const updates = (await idb.getAll(store)) as Uint8Array[];
        return Y.mergeUpdates(updates);
      }),
  };
}
