import type { AttachmentKind } from '@concord/shared/cases/attachments.ts';
import { fitWithin, type PhotoSizes } from './photo-size.ts';
import { sha256Hex } from './sha256.ts';

/** What the device keeps of one new attachment before its entry goes into the case. */
export interface PreparedAttachment {
  kind: AttachmentKind;
  sha256: string;
  blob: Blob;
  type: string;
  name: string;
  width?: number;
  height?: number;
  thumb?: { sha256: string; blob: Blob };
}

async function named(blob: Blob): Promise<{ sha256: string; blob: Blob }> {
  return { sha256: await sha256Hex(await blob.arrayBuffer()), blob };
}

/** Draws the image at most `edge` px on its long edge, as JPEG. */
async function drawJpeg(
  image: ImageBitmap,
  edge: number,
  quality: number,
): Promise<{ blob: Blob; width: number; height: number }> {
  const { width, height } = fitWithin(image.width, image.height, edge);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw a photo');
  // a photo with transparency (a PNG screenshot) gets white, not black, behind it
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality }), width, height };
}

/**
 * A photo from the camera made smaller on the device before anything is kept (SPEC W-ATTACH-1): JPEG at most
 * `sizes.longEdge` on its long edge, turned as the camera meant, and a thumbnail beside it.
 */
export async function preparePhoto(file: File, sizes: PhotoSizes): Promise<PreparedAttachment> {
  const image = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const photo = await drawJpeg(image, sizes.longEdge, sizes.quality);
    const thumb = await drawJpeg(image, sizes.thumbEdge, sizes.quality);
    const kept = await named(photo.blob);
    return {
      kind: 'photo',
      sha256: kept.sha256,
      blob: kept.blob,
      type: 'image/jpeg',
      name: file.name || 'photo.jpg',
      width: photo.width,
      height: photo.height,
      thumb: await named(thumb.blob),
    };
  } finally {
    image.close();
  }
}

/** A voice note or a file as it is. */
export async function prepareAsIs(
  blob: Blob,
  kind: 'voice' | 'file',
  name: string,
): Promise<PreparedAttachment> {
  const kept = await named(blob);
  return { kind, sha256: kept.sha256, blob, type: blob.type || 'application/octet-stream', name };
}
