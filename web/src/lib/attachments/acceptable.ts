/**
 * What the server takes (SPEC C-ATTACH-4), checked on the device before anything is kept, so a file the server
 * would refuse never becomes an entry of the case that nobody can open. The server still decides from the bytes.
 */
export const acceptedTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
  'audio/webm',
  'audio/ogg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/mpeg',
  'audio/wav',
  'audio/x-wav',
] as const;

/** The server's default MAX_ATTACHMENT_BYTES. */
export const maxAttachmentBytes = 20 * 1024 * 1024;

export type Unacceptable = 'attach_wrong_type' | 'attach_too_large';

/** Why a file cannot be attached, or null when it can. */
export function unacceptable(blob: { type: string; size: number }): Unacceptable | null {
  const type = blob.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(acceptedTypes as readonly string[]).includes(type)) return 'attach_wrong_type';
  return blob.size > maxAttachmentBytes ? 'attach_too_large' : null;
}
