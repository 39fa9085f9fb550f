import type { DocPool } from '../sync/doc-pool.ts';
import type { SharedDoc } from '../sync/shared-doc.ts';
import type { DocName } from '@concord/shared/sync/doc-name.ts';

/**
 * Sends cases (and meetings) edited offline once the server can be reached again, even if nobody opens them (SPEC W-OFF-2).
 * A case counts as sent when the server says it has everything this device has on its disk (SPEC S-ACK-1).
 */
export async function sendPendingCases(
  directory: { readonly pending: readonly { name: DocName }[]; uploaded(name: DocName): void },
  pool: DocPool,
): Promise<void> {
  for (const entry of directory.pending) {
    const { shared, release } = pool.acquire(entry.name);
    try {
      await savedOrLost(shared);
      directory.uploaded(entry.name);
    } catch (error) {
      console.info('pending cases wait for the next connection', error);
      return;
    } finally {
      release();
    }
  }
}

/** Resolves when the server has saved all of the document; rejects when the attempt to reach it fails. */
function savedOrLost(shared: SharedDoc): Promise<void> {
  const provider = shared.provider;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!shared.serverSave.saved) return;
      cleanup();
      resolve();
    };
    const onLost = () => {
      cleanup();
      reject(new Error('server unreachable'));
    };
    const stopWatching = shared.serverSave.subscribe(check);
    const cleanup = () => {
      stopWatching();
      provider.off('connection-close', onLost);
    };
    // a failed attempt to reach the server is a close too
    provider.on('connection-close', onLost);
    check();
  });
}
