import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { startTestSite } from './support/test-site.ts';
import { signIn, writeAndApprove } from './support/newsroom-people.ts';
import { cameraJpeg } from './support/photos.ts';
import { waitFor } from './support/wait.ts';
import type { NewsroomClient } from './support/newsroom-client.ts';
import type { Running } from '../src/main.ts';
import type { MediaItem } from '../src/domain/media.ts';
import { pictureSources } from '../src/domain/media.ts';
import { createReaderService } from '../src/services/reader-service.ts';
import { exportSite } from '../src/services/static-export.ts';

let site: Running;
let reporter: NewsroomClient;
let lead: MediaItem;
let inBody: MediaItem;
let articleId: number;
const HEADLINE = '南湖晨雾摄影展开幕';

async function upload(seed: number, fields: Record<string, string>): Promise<MediaItem> {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(1600, 1200, { seed }), name: `photo-${seed}.jpg`, type: 'image/jpeg' }, fields);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json['item'] as MediaItem;
}

const get = async (path: string) => {
  const res = await fetch(`${site.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
const page = async (path: string) => (await get(path)).text;

/** The `<figure class="…">` elements of a page. */
const figures = (html: string, cls: string) => [...html.matchAll(new RegExp(`<figure class="${cls}">([\\s\\S]*?)</figure>`, 'g'))].map((m) => m[1]!);
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const metaContent = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1];

before(async () => {
  site = await startTestSite();
  reporter = await signIn(site.url, 'reporter');
  lead = await upload(21, { caption: '长春南湖公园的清晨', credit: '王晓梅', alt: '湖面上的薄雾' });
  inBody = await upload(22, { caption: '冰灯游园会', credit: '刘摄影', alt: '彩色冰灯' });
  const written = await writeAndApprove(site.url, {
    headline: HEADLINE, leadImageId: lead.id,
    bodyHtml: `<p>第一段内容。</p><img data-media-id="${inBody.id}" alt="夜色中的冰灯"><p>第二段内容。</p>`,
  });
  articleId = written.id;
  await written.responsible.ok('POST', `/articles/${articleId}/publish`, {});
});
after(() => site.stop());

test('the article page shows the lead picture above the body and the body picture in place, with caption and credit in the page\'s script', async () => {
  for (const [variant, caption, credit, label, bodyAlt] of [
    ['zh-hans', '长春南湖公园的清晨', '王晓梅', '摄影', '夜色中的冰灯'],
    ['zh-hant', '長春南湖公園的清晨', '王曉梅', '攝影', '夜色中的冰燈'],
  ] as const) {
    const html = await page(`/${variant}/articles/${articleId}`);
    const [figure, ...more] = figures(html, 'lead-image');
    assert.ok(figure, `${variant}: a lead figure`);
    assert.equal(more.length, 0);
    // Above the body.
    assert.ok(html.indexOf('class="lead-image"') < html.indexOf('<div class="body">'));
    const expected = pictureSources(lead, 'lead');
    assert.match(figure, /^<picture><source type="image\/avif" srcset="[^"]+" sizes="[^"]+"><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"><img /);
    assert.ok(figure.includes(`srcset="${expected.sources[0]!.srcset}"`));
    const img = /<img [^>]*>/.exec(figure)![0];
    assert.equal(attr(img, 'src'), expected.src);
    assert.equal(attr(img, 'srcset'), expected.srcset);
    assert.equal(attr(img, 'width'), String(expected.width));
    assert.equal(attr(img, 'height'), String(expected.height));
    assert.equal(attr(img, 'fetchpriority'), 'high');
    assert.equal(attr(img, 'loading'), undefined, 'the lead picture is not lazy');
    assert.equal(attr(img, 'alt'), variant === 'zh-hans' ? '湖面上的薄雾' : '湖面上的薄霧');
    assert.equal(/<figcaption>([\s\S]*?)<\/figcaption>/.exec(figure)![1], `${caption} <span class="credit">${label}:${credit}</span>`);

    const [body] = figures(html, 'body-image');
    assert.ok(body, `${variant}: the body picture`);
    const bodyDiv = html.slice(html.indexOf('<div class="body">'));
    assert.ok(bodyDiv.indexOf('第一段') < bodyDiv.indexOf('class="body-image"') && bodyDiv.indexOf('class="body-image"') < bodyDiv.indexOf('第二段'), 'in its place in the body');
    const bodyImg = /<img [^>]*>/.exec(body)![0];
    const full = pictureSources(inBody, 'full');
    assert.equal(attr(bodyImg, 'src'), full.src);
    assert.equal(attr(bodyImg, 'width'), String(full.width));
    assert.equal(attr(bodyImg, 'height'), String(full.height));
    assert.equal(attr(bodyImg, 'loading'), 'lazy');
    assert.equal(attr(bodyImg, 'decoding'), 'async');
    assert.equal(attr(bodyImg, 'alt'), bodyAlt, 'the body\'s own alt text, converted');
    assert.match(body, /<figcaption>[^<]+ <span class="credit">/);
    assert.doesNotMatch(html, /data-media-id/, 'the library id is not sent to readers');
  }
  // Every rendition the page names is served.
  const html = await page(`/zh-hans/articles/${articleId}`);
  const urls = [...new Set([...html.matchAll(/\/media\/[0-9a-f]{64}\/[\w.-]+/g)].map((m) => m[0]))];
  assert.ok(urls.length >= 15, `${urls.length} renditions named`);
  for (const url of urls.filter((u) => u.endsWith('.jpg'))) assert.equal((await fetch(`${site.url}${url}`)).status, 200, url);
});

test('og:image, twitter:image and the JSON-LD image are absolute and fetchable JPEGs', async () => {
  const html = await page(`/zh-hant/articles/${articleId}`);
  const og = metaContent(html, 'og:image')!;
  assert.ok(og.startsWith(`${site.publicUrl}/media/`), og);
  assert.equal(og, `${site.publicUrl}${pictureSources(lead, 'lead').src}`);
  assert.equal(metaContent(html, 'og:image:width'), String(pictureSources(lead, 'lead').width));
  assert.equal(metaContent(html, 'og:image:height'), String(pictureSources(lead, 'lead').height));
  assert.equal(metaContent(html, 'og:image:alt'), '湖面上的薄霧');
  assert.equal(metaContent(html, 'twitter:card'), 'summary_large_image');
  assert.equal(metaContent(html, 'twitter:image'), og);
  const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as { image: Array<{ '@type': string; url: string; width: number; height: number; caption?: string }> };
  assert.equal(ld.image.length, 3);
  assert.equal(ld.image[0]!.url, og);
  assert.equal(ld.image[0]!.caption, '長春南湖公園的清晨');
  for (const url of [og, ...ld.image.map((i) => i.url)]) {
    assert.ok(url.startsWith('http'), url);
    const res = await fetch(url);
    assert.equal(res.status, 200, url);
    assert.equal(res.headers.get('content-type'), 'image/jpeg');
  }
  // A page without a picture stays a summary card.
  const plain = await page('/zh-hans/articles/1');
  assert.equal(metaContent(plain, 'twitter:card'), 'summary');
  assert.equal(metaContent(plain, 'og:image'), undefined);
});

test('home, channel, topic and search pages show the lead picture as a thumbnail with its size; others as before', async () => {
  const href = `/zh-hans/articles/${articleId}`;
  const thumbOf = (html: string) => new RegExp(`<li class="with-thumb"><a class="thumb" href="${href}" tabindex="-1" aria-hidden="true">(<picture>[\\s\\S]*?</picture>)</a><a href="${href}">`).exec(html)?.[1];
  await site.store.frontPage.putTopic({ slug: 'nanhu', title: '南湖', language: 'zh-Hans', description: null, position: 9, articleIds: [articleId, 1] }, { actorId: null, actorLogin: 'test', ip: null });
  await waitFor(async () => (await get('/zh-hans/topics/nanhu')).status === 200);
  const thumb43 = pictureSources(lead, '4x3');
  for (const path of ['/zh-hans/', '/zh-hans/channels/siping', '/zh-hans/topics/nanhu']) {
    const html = await page(path);
    const thumb = thumbOf(html);
    assert.ok(thumb, `${path} shows the thumbnail`);
    const img = /<img [^>]*>/.exec(thumb)![0];
    assert.equal(attr(img, 'src'), thumb43.src);
    assert.equal(attr(img, 'width'), String(thumb43.width));
    assert.equal(attr(img, 'height'), String(thumb43.height));
    assert.equal(attr(img, 'alt'), '', 'the thumbnail repeats the headline beside it');
    assert.equal(attr(img, 'loading'), 'lazy', path);
    assert.match(thumb, /<source type="image\/avif"/);
    // Articles without a picture keep the plain line.
    assert.match(html, /<li><a href="\/zh-hans\/articles\/\d+">/);
  }
  const search = await page(`/zh-hans/search?q=${encodeURIComponent('南湖晨雾')}`);
  assert.match(search, new RegExp(`<li class="with-thumb"><a class="thumb" href="${href}"`));
  // The 頭條 at the top of the home page is not lazy.
  await site.store.frontPage.setSlots({ headlineId: articleId, recommendedIds: [] }, { actorId: null, actorLogin: 'test', ip: null });
  await waitFor(async () => (await page('/zh-hans/')).includes('class="lead with-picture"'));
  const home = await page('/zh-hans/');
  const leadImg = /<section class="lead with-picture"[^>]*><a class="lead-picture"[^>]*><picture>[\s\S]*?(<img [^>]*>)/.exec(home)![1]!;
  assert.equal(attr(leadImg, 'loading'), undefined);
  assert.equal(attr(leadImg, 'width'), String(thumb43.width));
});

test('RSS, Atom and JSON Feed carry the lead picture at its absolute URL, and the body picture', async () => {
  const rss = await get('/zh-hant/feed.xml');
  assert.equal(spawnSync('xmllint', ['--noout', '-'], { input: rss.text, encoding: 'utf8' }).status, 0, 'well-formed');
  assert.match(rss.text, /xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"/);
  const url = `${site.publicUrl}${pictureSources(lead, 'lead').src}`;
  const item = rss.text.split('<item>').find((i) => i.includes(`/articles/${articleId}</link>`))!;
  assert.ok(item.includes(`<enclosure url="${url}" length="0" type="image/jpeg"/>`), item);
  assert.match(item, new RegExp(`<media:content url="${url.replace(/[.?]/g, '\\$&')}" medium="image" type="image/jpeg" width="\\d+" height="\\d+"><media:description type="plain">長春南湖公園的清晨</media:description><media:credit>王曉梅</media:credit></media:content>`));
  // The body picture goes as one absolute JPEG (escaped inside content:encoded).
  assert.ok(item.includes(`&lt;img src=&quot;${site.publicUrl}${pictureSources(inBody, 'full').src}&quot;`), 'body picture in content:encoded');
  const parsed = parseFeed(rss.text).items.find((i) => i.url?.endsWith(`/articles/${articleId}`));
  assert.ok(parsed, 'a real parser reads the feed');
  assert.ok(parsed.media.some((m) => m.url === url), 'and finds the picture');
  const atom = await page('/zh-hans/atom.xml');
  assert.ok(atom.includes(`<link rel="enclosure" type="image/jpeg" href="${url}"/>`));
  const json = JSON.parse(await page('/zh-hans/feed.json')) as { items: Array<{ url: string; image?: string; content_html?: string }> };
  const j = json.items.find((i) => i.url.endsWith(`/articles/${articleId}`))!;
  assert.equal(j.image, url);
  assert.ok(j.content_html?.includes(`<img src="${site.publicUrl}${pictureSources(inBody, 'full').src}"`));
  assert.equal((await fetch(j.image)).status, 200);
});

test('the static export writes the renditions its pages name', async () => {
  const out = mkdtempSync(join(tmpdir(), 'heitu-export-pictures-'));
  try {
    const reader = createReaderService(site.store);
    const fetchPage = async (path: string) => {
      const res = await fetch(`${site.url}${path}`, { redirect: 'manual' });
      return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
    };
    const first = await exportSite(out, reader, fetchPage);
    const html = readFileSync(join(out, `zh-hans/articles/${articleId}/index.html`), 'utf8');
    const named = [...new Set([...html.matchAll(/\/media\/[0-9a-f]{64}\/[\w.-]+/g)].map((m) => m[0]))];
    assert.ok(named.length >= 15);
    for (const url of named) assert.ok(existsSync(join(out, url)), `${url} exported`);
    const again = await exportSite(out, reader, fetchPage);
    assert.equal(again.written, 0, 'nothing changed');
    assert.equal(again.total, first.total);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a picture taken down is gone from the article, the lists, the feeds and the static export', async () => {
  const rights = await signIn(site.url, 'rights');
  const exportDir = mkdtempSync(join(tmpdir(), 'heitu-export-taken-'));
  try {
    await rights.ok('POST', `/media/${lead.id}/take-down`, { reason: '版权方要求撤下' });
    await rights.ok('POST', `/media/${inBody.id}/take-down`, { reason: '版权方要求撤下' });
    const gone = (html: string) => !html.includes(lead.hash) && !html.includes(inBody.hash);
    await waitFor(async () => gone(await page(`/zh-hans/articles/${articleId}`)));
    for (const path of [`/zh-hans/articles/${articleId}`, `/zh-hant/articles/${articleId}`, '/zh-hans/', '/zh-hant/channels/siping', '/zh-hans/topics/nanhu', `/zh-hans/search?q=${encodeURIComponent('南湖晨雾')}`, '/zh-hans/feed.xml', '/zh-hant/atom.xml', '/zh-hans/feed.json']) {
      const r = await get(path);
      assert.equal(r.status, 200, path);
      assert.ok(gone(r.text), `${path} no longer shows the pictures`);
    }
    const article = await page(`/zh-hans/articles/${articleId}`);
    assert.equal(figures(article, 'lead-image').length, 0);
    assert.equal(figures(article, 'body-image').length, 0);
    // The one picture left is the page's own QR code (分享).
    assert.doesNotMatch(article.replace(/<img src="\/zh-hans\/articles\/\d+\/qr\.svg"[^>]*>/, ''), /<img /, 'the body\'s image is removed entirely');
    assert.match(article, /第一段内容。<\/p>\s*<p>第二段内容。/);
    assert.equal(metaContent(article, 'twitter:card'), 'summary');
    assert.equal((await fetch(`${site.url}${pictureSources(lead, 'lead').src}`)).status, 404);
    // The lists keep the article, without its picture.
    assert.match(await page('/zh-hans/channels/siping'), new RegExp(`<li><a href="/zh-hans/articles/${articleId}">`));
    await exportSite(exportDir, createReaderService(site.store), async (path) => {
      const res = await fetch(`${site.url}${path}`, { redirect: 'manual' });
      return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
    });
    assert.ok(!existsSync(join(exportDir, 'media')) || readdirSync(join(exportDir, 'media')).length === 0, 'no picture taken down is exported');
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
  }
});
