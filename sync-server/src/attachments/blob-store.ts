import type { DocName } from '@concord/shared/sync/doc-name.ts';

/** What the server knows of one stored attachment: its name (the SHA-256 of its bytes), sniffed type and size. */
export interface BlobInfo {
  sha256: string;
  type: string;
  size: number;
}

export interface StoredBlob extends BlobInfo {
  bytes: Uint8Array;
}

/**
 * Content-addressed storage of attachments (SPEC C-ATTACH-3), and which case documents each belongs to: access to
 * a blob follows access to a case it is linked to. Storing the same bytes again changes nothing.
 */
export interface BlobStore {
  /** Stores the bytes under their SHA-256 (the caller has checked the name and type), unless already held. */
  put(blob: StoredBlob): Promise<void>;
  get(sha256: string): Promise<StoredBlob | null>;
  info(sha256: string): Promise<BlobInfo | null>;
  /** Links a stored blob to a document, once. */
  link(sha256: string, doc: DocName): Promise<void>;
  linked(sha256: string, doc: DocName): Promise<boolean>;
}
