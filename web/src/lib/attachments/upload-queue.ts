import { reconnectDelay } from '@concord/shared/sync/reconnect.ts';

/** One blob waiting to reach the server, for the case it belongs to. */
export interface PendingUpload {
  caseId: string;
  sha256: string;
  /** Failed tries so far, for the backoff. */
  attempts: number;
  /** A thumbnail, which the count of pending uploads leaves out: it goes with its photo. */
  thumb?: boolean;
}

/** How many attachments wait to be uploaded, as a person counts them: a photo and its thumbnail are one. */
export function pendingCount(uploads: readonly PendingUpload[]): number {
  return uploads.filter((upload) => upload.thumb !== true).length;
}

/** Where the device keeps attachments and what waits to be uploaded (IndexedDB in the browser). */
export interface AttachmentDevice {
  getBlob(sha256: string): Promise<Blob | null>;
  pending(): Promise<PendingUpload[]>;
  savePending(upload: PendingUpload): Promise<void>;
  donePending(upload: PendingUpload): Promise<void>;
}

/** What one upload came to: the server has it; try later; or never (the server refused it for good). */
export type UploadOutcome = 'done' | 'retry' | 'refused';

/**
 * Sends one blob: `PUT /api/cases/:caseId/attachments/:sha256` with the bearer token. A 2xx is done; a network
 * failure, 401 (sign in again), 404 (the case not on the server yet, or access not yet given), 408, 429 and 5xx are
 * tried again; anything else (too large, not a kind a case keeps) is refused for good.
 */
export async function uploadOne(
  fetcher: typeof fetch,
  token: string | null,
  upload: PendingUpload,
  blob: Blob,
): Promise<UploadOutcome> {
  if (token === null) return 'retry';
  let response: Response;
  try {
    response = await fetcher(`/api/cases/${upload.caseId}/attachments/${upload.sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: blob,
    });
  } catch (error) {
    console.warn('attachment upload failed, to be tried again', error);
    return 'retry';
  }
  if (response.ok) return 'done';
  if ([401, 404, 408, 429].includes(response.status) || response.status >= 500) return 'retry';
  return 'refused';
}

export interface UploadRunOptions {
  device: AttachmentDevice;
  fetch: typeof fetch;
  token: () => string | null;
  random?: () => number;
}

/**
 * One pass over what waits (SPEC W-ATTACH-2): each blob is sent, forgotten once the server has it (or refused it
 * for good), else kept with one more failed try. Resolves with how long to wait before the next pass, or null
 * when nothing waits.
 */
export async function uploadPass(options: UploadRunOptions): Promise<number | null> {
  const random = options.random ?? Math.random;
  let failures = 0;
  for (const upload of await options.device.pending()) {
    const blob = await options.device.getBlob(upload.sha256);
    const outcome: UploadOutcome =
      blob === null ? 'refused' : await uploadOne(options.fetch, options.token(), upload, blob);
    if (outcome === 'retry') {
      const next = { ...upload, attempts: upload.attempts + 1 };
      await options.device.savePending(next);
      failures = Math.max(failures, next.attempts);
      continue;
    }
    if (outcome === 'refused') console.error('the server refused an attachment for good', upload);
    await options.device.donePending(upload);
  }
  if (failures === 0) return null;
  return reconnectDelay(failures, random, { baseMs: 1000, maxMs: 60_000 });
}
