/**
 * The type of an attachment read from its first bytes, never from its name or the type a client claims (SPEC
 * C-ATTACH-4): only the kinds a case keeps, photos, voice notes and documents. Anything else is null.
 */
export function sniffType(bytes: Uint8Array): string | null {
  const at = (offset: number, ...expected: number[]) =>
    expected.every((byte, i) => bytes[offset + i] === byte);
  const ascii = (offset: number, text: string) =>
    at(offset, ...Array.from(text, (char) => char.charCodeAt(0)));
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'audio/wav';
  if (ascii(0, '%PDF-')) return 'application/pdf';
  if (at(0, 0x1a, 0x45, 0xdf, 0xa3)) return 'audio/webm';
  if (ascii(0, 'OggS')) return 'audio/ogg';
  if (ascii(0, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (ascii(4, 'ftyp')) return isoType(new TextDecoder('latin1').decode(bytes.subarray(8, 12)));
  return null;
}

/** The brand of an ISO media file: HEIF photos from phones, or sound in MP4 (what iPhones record). */
function isoType(brand: string): string | null {
  if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (['M4A ', 'M4B ', 'mp42', 'isom', 'mp41', 'iso2', 'dash'].includes(brand)) return 'audio/mp4';
  return null;
}

/** Types shown inline; the rest are offered as a download. */
export function isImageType(type: string): boolean {
  return type.startsWith('image/');
}
