import type { DocPool } from '../sync/doc-pool.ts';
import type { CaseDirectory } from './case-directory.svelte.ts';

/**
 * Sends cases edited offline once the server can be reached again, one at a time, even if nobody opens them
 * (SPEC W-OFF-2). A case counts as sent when its socket has completed the sync handshake, which carries
 * everything this device has that the server lacks.
 */
export async function sendPendingCases(directory: CaseDirectory, pool: DocPool): Promise<void> {
  for (const entry of directory.pending) {
    const { shared, release } = pool.acquire(entry.name);
    try {
      await new Promise<void>((resolve, reject) => {
        const onSync = (synced: boolean) => {
          if (!synced) return;
          cleanup();
          resolve();
        };
        const onClose = () => {
          cleanup();
          reject(new Error('server unreachable'));
        };
        const cleanup = () => {
          shared.provider.off('sync', onSync);
          shared.provider.off('connection-close', onClose);
          shared.provider.off('connection-error', onClose);
        };
        if (shared.provider.synced) {
          resolve();
          return;
        }
        shared.provider.on('sync', onSync);
        shared.provider.on('connection-close', onClose);
        shared.provider.on('connection-error', onClose);
      });
      directory.uploaded(entry.name);
    } catch (error) {
      console.info('pending cases wait for the next connection', error);
      return;
    } finally {
      release();
    }
  }
}
