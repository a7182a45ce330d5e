import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CROP_NAMES, pictureSources, renditionSizes, type MediaItem } from '../../../domain/media.ts';
import { bodyImageUrl, renditionUrl, renditionWidths } from './media-picture.ts';

const items: Array<Pick<MediaItem, 'hash' | 'width' | 'height' | 'focalX' | 'focalY'>> = [
  { hash: 'a'.repeat(64), width: 1600, height: 1200, focalX: 50, focalY: 50 },
  { hash: 'b'.repeat(64), width: 120, height: 900, focalX: 10, focalY: 90 },
  { hash: 'c'.repeat(64), width: 4000, height: 300, focalX: 0, focalY: 100 },
];

test('the newsroom names the same renditions as the domain, for every crop and shape', () => {
  for (const item of items) {
    for (const crop of CROP_NAMES) {
      assert.deepEqual(renditionWidths(item, crop), renditionSizes(item, crop), `${item.width}x${item.height} ${crop}`);
      const sizes = renditionSizes(item, crop);
      const jpeg = pictureSources(item, crop).srcset;
      assert.equal(sizes.map((s) => `${renditionUrl(item, crop, s.width, 'jpeg')} ${s.width}w`).join(', '), jpeg);
    }
    assert.equal(bodyImageUrl(item), pictureSources(item, 'full').src);
  }
});
