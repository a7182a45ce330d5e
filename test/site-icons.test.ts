import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSite } from './support/test-site.ts';
import { signIn } from './support/newsroom-people.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';
import type { MediaItem } from '../src/domain/media.ts';
import { icoOf } from '../src/http/reader-site/site-icons.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${site.url}${path}`, { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

/** The images an ICO file holds, read from its directory. */
function icoImages(ico: Buffer): Array<{ size: number; png: Buffer }> {
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], 'an icon file');
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const length = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    return { size: ico.readUInt8(at) || 256, png: ico.subarray(offset, offset + length) };
  });
}

/** The colour of one pixel, as #rrggbb. */
async function pixel(png: Buffer, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return `#${[data[at], data[at + 1], data[at + 2]].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
}

/** Every icon a browser may ask for, checked for what it must be; returns the apple-touch icon. */
async function icons(): Promise<{ ico: Buffer; png: Buffer; apple: Buffer; etags: string[] }> {
  const ico = await get('/favicon.ico');
  assert.equal(ico.res.status, 200);
  assert.equal(ico.res.headers.get('content-type'), 'image/x-icon');
  const images = icoImages(ico.bytes);
  assert.deepEqual(images.map((i) => i.size), [16, 32, 48]);
  for (const i of images) {
    const m = await sharp(i.png).metadata();
    assert.equal(m.format, 'png');
    assert.deepEqual([m.width, m.height], [i.size, i.size]);
  }
  const png = await get('/favicon.png');
  assert.equal(png.res.headers.get('content-type'), 'image/png');
  const pm = await sharp(png.bytes).metadata();
  assert.deepEqual([pm.format, pm.width, pm.height], ['png', 192, 192]);
  const apple = await get('/apple-touch-icon.png');
  const am = await sharp(apple.bytes).metadata();
  assert.deepEqual([am.format, am.width, am.height, am.hasAlpha], ['png', 180, 180, false], 'an opaque 180 px square for the home screen');
  const etags = [ico, png, apple].map((r) => r.res.headers.get('etag')!);
  for (const [path, etag] of [['/favicon.ico', etags[0]!], ['/favicon.png', etags[1]!], ['/apple-touch-icon.png', etags[2]!]] as const) {
    assert.match(etag, /^"[\w-]+"$/);
    const again = await get(path, { 'if-none-match': etag });
    assert.equal(again.res.status, 304, path);
    assert.equal(again.bytes.length, 0);
    assert.equal(again.res.headers.get('etag'), etag);
  }
  return { ico: ico.bytes, png: png.bytes, apple: apple.bytes, etags };
}

test('an ICO file is a directory of PNGs at their offsets', () => {
  const a = Buffer.from('first-png');
  const b = Buffer.from('second, longer png');
  const ico = icoOf([{ size: 16, png: a }, { size: 256, png: b }]);
  const images = icoImages(ico);
  assert.deepEqual(images.map((i) => [i.size, i.png.toString()]), [[16, 'first-png'], [256, 'second, longer png']]);
  assert.equal(ico.length, 6 + 32 + a.length + b.length);
});

test('without a picture, every page names the icons and the site serves its own mark in the header\'s colour', async () => {
  const home = await (await fetch(`${site.url}/zh-hant/`)).text();
  assert.match(home, /<link rel="icon" href="\/favicon\.ico" sizes="16x16 32x32 48x48">/);
  assert.match(home, /<link rel="icon" href="\/favicon\.png" type="image\/png" sizes="192x192">/);
  assert.match(home, /<link rel="apple-touch-icon" href="\/apple-touch-icon\.png">/);
  const { apple, png } = await icons();
  assert.equal(await pixel(apple, 2, 2), '#2b1d14', 'the home-screen icon is square, in the header\'s brown to its corners');
  assert.equal(await pixel(png, 96, 40), '#2b1d14');
});

test('an admin makes a library picture the icon (cut square), a bad id is refused, and a take-down brings back the default', async () => {
  const before = await icons();
  const reporter = await signIn(site.url, 'reporter');
  // Wide, green on the left and blue on the right: the square cut on the focal point (the middle) shows both.
  const wide = await sharp({ create: { width: 1200, height: 600, channels: 3, background: '#22aa44' } })
    .composite([{ input: await sharp({ create: { width: 600, height: 600, channels: 3, background: '#2244cc' } }).png().toBuffer(), left: 600, top: 0 }])
    .jpeg({ quality: 95 })
    .toBuffer();
  const up = await reporter.upload('/media', { bytes: wide, name: 'mark.jpg', type: 'image/jpeg' }, { alt: '綠與藍' });
  assert.equal(up.status, 201, JSON.stringify(up.json));
  const item = up.json['item'] as MediaItem;
  const admin = await signIn(site.url, 'admin');

  for (const bad of [999_999, 'seven', 0, 1.5]) {
    const r = await admin.request('PUT', '/settings', { iconMediaId: bad });
    assert.equal(r.status, 400, String(bad));
    assert.deepEqual((r.json.errors as Array<{ property?: string }>).map((e) => e.property), ['iconMediaId'], String(bad));
  }
  const set = await admin.ok<{ iconMediaId: number | null }>('PUT', '/settings', { iconMediaId: item.id });
  assert.equal(set.iconMediaId, item.id);
  assert.equal((await admin.ok<{ iconMediaId: number | null }>('GET', '/settings')).iconMediaId, item.id);
  const audit = await admin.ok<Array<{ action: string; detail: { fields: string[] } }>>('GET', '/audit');
  assert.deepEqual(audit.find((e) => e.action === 'settings.update')?.detail.fields, ['iconMediaId']);

  await waitFor(async () => (await get('/apple-touch-icon.png')).res.headers.get('etag') !== before.etags[2]);
  const chosen = await icons();
  assert.notDeepEqual(chosen.etags, before.etags, 'a new picture, new validators');
  const [left, right] = [await pixel(chosen.apple, 20, 90), await pixel(chosen.apple, 160, 90)];
  const near = (hex: string, want: string) => [1, 3, 5].every((i) => Math.abs(parseInt(hex.slice(i, i + 2), 16) - parseInt(want.slice(i, i + 2), 16)) < 24);
  assert.ok(near(left, '#22aa44'), `left ${left}`);
  assert.ok(near(right, '#2244cc'), `right ${right}`);
  const tab = icoImages(chosen.ico).find((i) => i.size === 32)!.png;
  assert.ok(near(await pixel(tab, 4, 16), '#22aa44'));

  const rights = await signIn(site.url, 'rights');
  await rights.ok('POST', `/media/${item.id}/take-down`, { reason: '權利人要求撤下' });
  const after = await icons();
  assert.deepEqual(after.etags, before.etags, 'the default again, from the next request');
  // Back to none: the default, as chosen.
  assert.equal((await admin.ok<{ iconMediaId: number | null }>('PUT', '/settings', { iconMediaId: null })).iconMediaId, null);
  // A picture taken down cannot be chosen.
  const refused = await admin.request('PUT', '/settings', { iconMediaId: item.id });
  assert.equal(refused.status, 400);
});

test('a chosen picture whose files are gone: the default is served, the failure said once and not retried per request; icons carry the site tag for a CDN', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-icons-'));
  const lost = await startTestSite({ HEITU_DATA_DIR: dir });
  const errors: unknown[][] = [];
  const original = console.error;
  try {
    const reporter = await signIn(lost.url, 'reporter');
    const jpeg = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#aa2244' } }).jpeg().toBuffer();
    const up = await reporter.upload('/media', { bytes: jpeg, name: 'lost.jpg', type: 'image/jpeg' }, { alt: '紅' });
    assert.equal(up.status, 201, JSON.stringify(up.json));
    const admin = await signIn(lost.url, 'admin');
    await admin.ok('PUT', '/settings', { iconMediaId: (up.json['item'] as MediaItem).id });
    rmSync(join(dir, 'uploads', 'media'), { recursive: true, force: true });
    console.error = (...args: unknown[]) => void errors.push(args);
    const etags: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${lost.url}/favicon.ico`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('surrogate-key'), 'site');
      assert.equal(res.headers.get('cache-tag'), 'site');
      await res.arrayBuffer();
      etags.push(res.headers.get('etag'));
    }
    assert.equal(new Set(etags).size, 1, 'the default icon each time');
    assert.equal(errors.filter((e) => String(e[0]).startsWith('site icons:')).length, 1, 'said once');
  } finally {
    console.error = original;
    await lost.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
