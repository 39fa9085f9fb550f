import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocName } from '@concord/shared/sync/doc-name.ts';
import type { BlobStore, StoredBlob } from './blob-store.ts';

export interface OpenedBlobStore {
  store: BlobStore;
  /** Opens the same storage again, as a restarted server would. */
  reopen(): Promise<BlobStore>;
  cleanup(): Promise<void>;
}

export function sampleBlob(text: string, type = 'image/jpeg'): StoredBlob {
  const bytes = new TextEncoder().encode(text);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), type, size: bytes.length, bytes };
}

const caseA = 'case:attachcasea' as DocName;
const caseB = 'case:attachcaseb' as DocName;

/** What every blob store must do, run on SQLite with files and on PostgreSQL (SPEC C-ATTACH-3). */
export function blobStoreContract(label: string, open: () => Promise<OpenedBlobStore>): void {
  describe(`blob store contract: ${label}`, () => {
    let opened: OpenedBlobStore;
    beforeEach(async () => {
      opened = await open();
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    it('C-ATTACH-3: a blob reads back by its SHA-256 with its type and size, and survives a reopening', async () => {
      const blob = sampleBlob('\u00ff\u00d8 a photo of the agreement');
      expect(await opened.store.get(blob.sha256)).toBeNull();
      expect(await opened.store.info(blob.sha256)).toBeNull();
      await opened.store.put(blob);
      expect(await opened.store.get(blob.sha256)).toEqual(blob);
      const again = await opened.reopen();
      expect(await again.info(blob.sha256)).toEqual({
        sha256: blob.sha256,
        type: blob.type,
        size: blob.size,
      });
      expect((await again.get(blob.sha256))?.bytes).toEqual(blob.bytes);
    });

    it('C-ATTACH-3: storing the same bytes twice keeps one blob as it was first stored', async () => {
      const blob = sampleBlob('one voice note', 'audio/webm');
      await opened.store.put(blob);
      await opened.store.put({ ...blob, type: 'audio/ogg' });
      expect(await opened.store.info(blob.sha256)).toMatchObject({ type: 'audio/webm' });
    });

    it('C-ATTACH-5: a blob is linked to the cases it was uploaded to, and to no other', async () => {
      const blob = sampleBlob('a signed agreement', 'application/pdf');
      await opened.store.put(blob);
      expect(await opened.store.linked(blob.sha256, caseA)).toBe(false);
      await opened.store.link(blob.sha256, caseA);
      await opened.store.link(blob.sha256, caseA);
      expect(await opened.store.linked(blob.sha256, caseA)).toBe(true);
      expect(await opened.store.linked(blob.sha256, caseB)).toBe(false);
      expect(await (await opened.reopen()).linked(blob.sha256, caseA)).toBe(true);
    });
  });
}
