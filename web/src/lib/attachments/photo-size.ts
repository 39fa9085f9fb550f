/** How photos are made smaller on the device before anything is kept (SPEC W-ATTACH-1). */
export interface PhotoSizes {
  /** The long edge of the kept photo, at most; a smaller photo keeps its size. */
  longEdge: number;
  /** The long edge of the thumbnail the case lists it by. */
  thumbEdge: number;
  /** JPEG quality, 0 to 1. */
  quality: number;
}

export const defaultPhotoSizes: PhotoSizes = { longEdge: 1600, thumbEdge: 320, quality: 0.82 };

/** The size a `width` × `height` image is drawn at so its long edge is at most `longEdge`, never enlarged. */
export function fitWithin(
  width: number,
  height: number,
  longEdge: number,
): { width: number; height: number } {
  const scale = Math.min(1, longEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
