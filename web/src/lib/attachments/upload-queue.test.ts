import { describe, expect, it } from 'vitest';
import { uploadPass, type AttachmentDevice, type PendingUpload } from './upload-queue.ts';

function memoryDevice(blobs: Record<string, Blob>, waiting: PendingUpload[]) {
  const pending = new Map(waiting.map((upload) => [upload.sha256, upload]));
  const device: AttachmentDevice = {
    getBlob: (sha256) => Promise.resolve(blobs[sha256] ?? null),
    pending: () => Promise.resolve([...pending.values()]),
    savePending: (upload) => {
      pending.set(upload.sha256, upload);
      return Promise.resolve();
    },
    donePending: (upload) => {
      pending.delete(upload.sha256);
      return Promise.resolve();
    },
  };
  return { device, pending };
}

const upload = (sha256: string): PendingUpload => ({ caseId: 'case1', sha256, attempts: 0 });

describe('uploadPass', () => {
  it('W-ATTACH-2: sends each waiting blob with the bearer token and forgets it once the server has it', async () => {
    const { device, pending } = memoryDevice({ a: new Blob(['photo']), b: new Blob(['thumb']) }, [
      upload('a'),
      upload('b'),
    ]);
    const calls: { url: string; auth: string | null; method: string | undefined }[] = [];
    const fetcher: typeof fetch = (url, init) => {
      calls.push({
        url: typeof url === 'string' ? url : url instanceof URL ? url.href : url.url,
        auth: new Headers(init?.headers).get('authorization'),
        method: init?.method,
      });
      return Promise.resolve(new Response(null, { status: 204 }));
    };
    expect(await uploadPass({ device, fetch: fetcher, token: () => 'tok' })).toBeNull();
    expect(calls).toEqual([
      { url: '/api/cases/case1/attachments/a', auth: 'Bearer tok', method: 'PUT' },
      { url: '/api/cases/case1/attachments/b', auth: 'Bearer tok', method: 'PUT' },
    ]);
    expect(pending.size).toBe(0);
  });

  it('W-ATTACH-2: offline, or the server failing, keeps the blob and waits longer after each failure', async () => {
    const { device, pending } = memoryDevice({ a: new Blob(['photo']) }, [upload('a')]);
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    const first = await uploadPass({ device, fetch: offline, token: () => 'tok', random: () => 0 });
    const second = await uploadPass({ device, fetch: offline, token: () => 'tok', random: () => 0 });
    expect(pending.get('a')?.attempts).toBe(2);
    expect(first).toBe(500);
    expect(second).toBe(1000);
    const busy = (() => Promise.resolve(new Response(null, { status: 503 }))) as typeof fetch;
    expect(await uploadPass({ device, fetch: busy, token: () => 'tok', random: () => 0 })).toBe(2000);
    // not signed in: nothing is sent, it waits
    expect(await uploadPass({ device, fetch: busy, token: () => null, random: () => 0 })).toBe(4000);
    expect(pending.size).toBe(1);
  });

  it('W-ATTACH-2: a blob the server refuses for good is not tried forever', async () => {
    const { device, pending } = memoryDevice({ a: new Blob(['x']) }, [upload('a')]);
    const refusing = (() => Promise.resolve(new Response(null, { status: 415 }))) as typeof fetch;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(await uploadPass({ device, fetch: refusing, token: () => 'tok' })).toBeNull();
    } finally {
      console.error = original;
    }
    expect(pending.size).toBe(0);
    expect(errors).toHaveLength(1);
  });
});
