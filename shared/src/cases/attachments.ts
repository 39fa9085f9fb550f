import * as Y from 'yjs';
import { z } from 'zod';

/**
 * Photos, voice notes and files of a case (SPEC C-ATTACH-1): each an entry of the top-level `Y.Map` named
 * `attachments`, keyed by the SHA-256 of its content. The bytes themselves never go into the document: they are
 * kept on the device and uploaded to the server's content-addressed store under that name.
 */
export const attachmentsKey = 'attachments';

export const attachmentKinds = ['photo', 'voice', 'file'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

const sha256Pattern = /^[0-9a-f]{64}$/;
export const sha256Schema = z.string().regex(sha256Pattern);

export function isSha256(value: string): boolean {
  return sha256Pattern.test(value);
}

export const attachmentSchema = z.object({
  sha256: sha256Schema,
  kind: z.enum(attachmentKinds),
  /** The MIME type the device recorded; the server keeps its own, sniffed from the content (SPEC C-ATTACH-4). */
  type: z.string().min(1).max(100),
  name: z.string().max(200),
  size: z
    .number()
    .int()
    .min(0)
    .max(2 ** 40),
  width: z.number().int().min(1).max(100_000).optional(),
  height: z.number().int().min(1).max(100_000).optional(),
  /** The SHA-256 of a small JPEG to list it by, itself uploaded like the attachment. */
  thumb: sha256Schema.optional(),
  /** Account id of who added it. */
  addedBy: z.string().min(1).max(100),
  addedAt: z.number().int().min(0),
  /** Taken off the case's list by who added it; the entry and its bytes stay (SPEC C-ATTACH-2). */
  removed: z.boolean().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

function attachmentsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(attachmentsKey);
}

/** The readable entries, oldest first; an entry this version cannot read is kept in the document, not listed. */
export function readAttachments(doc: Y.Doc): Attachment[] {
  const entries: Attachment[] = [];
  for (const [key, value] of attachmentsOf(doc)) {
    const parsed = attachmentSchema.safeParse(value);
    if (parsed.success && parsed.data.sha256 === key) entries.push(parsed.data);
  }
  return entries.sort((a, b) => a.addedAt - b.addedAt || a.sha256.localeCompare(b.sha256));
}

/** Every blob the case refers to: its attachments and their thumbnails, removed ones too. */
export function referencedBlobs(doc: Y.Doc): Set<string> {
  const blobs = new Set<string>();
  for (const entry of readAttachments(doc)) {
    blobs.add(entry.sha256);
    if (entry.thumb) blobs.add(entry.thumb);
  }
  return blobs;
}

/**
 * Adds an entry, unless the case already has one of the same content (a second copy of the same photo is the same
 * attachment). Returns whether it was added. Call inside the caller's transaction to group it with other writes.
 */
export function addAttachment(doc: Y.Doc, entry: Attachment): boolean {
  const map = attachmentsOf(doc);
  if (map.has(entry.sha256)) return false;
  map.set(entry.sha256, attachmentSchema.parse(entry));
  return true;
}

/** Takes an entry off the list, by who added it only: the server undoes it from anyone else. */
export function removeAttachment(doc: Y.Doc, sha256: string): void {
  const map = attachmentsOf(doc);
  const parsed = attachmentSchema.safeParse(map.get(sha256));
  if (!parsed.success || parsed.data.removed) return;
  map.set(sha256, { ...parsed.data, removed: true });
}

/** Why a change of one entry does not stand, or null (SPEC C-ATTACH-2): see the guard. */
export type AttachmentChangeRefusal = 'unreadable' | 'authorForged' | 'appendOnly';

/**
 * Whether one key's change stands: a new readable entry under its own SHA-256 in the sender's name, or its adder
 * marking it removed with nothing else changed. Nothing is ever deleted or rewritten.
 */
export function attachmentChangeRefusal(
  key: string,
  before: unknown,
  after: unknown,
  senderId: string,
): AttachmentChangeRefusal | null {
  if (after === undefined) return 'appendOnly';
  const parsed = attachmentSchema.safeParse(after);
  if (!parsed.success || parsed.data.sha256 !== key) return 'unreadable';
  if (before === undefined) return parsed.data.addedBy === senderId ? null : 'authorForged';
  const was = attachmentSchema.safeParse(before);
  if (!was.success) return 'appendOnly';
  if (was.data.removed || !parsed.data.removed) return 'appendOnly';
  if (JSON.stringify({ ...was.data, removed: true }) !== JSON.stringify(parsed.data)) return 'appendOnly';
  return was.data.addedBy === senderId ? null : 'authorForged';
}
