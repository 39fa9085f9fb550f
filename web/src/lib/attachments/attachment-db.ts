import type { AttachmentDevice, PendingUpload } from './upload-queue.ts';
import { transactionDone } from '../device/idb-transaction.ts';

/** The one database that keeps every attachment on this device, and the uploads that wait (SPEC W-ATTACH-2). */
export const attachmentDatabaseName = 'concord-attachments';
const blobsStore = 'blobs';
const outboxStore = 'outbox';

interface BlobRecord {
  sha256: string;
  blob: Blob;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Blobs by SHA-256 and the upload outbox, in IndexedDB, opened on first use. */
export class AttachmentDb implements AttachmentDevice {
  readonly #factory: IDBFactory;
  #db: Promise<IDBDatabase> | null = null;

  constructor(factory: IDBFactory) {
    this.#factory = factory;
  }

  #open(): Promise<IDBDatabase> {
    this.#db ??= new Promise((resolve, reject) => {
      const req = this.#factory.open(attachmentDatabaseName, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore(blobsStore, { keyPath: 'sha256' });
        req.result.createObjectStore(outboxStore, { keyPath: ['caseId', 'sha256'] });
      };
      req.onsuccess = () => {
        // a sign-out deletes the database: let it, and open anew next time
        req.result.onversionchange = () => {
          req.result.close();
          this.#db = null;
        };
        resolve(req.result);
      };
      req.onerror = () => reject(req.error ?? new Error('could not open the attachments database'));
      req.onblocked = () => console.warn('the attachments database waits for another tab');
    });
    return this.#db;
  }

  async getBlob(sha256: string): Promise<Blob | null> {
    const db = await this.#open();
    const record = (await request(db.transaction(blobsStore).objectStore(blobsStore).get(sha256))) as
      BlobRecord | undefined;
    return record?.blob ?? null;
  }

  async putBlob(sha256: string, blob: Blob): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(blobsStore, 'readwrite');
    tx.objectStore(blobsStore).put({ sha256, blob } satisfies BlobRecord);
    await transactionDone(tx);
  }

  /** Keeps blobs and queues their upload, in one transaction: a kept photo always has its upload waiting. */
  async keepAndQueue(
    caseId: string,
    blobs: readonly { sha256: string; blob: Blob; thumb?: boolean }[],
  ): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction([blobsStore, outboxStore], 'readwrite');
    for (const { sha256, blob, thumb } of blobs) {
      tx.objectStore(blobsStore).put({ sha256, blob } satisfies BlobRecord);
      const upload: PendingUpload = { caseId, sha256, attempts: 0, ...(thumb ? { thumb } : {}) };
      tx.objectStore(outboxStore).put(upload);
    }
    await transactionDone(tx);
  }

  async pending(): Promise<PendingUpload[]> {
    const db = await this.#open();
    return (await request(db.transaction(outboxStore).objectStore(outboxStore).getAll())) as PendingUpload[];
  }

  async savePending(upload: PendingUpload): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(outboxStore, 'readwrite');
    tx.objectStore(outboxStore).put(upload);
    await transactionDone(tx);
  }

  async donePending(upload: PendingUpload): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction(outboxStore, 'readwrite');
    tx.objectStore(outboxStore).delete([upload.caseId, upload.sha256]);
    await transactionDone(tx);
  }

  /** Closes it so that a sign-out can delete it. */
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = null;
    if (db) (await db).close();
  }
}
