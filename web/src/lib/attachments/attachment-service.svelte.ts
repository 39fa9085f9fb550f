import type * as Y from 'yjs';
import { addAttachment, type Attachment } from '@concord/shared/cases/attachments.ts';
import { localEditOrigin } from '@concord/shared/cases/case-file.ts';
import { AttachmentDb } from './attachment-db.ts';
import { BlobUrls } from './blob-urls.ts';
import { defaultPhotoSizes, type PhotoSizes } from './photo-size.ts';
import { prepareAsIs, preparePhoto, type PreparedAttachment } from './prepare.ts';
import { pendingCount, uploadPass } from './upload-queue.ts';

export interface AttachmentServiceOptions {
  databases: IDBFactory | null;
  fetch: typeof fetch;
  token: () => string | null;
  sizes?: PhotoSizes;
}

/**
 * Attachments on this device (SPEC W-ATTACH-1, W-ATTACH-2): taken in and kept at once, their entries written into
 * the case, uploaded when the server is reachable and retried until it has them; shown from the device, or
 * fetched once and kept.
 */
export class AttachmentService {
  readonly sizes: PhotoSizes;
  readonly #db: AttachmentDb | null;
  readonly #fetch: typeof fetch;
  readonly #token: () => string | null;
  #pending = $state(0);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  readonly #urls = new BlobUrls();

  constructor(options: AttachmentServiceOptions) {
    this.#db = options.databases ? new AttachmentDb(options.databases) : null;
    this.#fetch = options.fetch;
    this.#token = options.token;
    this.sizes = options.sizes ?? defaultPhotoSizes;
  }

  /** Attachments kept here that the server does not have yet (a photo with its thumbnail is one). */
  get pending(): number {
    return this.#pending;
  }

  /** Makes a photo smaller, keeps it and its thumbnail, and queues their upload; the entry is the caller's. */
  async takePhoto(caseId: string, file: File): Promise<PreparedAttachment> {
    return this.#keep(caseId, await preparePhoto(file, this.sizes));
  }

  async takeAsIs(
    caseId: string,
    blob: Blob,
    kind: 'voice' | 'file',
    name: string,
  ): Promise<PreparedAttachment> {
    return this.#keep(caseId, await prepareAsIs(blob, kind, name));
  }

  async #keep(caseId: string, prepared: PreparedAttachment): Promise<PreparedAttachment> {
    if (!this.#db) throw new Error('this browser keeps nothing on the device');
    const blobs: { sha256: string; blob: Blob; thumb?: boolean }[] = [
      { sha256: prepared.sha256, blob: prepared.blob },
    ];
    if (prepared.thumb) blobs.push({ ...prepared.thumb, thumb: true });
    await this.#db.keepAndQueue(caseId, blobs);
    for (const { sha256, blob } of blobs) this.#urls.set(sha256, blob);
    this.kick();
    return prepared;
  }

  /** A blob's address on this page: from the device, else fetched with the token and kept (SPEC W-ATTACH-2). */
  objectUrl(caseId: string, sha256: string): Promise<string | null> {
    return this.#urls.get(sha256, () => this.#load(caseId, sha256));
  }

  async #load(caseId: string, sha256: string): Promise<string | null> {
    const held = await this.#db?.getBlob(sha256);
    if (held) return URL.createObjectURL(held);
    const token = this.#token();
    if (token === null) return null;
    try {
      const response = await this.#fetch(`/api/cases/${caseId}/attachments/${sha256}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) return null;
      const blob = await response.blob();
      await this.#db?.putBlob(sha256, blob);
      return URL.createObjectURL(blob);
    } catch (error) {
      console.warn('an attachment could not be fetched', error);
      return null;
    }
  }

  /** Sends what waits now, unless a pass is running (then one more pass follows it). */
  kick(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#pass().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.kick();
      }
    });
  }

  async #pass(): Promise<void> {
    const db = this.#db;
    // nobody signed in (or just signed out): nothing to send, and the erased database is not made anew
    if (!db || this.#token() === null) return;
    try {
      const waiting = await db.pending();
      this.#pending = pendingCount(waiting);
      if (waiting.length === 0) return;
      const wait = await uploadPass({ device: db, fetch: this.#fetch, token: this.#token });
      this.#pending = pendingCount(await db.pending());
      if (wait !== null && !this.#again) this.#timer = setTimeout(() => this.kick(), wait);
    } catch (error) {
      console.error('attachment uploads stopped; tried again when the device comes online', error);
    }
  }

  /** Tries again at once when the device says it is online; call once from the root layout. */
  listen(): () => void {
    const onOnline = () => this.kick();
    window.addEventListener('online', onOnline);
    this.kick();
    return () => window.removeEventListener('online', onOnline);
  }

  /** Before a sign-out erases the database: stop, close, forget the page's addresses. */
  async close(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#urls.clear();
    this.#pending = 0;
    await this.#db?.close();
  }
}

/** Writes a prepared attachment's entry into the case, as the person's own edit. */
export function recordAttachment(
  doc: Y.Doc,
  prepared: PreparedAttachment,
  by: string,
  now: number = Date.now(),
): void {
  const entry: Attachment = {
    sha256: prepared.sha256,
    kind: prepared.kind,
    type: prepared.type,
    name: prepared.name.slice(0, 200),
    size: prepared.blob.size,
    addedBy: by,
    addedAt: now,
    ...(prepared.width === undefined ? {} : { width: prepared.width }),
    ...(prepared.height === undefined ? {} : { height: prepared.height }),
    ...(prepared.thumb ? { thumb: prepared.thumb.sha256 } : {}),
  };
  doc.transact(() => addAttachment(doc, entry), localEditOrigin);
}
