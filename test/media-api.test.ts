import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { startTestSite } from './support/test-site.ts';
import { signIn, writeAndApprove } from './support/newsroom-people.ts';
import { cameraJpeg, pngOf } from './support/photos.ts';
import type { NewsroomClient } from './support/newsroom-client.ts';
import type { Running } from '../src/main.ts';
import type { MediaItem } from '../src/domain/media.ts';
import { pictureSources } from '../src/domain/media.ts';

let site: Running;
let dataDir: string;
let reporter: NewsroomClient;
let photo: Buffer;

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name));
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'heitu-media-'));
  site = await startTestSite({ HEITU_DATA_DIR: dataDir, HEITU_MAX_UPLOAD: '2MB' });
  reporter = await signIn(site.url, 'reporter');
  photo = await cameraJpeg(1600, 1200);
});
after(() => site.stop());

test('an upload is checked, kept once by its hash, and described; the second upload of the same file is the same item', async () => {
  const first = await reporter.upload('/media', { bytes: photo, name: 'IMG_0001.JPG', type: 'image/jpeg' }, { caption: '长春南湖公园的清晨', credit: '王晓梅', alt: '湖面上的薄雾' });
  assert.equal(first.status, 201, JSON.stringify(first.json));
  const item = first.json['item'] as MediaItem;
  assert.equal(first.json['id'], item.id);
  assert.equal(item.format, 'jpeg');
  assert.deepEqual([item.width, item.height], [1600, 1200]);
  assert.equal(item.caption, '长春南湖公园的清晨');
  assert.equal(item.language, 'zh-Hans');
  // The file's own EXIF fills what the form left out: the credit here came from the form, the copyright from the file.
  assert.equal(item.copyrightHolder, 'Test Newsroom');
  const again = await reporter.upload('/media', { bytes: photo, name: 'copy.jpg' }, { caption: '另一个说明' });
  assert.equal(again.status, 200);
  assert.equal(again.json['id'], item.id);
  assert.equal(again.json['created'], false);
  assert.equal((again.json['item'] as MediaItem).caption, '长春南湖公园的清晨', 'a second upload does not overwrite the description');
  assert.equal(filesUnder(join(dataDir, 'uploads', 'media', 'originals')).length, 1);
});

test('anything not a picture, a cut file, a decompression bomb or a file over the limit gets a clear 4xx and leaves nothing behind', async () => {
  const before = filesUnder(join(dataDir, 'uploads', 'media', 'originals')).length;
  const cases: Array<[string, Buffer, number, string]> = [
    ['text.jpg', Buffer.from('just some words, named like a photo'), 415, 'MEDIA_UNSUPPORTED'],
    ['cut.jpg', (await cameraJpeg(800, 600, { seed: 2 })).subarray(0, 9000), 422, 'MEDIA_UNREADABLE'],
    // 8000×6000 of one colour: a few hundred KB that would unpack to 144 MB.
    ['bomb.png', await pngOf(8000, 6000), 413, 'MEDIA_TOO_MANY_PIXELS'],
    ['big.jpg', Buffer.concat([await cameraJpeg(400, 300, { seed: 3 }), Buffer.alloc(2.5 * 1024 * 1024)]), 413, 'PAYLOAD_TOO_LARGE'],
    // A small primary image in front of a huge one: refused before the huge one is decoded.
    ['hidden.heic', Buffer.from((await import('./support/heic-sample.ts')).HEIC_HIDDEN_BOMB_BASE64, 'base64'), 413, 'MEDIA_TOO_MANY_PIXELS'],
  ];
  for (const [name, bytes, status, code] of cases) {
    const r = await reporter.upload('/media', { bytes, name });
    assert.equal(r.status, status, `${name}: ${JSON.stringify(r.json)}`);
    assert.equal(r.json.errors?.[0]?.code, code, name);
    assert.ok((r.json.errors?.[0]?.message ?? '').length > 10, `${name} says why`);
  }
  assert.equal(filesUnder(join(dataDir, 'uploads', 'media', 'originals')).length, before);
  const list = await reporter.ok<{ total: number }>('GET', '/media');
  assert.equal(list.total, 1, 'no refused upload became an item');
});

test('PNG, WebP, AVIF, GIF and HEIC are recognised by their bytes, whatever their name says', async () => {
  const base = sharp({ create: { width: 320, height: 200, channels: 3, background: '#c63' } });
  const heic = Buffer.from(
    // A 96×64 HEIC (HEVC) made with libheif's encoder: phones send these; the image library alone cannot read them.
    (await import('./support/heic-sample.ts')).HEIC_SAMPLE_BASE64,
    'base64',
  );
  const files: Array<[string, Buffer]> = [
    ['png', await base.clone().png().toBuffer()],
    ['webp', await base.clone().webp().toBuffer()],
    ['avif', await base.clone().avif().toBuffer()],
    ['gif', await base.clone().gif().toBuffer()],
    ['heic', heic],
  ];
  for (const [format, bytes] of files) {
    const r = await reporter.upload('/media', { bytes, name: 'upload.jpg', type: 'image/jpeg' });
    assert.equal(r.status, 201, `${format}: ${JSON.stringify(r.json)}`);
    const item = r.json['item'] as MediaItem;
    assert.equal(item.format, format);
    // Each can be shown: a rendition is made from it.
    const src = pictureSources(item, '4x3').src;
    const res = await fetch(`${site.url}${src}`);
    assert.equal(res.status, 200, `${format} rendition`);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
  }
});

test('renditions come from immutable URLs, carry no GPS or camera serial, and follow the focal point', async () => {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(2000, 1000, { seed: 5 }), name: 'wide.jpg' }, { alt: '宽幅照片' });
  const item = r.json['item'] as MediaItem;
  assert.ok(await exifr.gps(await cameraJpeg(2000, 1000, { seed: 5 })), 'the original has GPS');
  const lead = pictureSources(item, 'lead');
  for (const source of [...lead.sources.map((s) => s.srcset), lead.srcset]) {
    for (const url of source.split(', ').map((s) => s.split(' ')[0]!)) {
      const res = await fetch(`${site.url}${url}`);
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('cache-control') ?? '', /max-age=31536000.*immutable/);
      assert.equal(res.headers.get('surrogate-key'), 'site', 'a CDN drops it with the rest of the site on a take-down');
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(await exifr.gps(bytes).catch(() => undefined), undefined, `${url} has no GPS`);
      assert.doesNotMatch(bytes.toString('latin1'), /SN-99887766|HeituCam/, `${url} has no camera make or serial`);
      const meta = await sharp(bytes).metadata();
      assert.equal(meta.width, Number(/-(\d+)-\d+-\d+\./.exec(url)![1]));
      assert.equal(Math.round((meta.width! / meta.height!) * 100) / 100, Math.round((16 / 9) * 100) / 100);
    }
  }
  const etag = (await fetch(`${site.url}${lead.src}`)).headers.get('etag')!;
  assert.equal((await fetch(`${site.url}${lead.src}`, { headers: { 'if-none-match': etag } })).status, 304);
  // Moving the focal point makes new names; an old one (kept by a feed or a licensee) leads to the new one, briefly cached.
  const moved = await reporter.ok<MediaItem>('PUT', `/media/${item.id}`, { focalX: 10, focalY: 50, baseRevision: item.revision });
  const old = await fetch(`${site.url}${lead.src}`, { redirect: 'manual' });
  assert.equal(old.status, 302);
  assert.equal(new URL(old.headers.get('location')!, site.url).pathname, pictureSources(moved, 'lead').src);
  assert.doesNotMatch(old.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await fetch(`${site.url}/media/${item.hash}/lead-1440-101-50.jpg`, { redirect: 'manual' })).status, 404, 'never a focal point that cannot be');
  const square = await sharp(Buffer.from(await (await fetch(`${site.url}${pictureSources(moved, '1x1').src}`)).arrayBuffer())).metadata();
  assert.deepEqual([square.width, square.height], [320, 320]);
  // Names that are not renditions of this picture are 404, not made.
  for (const bad of ['lead-999-10-50.jpg', 'lead-480-10-50.png', '..%2F..%2Fheitu.sqlite', 'full-1280-10-50.jpg.tmp']) {
    assert.equal((await fetch(`${site.url}/media/${item.hash}/${bad}`)).status, 404, bad);
  }
  assert.equal((await fetch(`${site.url}/media/${'0'.repeat(64)}/lead-480-50-50.jpg`)).status, 404);
});

test('the library is searched by caption, credit and alt text across scripts, and by upload date', async () => {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(640, 480, { seed: 9 }), name: 'x.jpg' }, { caption: '吉林雾凇岛的冬天', credit: '劉攝影' });
  const id = (r.json['item'] as MediaItem).id;
  const ids = async (q: string) => (await reporter.ok<{ items: MediaItem[] }>('GET', `/media?${q}`)).items.map((i) => i.id);
  assert.ok((await ids(`q=${encodeURIComponent('雾凇')}`)).includes(id));
  assert.ok((await ids(`q=${encodeURIComponent('霧凇島')}`)).includes(id), 'a Traditional query finds a Simplified caption');
  assert.ok((await ids(`q=${encodeURIComponent('刘摄影')}`)).includes(id), 'a Simplified query finds a Traditional credit');
  assert.ok(!(await ids(`q=${encodeURIComponent('100%')}`)).includes(id), 'LIKE wildcards are literal');
  const today = new Date().toISOString().slice(0, 10);
  assert.ok((await ids(`from=${today}&to=${today}`)).includes(id));
  assert.ok(!(await ids('to=2020-01-01')).includes(id));
  const bad = await reporter.request('GET', '/media?from=yesterday');
  assert.equal(bad.status, 400);
});

test('only writers upload; a reader without a session cannot; the OpenAPI document lists the upload as multipart', async () => {
  const rights = await signIn(site.url, 'rights');
  const r = await rights.upload('/media', { bytes: photo, name: 'p.jpg' });
  assert.equal(r.status, 403);
  const anon = await fetch(`${site.url}/newsroom/api/media`, { method: 'POST', body: new FormData() });
  assert.equal(anon.status, 401);
  const doc = (await (await fetch(`${site.url}/newsroom/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>> };
  const upload = doc.paths['/newsroom/api/media']?.['post'];
  assert.ok(upload?.requestBody?.content['multipart/form-data']?.schema.properties['file']);
  assert.ok(upload?.requestBody?.content['multipart/form-data']?.schema.properties['caption']);
});

test('a take-down stops a picture being served at once and is audited', async () => {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(900, 600, { seed: 11 }), name: 'y.jpg' }, { alt: '被撤下的照片' });
  const item = r.json['item'] as MediaItem;
  const src = pictureSources(item, 'lead').src;
  assert.equal((await fetch(`${site.url}${src}`)).status, 200);
  const reporterTry = await reporter.request('POST', `/media/${item.id}/take-down`, { reason: '版权方要求' });
  assert.equal(reporterTry.status, 403);
  const rights = await signIn(site.url, 'rights');
  const down = await rights.ok<MediaItem>('POST', `/media/${item.id}/take-down`, { reason: '版权方要求' });
  assert.ok(down.takenDownAt);
  assert.equal((await fetch(`${site.url}${src}`)).status, 404);
  const renditions = filesUnder(join(dataDir, 'uploads', 'media', 'renditions', item.hash.slice(0, 2), item.hash));
  assert.deepEqual(renditions, [], 'no rendition of it is kept where it could be served');
  const admin = await signIn(site.url, 'admin');
  const audit = await admin.ok<{ entries?: Array<{ action: string }> } | Array<{ action: string }>>('GET', '/audit');
  const entries = Array.isArray(audit) ? audit : audit.entries ?? [];
  assert.ok(entries.some((e) => e.action === 'media.take-down'));
  assert.ok(entries.some((e) => e.action === 'media.upload'));
});

test('the preview shows a draft\'s lead picture and body pictures as readers will see them, in each script', async () => {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(1200, 800, { seed: 21 }), name: 'p.jpg' }, { caption: '预览里的照片说明', credit: '王晓梅', alt: '预览照片' });
  const item = r.json['item'] as MediaItem;
  const res = await reporter.request('POST', '/preview', {
    language: 'zh-Hans', headline: '预览标题', rightsClass: 'original', channels: ['changchun'], leadImageId: item.id,
    bodyHtml: `<p>第一段。</p><img data-media-id="${item.id}" alt="正文里的照片">`,
  });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  const pages = res.json as unknown as Record<string, string>;
  assert.match(pages['zh-hans']!, /<figure class="lead-image">[\s\S]*预览里的照片说明/);
  assert.match(pages['zh-hant']!, /<figure class="lead-image">[\s\S]*預覽裡的照片說明/);
  assert.match(pages['zh-hans']!, /<figure class="body-image">/);
  assert.ok(pages['zh-hans']!.includes(pictureSources(item, 'lead').src));
});

test('a change made on an older revision is refused and shows what is there now; only the rights desk changes a picture\'s rights', async () => {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(800, 600, { seed: 31 }), name: 'r.jpg' }, { caption: '原来的说明', rightsClass: 'agency', copyrightHolder: '某通讯社' });
  const item = r.json['item'] as MediaItem;
  const editor = await signIn(site.url, 'editor');
  const first = await editor.ok<MediaItem>('PUT', `/media/${item.id}`, { caption: '编辑改的说明', baseRevision: item.revision });
  assert.equal(first.revision, item.revision + 1);
  const late = await reporter.request('PUT', `/media/${item.id}`, { caption: '记者改的说明', baseRevision: item.revision });
  assert.equal(late.status, 409);
  assert.equal(late.json.errors?.[0]?.code, 'MEDIA_STALE_REVISION');
  assert.equal((late.json['current'] as MediaItem).caption, '编辑改的说明', 'the answer shows the colleague\'s change');
  // A form sends every field: those unchanged do not count as changes (and need no role).
  const same = await reporter.ok<MediaItem>('PUT', `/media/${item.id}`, { caption: '编辑改的说明', rightsClass: 'agency', copyrightHolder: '某通讯社', alt: '说明', baseRevision: first.revision });
  assert.equal(same.alt, '说明');
  const relabel = await reporter.request('PUT', `/media/${item.id}`, { rightsClass: 'own', baseRevision: same.revision });
  assert.equal(relabel.status, 403, 'a reporter cannot pass an agency picture off as our own');
  const rights = await signIn(site.url, 'rights');
  const fixed = await rights.ok<MediaItem>('PUT', `/media/${item.id}`, { copyrightHolder: '另一通讯社', baseRevision: same.revision });
  assert.equal(fixed.copyrightHolder, '另一通讯社');
  const admin = await signIn(site.url, 'admin');
  const audit = await admin.ok<Array<{ action: string; detail: Record<string, unknown> }> | { entries: Array<{ action: string; detail: Record<string, unknown> }> }>('GET', '/audit');
  const entries = Array.isArray(audit) ? audit : audit.entries;
  const entry = entries.find((e) => e.action === 'media.update' && JSON.stringify(e.detail).includes('另一通讯社'));
  assert.deepEqual((entry?.detail['changes'] as Record<string, unknown>)['copyrightHolder'], { from: '某通讯社', to: '另一通讯社' }, 'the audit keeps old and new values');
});

test('once a published article shows a picture, what readers see of it changes only when someone else approves', async () => {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(1000, 700, { seed: 41 }), name: 'live.jpg' }, { caption: '发布时的说明', alt: '发布时的替代文字', credit: '王晓梅' });
  const item = r.json['item'] as MediaItem;
  const { id, responsible } = await writeAndApprove(site.url, { headline: '四平湖边的清晨', leadImageId: item.id });
  await responsible.ok('POST', `/articles/${id}/publish`, {});
  const page = async () => (await fetch(`${site.url}/zh-hans/articles/${id}`)).text();
  assert.match(await page(), /发布时的说明/);
  const proposed = await reporter.request('PUT', `/media/${item.id}`, { caption: '改过的说明', baseRevision: item.revision });
  assert.equal(proposed.status, 202, JSON.stringify(proposed.json));
  const pending = proposed.json as unknown as MediaItem;
  assert.deepEqual(pending.pending?.patch, { caption: '改过的说明' });
  assert.equal(pending.caption, '发布时的说明');
  assert.match(await page(), /发布时的说明/, 'readers keep the published caption');
  const dropAlt = await reporter.request('PUT', `/media/${item.id}`, { alt: null, baseRevision: pending.revision });
  assert.equal(dropAlt.status, 409);
  assert.equal(dropAlt.json.errors?.[0]?.code, 'MEDIA_NOT_PUBLISHABLE');
  const editor = await signIn(site.url, 'editor');
  const other = await editor.request('PUT', `/media/${item.id}`, { credit: '杜文杰', baseRevision: pending.revision });
  assert.equal(other.status, 409, 'one waiting change at a time');
  assert.equal((await reporter.request('POST', `/media/${item.id}/approve-change`)).status, 403, 'a reporter approves nothing');
  const chief = await signIn(site.url, 'chief');
  const approved = await chief.ok<MediaItem>('POST', `/media/${item.id}/approve-change`);
  assert.equal(approved.caption, '改过的说明');
  assert.equal(approved.pending, null);
  const { waitFor } = await import('./support/wait.ts');
  await waitFor(async () => /改过的说明/.test(await page()));
  // The author of a change cannot approve it, even as an editor.
  const own = await editor.request('PUT', `/media/${item.id}`, { caption: '编辑自己的改动', baseRevision: approved.revision });
  assert.equal(own.status, 202);
  const self = await editor.request('POST', `/media/${item.id}/approve-change`);
  assert.equal(self.status, 403);
  assert.equal(self.json.errors?.[0]?.code, 'WORKFLOW_OWN_WORK');
  const discarded = await editor.ok<MediaItem>('POST', `/media/${item.id}/discard-change`);
  assert.equal(discarded.pending, null);
  assert.equal(discarded.caption, '改过的说明');
});
