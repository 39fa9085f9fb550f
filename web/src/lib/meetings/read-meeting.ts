import type { SharedDoc } from '../sync/shared-doc.ts';

/** How long a look at a meeting waits for the server's copy before reading the device's. */
export const meetingReadWaitMs = 5000;

/**
 * Resolves once the document's local copy is loaded and the server has sent its state, or the connection fails,
 * or `waitMs` passes: then what the device has is what there is to read.
 */
export function readable(shared: SharedDoc, waitMs: number): Promise<void> {
  return shared.localLoaded.then(
    () =>
      new Promise<void>((resolve) => {
        const provider = shared.provider;
        if (provider.synced) {
          resolve();
          return;
        }
        const done = () => {
          clearTimeout(timer);
          provider.off('sync', onSync);
          provider.off('connection-close', done);
          resolve();
        };
        const onSync = (synced: boolean) => {
          if (synced) done();
        };
        const timer = setTimeout(done, waitMs);
        provider.on('sync', onSync);
        // a failed attempt to reach the server is a close too
        provider.on('connection-close', done);
      }),
  );
}
