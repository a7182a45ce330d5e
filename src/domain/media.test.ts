import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { allRenditions, bodyMediaIds, CROP_NAMES, CROPS, cropBox, currentRenditionName, parseRenditionName, pictureSources, renditionName, renditionSizes, type Crop } from './media.ts';

const item = fc.record({
  width: fc.integer({ min: 1, max: 12000 }),
  height: fc.integer({ min: 1, max: 12000 }),
  focalX: fc.integer({ min: 0, max: 100 }),
  focalY: fc.integer({ min: 0, max: 100 }),
});
const crop = fc.constantFrom(...CROP_NAMES);

test('a crop is inside the frame, of its ratio (to a pixel), as large as the frame allows, and holds the focal point', () => {
  fc.assert(
    fc.property(item, crop, (it, c) => {
      const b = cropBox(it, c);
      assert.ok(b.left >= 0 && b.top >= 0 && b.left + b.width <= it.width && b.top + b.height <= it.height);
      const ratio = CROPS[c].ratio;
      if (!ratio) return assert.deepEqual(b, { left: 0, top: 0, width: it.width, height: it.height });
      // One side is the frame's: the largest box of that ratio.
      assert.ok(b.width === it.width || b.height === it.height);
      if (b.width > 1 && b.height > 1) assert.ok(Math.abs(b.width / b.height - ratio[0] / ratio[1]) <= (ratio[0] / ratio[1]) / Math.min(b.width, b.height) + 1e-9);
      const fx = (it.focalX / 100) * it.width;
      const fy = (it.focalY / 100) * it.height;
      assert.ok(fx >= b.left - 1 && fx <= b.left + b.width + 1 && fy >= b.top - 1 && fy <= b.top + b.height + 1);
    }),
  );
});

test('renditions are never enlarged, keep the crop\'s shape, and grow with their width', () => {
  fc.assert(
    fc.property(item, crop, (it, c) => {
      const b = cropBox(it, c);
      const sizes = renditionSizes(it, c);
      assert.ok(sizes.length >= 1);
      for (const [i, s] of sizes.entries()) {
        assert.ok(s.width <= b.width && s.width >= 1 && s.height >= 1);
        if (i > 0) assert.ok(s.width > sizes[i - 1]!.width);
      }
    }),
  );
});

test('every rendition name is read back as itself; a name for another focal point or size is not a rendition', () => {
  fc.assert(
    fc.property(item, fc.integer({ min: 1, max: 100000 }), (it, width) => {
      for (const key of allRenditions(it)) assert.deepEqual(parseRenditionName(it, renditionName(it, key)), key);
      const moved = { ...it, focalX: (it.focalX + 1) % 101 };
      for (const key of allRenditions(it)) assert.equal(parseRenditionName(moved, renditionName(it, key)), null);
      const c: Crop = 'lead';
      if (!renditionSizes(it, c).some((s) => s.width === width)) assert.equal(parseRenditionName(it, `lead-${width}-${it.focalX}-${it.focalY}.jpg`), null);
    }),
  );
  assert.equal(parseRenditionName({ width: 4000, height: 3000, focalX: 50, focalY: 50 }, '../lead-480-50-50.jpg'), null);
  assert.equal(parseRenditionName({ width: 4000, height: 3000, focalX: 50, focalY: 50 }, 'lead-500-50-50.jpg'), null, 'a width this picture has no rendition of');
});

test('a picture element has AVIF then WebP sources and a JPEG fallback of the largest size', () => {
  const p = pictureSources({ hash: 'a'.repeat(64), width: 4000, height: 3000, focalX: 50, focalY: 50 }, 'lead');
  assert.deepEqual(p.sources.map((s) => s.type), ['image/avif', 'image/webp']);
  assert.deepEqual([p.width, p.height], [1440, 810]);
  assert.match(p.src, /^\/media\/a{64}\/lead-1440-50-50\.jpg$/);
  assert.equal(p.srcset.split(', ').length, 3);
});

test('the pictures a body names are found once each, in order', () => {
  assert.deepEqual(bodyMediaIds('<p>x</p><img data-media-id="12" alt="a"><img src="/x" data-media-id="3"><img data-media-id="12">'), [12, 3]);
  assert.deepEqual(bodyMediaIds('<p>data-media-id="9"</p><img src="https://example.cn/a.jpg">'), []);
});

test('a name made for an earlier focal point leads to the same crop and size as the picture is now; nothing else does', () => {
  fc.assert(
    fc.property(item, fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (it, fx, fy) => {
      const before = { ...it, focalX: fx, focalY: fy };
      for (const key of allRenditions(it)) assert.equal(currentRenditionName(it, renditionName(before, key)), renditionName(it, key));
    }),
  );
  const it = { width: 4000, height: 3000, focalX: 30, focalY: 40 };
  assert.equal(currentRenditionName(it, 'lead-500-50-50.jpg'), null);
  assert.equal(currentRenditionName(it, 'lead-1440-101-50.jpg'), null);
  assert.equal(currentRenditionName(it, '../lead-1440-50-50.jpg'), null);
});
