import type { DocName } from '@concord/shared/sync/doc-name.ts';
import { attachmentDatabaseName } from '../attachments/attachment-db.ts';
import { patchDatabase } from '../patch/patch-index.ts';
import { deleteLocalCopy } from '../sync/shared-doc.ts';
import { databasesToDelete, keysToClear, storageKeys } from './sign-out.ts';

/**
 * Deletes what this device keeps of the person: the app's localStorage entries (the language choice stays) and
 * every local copy of a document, listed by the browser where it can or named in `known`, every attachment kept on
 * the device and the index of the kept documents (SPEC W-SIGNOUT-2, W-ATTACH-2, W-PATCH-1).
 * Resolves with the databases that could not be deleted, which the caller reports.
 */
/** The app's own databases beside the documents' copies: the attachments and the index of what is kept. */
const appDatabases = [attachmentDatabaseName, patchDatabase] as const;

export async function eraseDeviceData(
  storage: Storage | null,
  databases: IDBFactory | null,
  known: Iterable<DocName>,
  /** Checked once the databases are listed: someone signed in meanwhile, and their copies are not to go. */
  stop: () => boolean = () => false,
): Promise<string[]> {
  if (storage) for (const key of keysToClear(storageKeys(storage))) storage.removeItem(key);
  if (!databases) return [];
  let listed: (string | undefined)[] = [];
  // `databases()` is missing from older browsers; the known names are deleted all the same
  if (typeof databases.databases === 'function') {
    try {
      listed = (await databases.databases()).map((database) => database.name);
    } catch (error) {
      console.warn('the browser would not list its databases; deleting the known ones', error);
    }
  }
  if (stop()) return [];
  const names = databasesToDelete(listed, known);
  const results = await Promise.allSettled(names.map((name) => deleteLocalCopy(name)));
  const failed: string[] = [];
  results.forEach((result, i) => {
    const name = names[i];
    if (result.status === 'rejected' && name !== undefined) {
      console.error('could not delete the local copy of', name, result.reason);
      failed.push(name);
    }
  });
  for (const name of appDatabases) {
    try {
      await deleteDatabase(databases, name);
    } catch (error) {
      console.error('could not delete a database of the app on this device', name, error);
      failed.push(name);
    }
  }
  return failed;
}

function deleteDatabase(databases: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = databases.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    // another tab holds it open: it goes once that tab lets go, which its versionchange handler does
    request.onblocked = () => console.warn(`deleting ${name} waits for another tab`);
  });
}
