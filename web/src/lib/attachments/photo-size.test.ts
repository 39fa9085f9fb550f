import { describe, expect, it } from 'vitest';
import { defaultPhotoSizes, fitWithin } from './photo-size.ts';

describe('fitWithin', () => {
  it('W-ATTACH-1: a large photo is brought to 1600 px on its long edge, keeping its shape', () => {
    expect(fitWithin(3000, 2000, defaultPhotoSizes.longEdge)).toEqual({ width: 1600, height: 1067 });
    expect(fitWithin(3024, 4032, defaultPhotoSizes.longEdge)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(3000, 2000, defaultPhotoSizes.thumbEdge)).toEqual({ width: 320, height: 213 });
  });

  it('W-ATTACH-1: a photo already small enough keeps its size, and a sliver keeps a pixel', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10_000, 1, 320)).toEqual({ width: 320, height: 1 });
  });
});
