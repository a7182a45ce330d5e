import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import sharp from 'sharp';
import exifr from 'exifr';
import { makeRenditions, probeImage, sniffImage } from './image-pipeline.ts';
import { allRenditions } from '../domain/media.ts';

test('files are recognised by their first bytes only', async () => {
  const base = sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } });
  assert.equal(sniffImage(await base.clone().jpeg().toBuffer()), 'jpeg');
  assert.equal(sniffImage(await base.clone().png().toBuffer()), 'png');
  assert.equal(sniffImage(await base.clone().webp().toBuffer()), 'webp');
  assert.equal(sniffImage(await base.clone().gif().toBuffer()), 'gif');
  assert.equal(sniffImage(await base.clone().avif().toBuffer()), 'avif');
  assert.equal(sniffImage(new TextEncoder().encode('%PDF-1.4')), null);
  assert.equal(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')), null, 'SVG can carry script: never a picture here');
  // Random bytes rarely look like a picture; when they do, they must still start as one.
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      const f = sniffImage(bytes);
      if (f === 'jpeg') assert.equal(bytes[0], 0xff);
      if (f === 'png') assert.equal(bytes[0], 0x89);
    }),
  );
});

test('an upright picture is measured as displayed, and its renditions keep nothing of its metadata', async () => {
  const sideways = await sharp({ create: { width: 600, height: 400, channels: 3, background: '#4a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'HeituCam', Orientation: '6' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 49/1 0/1' } })
    .toBuffer();
  const probe = await probeImage(sideways);
  assert.deepEqual([probe.width, probe.height], [400, 600]);
  const item = { format: probe.format, width: probe.width, height: probe.height, focalX: 50, focalY: 50 };
  const keys = allRenditions(item, ['full']);
  const outs = await makeRenditions(sideways, item, keys);
  for (const [i, out] of outs.entries()) {
    const meta = await sharp(out).metadata();
    assert.ok(meta.height! > meta.width!, 'upright');
    assert.equal(meta.width, keys[i]!.width);
    assert.equal(meta.exif, undefined);
    assert.equal(await exifr.gps(out).catch(() => undefined), undefined);
  }
});
