import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { startTestSite, sharedDir } from './support/test-site.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';
import { articleInputSchema } from '../src/domain/article.ts';
import { createNewsroomService } from '../src/services/newsroom-service.ts';
import { pictureSources } from '../src/domain/media.ts';

let site: Running;
let embargoed: number;
const SYSTEM = { actorId: null, actorLogin: 'test' };
const tmp = mkdtempSync(join(tmpdir(), 'heitu-xml-'));

before(async () => {
  site = await startTestSite();
  embargoed = (await site.store.articles.create(articleInputSchema.parse({
    language: 'zh-Hans', headline: '尚未解禁的稿件', bodyHtml: '<p>禁发。</p>', rightsClass: 'original', channels: ['yanbian'], status: 'scheduled', publishedAt: '2099-01-01T00:00:00Z',
  }), SYSTEM)).id;
});
after(() => site.stop());

const get = async (path: string) => {
  const res = await fetch(`${site.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

function xmllint(xml: string, schema: string): { ok: boolean; out: string } {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(sharedDir, 'spec/sitemap', schema), file], { encoding: 'utf8' });
  return { ok: r.status === 0, out: r.stderr };
}

test('RSS 2.0, Atom and JSON Feed, read by a real parser, in every variant', async () => {
  // RSS and Atom are sent as XML so that browsers apply their stylesheet (feeds.ts); the root says which.
  for (const [path, type, format] of [['/zh-hans/feed.xml', /^application\/xml/, 'rss'], ['/zh-hant/atom.xml', /^application\/xml/, 'atom'], ['/zh-hk/feed.json', /feed\+json/, 'json']] as const) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.type, type);
    if (format === 'json') {
      const feed = JSON.parse(r.text) as { version: string; language: string; items: Array<{ id: string; title: string; date_published: string; content_html?: string }> };
      assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(feed.language, 'zh-HK');
      assert.ok(feed.items.length >= 20);
      for (const i of feed.items) assert.match(i.date_published, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      assert.ok(feed.items.every((i) => i.content_html && i.id.startsWith('urn:')));
      continue;
    }
    assert.match(r.text, format === 'rss' ? /<rss version="2\.0"/ : /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/, path);
    const feed = parseFeed(r.text);
    assert.ok(feed.items.length >= 20, path);
    assert.ok(feed.items.every((i) => i.id?.startsWith('urn:') && i.published instanceof Date && !Number.isNaN(i.published.getTime())), path);
  }
  const rss = (await get('/zh-hans/feed.xml')).text;
  assert.match(rss, /<pubDate>(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
  assert.match(rss, /<language>zh-cn<\/language>/);
  const atom = (await get('/zh-hant/atom.xml')).text;
  assert.match(atom, /<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z<\/updated>/);
  // The same article has the same guid in every variant; titles follow the script.
  const hans = parseFeed(rss).items[0]!;
  const hant = parseFeed((await get('/zh-hant/feed.xml')).text).items.find((i) => i.id === hans.id)!;
  assert.ok(hant);
  assert.notEqual(hans.title, hant.title);
  assert.equal((await get('/feed.xml')).status, 200);
});

test('channel feeds hold only that channel; unknown channels are 404', async () => {
  const feed = parseFeed((await get('/zh-hans/channels/yanbian/feed.xml')).text);
  assert.ok(feed.items.length >= 1);
  for (const i of feed.items) assert.ok(i.categories.some((c) => c.label === '延边' || c.term === '延边'), `${i.title}: ${JSON.stringify(i.categories)}`);
  assert.equal((await get('/zh-hans/channels/atlantis/feed.xml')).status, 404);
  assert.equal((await get('/channels/yanbian/atom.xml')).status, 200);
});

test('sitemaps validate against the sitemap XSDs; the news sitemap against Google News', async () => {
  const index = await get('/sitemap.xml');
  assert.ok(xmllint(index.text, 'siteindex.xsd').ok, xmllint(index.text, 'siteindex.xsd').out);
  const files = [...index.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  assert.ok(files.includes('/sitemaps/zh-hans/articles-0.xml') && files.includes('/sitemaps/zh-hk/pages.xml'));
  for (const f of files) {
    const body = (await get(f)).text;
    const check = xmllint(body, 'sitemap.xsd');
    assert.ok(check.ok, `${f}: ${check.out}`);
  }
  const articles = (await get('/sitemaps/zh-hant/articles-0.xml')).text;
  assert.ok((articles.match(/<url>/g) ?? []).length >= 30);
  assert.doesNotMatch(articles, new RegExp(`/articles/${embargoed}<`));
  const news = (await get('/news-sitemap.xml')).text;
  const check = xmllint(news, 'validation/news-sitemap-validate.xsd');
  assert.ok(check.ok, check.out);
  assert.match(news, /<news:language>zh-cn<\/news:language>/);
  assert.match(news, /<news:language>zh-tw<\/news:language>/);
  assert.match(news, /<news:name>黑土网<\/news:name>/);
  assert.match(news, /<news:name>黑土網<\/news:name>/);
  assert.ok((news.match(/<url>/g) ?? []).length <= 1000);
  for (const m of news.matchAll(/<news:publication_date>([^<]+)</g)) assert.ok(Date.now() - Date.parse(m[1]!) <= 48 * 3_600_000 + 60_000);
  assert.doesNotMatch(news, /尚未解禁/);
  assert.equal((await get('/sitemaps/zh-hans/articles-7.xml')).status, 404);
  // The checker really checks: a bad language code fails.
  assert.equal(xmllint(news.replace('<news:language>zh-cn<', '<news:language>zh-Hans<'), 'validation/news-sitemap-validate.xsd').ok, false);
});

test('an article\'s lead picture: RSS enclosure and Media RSS, Atom enclosure link, JSON Feed image, all absolute; read by a real parser', async () => {
  const { item } = await site.store.media.add({
    hash: 'cd'.repeat(32), format: 'jpeg', width: 1600, height: 1200, bytes: 1000, language: 'zh-Hans', focalX: 50, focalY: 50,
    caption: '延吉的早市', credit: '金明', alt: '早市上的摊位', rightsClass: 'own', copyrightHolder: null, usageTerms: null, createdBy: null,
  }, { ...SYSTEM, ip: null });
  const id = (await site.store.articles.create(articleInputSchema.parse({
    language: 'zh-Hans', headline: '延吉早市热闹非凡', bodyHtml: '<p>早市。</p>', rightsClass: 'original', channels: ['yanbian'], status: 'published',
    publishedAt: new Date().toISOString(), leadImageId: item.id,
  }), SYSTEM)).id;
  const url = `${site.publicUrl}${pictureSources(item, 'lead').src}`;
  await waitFor(async () => (await get('/zh-hans/channels/yanbian/feed.xml')).text.includes(url));
  for (const path of ['/zh-hans/feed.xml', '/zh-hant/channels/yanbian/feed.xml']) {
    const xml = (await get(path)).text;
    assert.equal(spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' }).status, 0, `${path} is well-formed`);
    const parsed = parseFeed(xml).items.find((i) => i.url?.endsWith(`/articles/${id}`));
    assert.ok(parsed, path);
    assert.ok(parsed.media.some((m) => m.url === url && m.mimeType === 'image/jpeg'), `${path}: ${JSON.stringify(parsed.media)}`);
    assert.ok(xml.includes(`<enclosure url="${url}" length="0" type="image/jpeg"/>`));
    assert.match(xml, /<media:content url="[^"]+" medium="image" type="image\/jpeg" width="1440" height="810">/);
  }
  const atom = parseFeed((await get('/zh-hans/atom.xml')).text).items.find((i) => i.url?.endsWith(`/articles/${id}`));
  assert.ok(atom?.media.some((m) => m.url === url), 'Atom enclosure link');
  const json = JSON.parse((await get('/zh-hk/feed.json')).text) as { items: Array<{ url: string; image?: string }> };
  assert.equal(json.items.find((i) => i.url.endsWith(`/articles/${id}`))?.image, url);
  // Articles without a picture carry none.
  assert.ok(json.items.some((i) => i.image === undefined));
});

test('robots.txt points to both sitemaps', async () => {
  const r = await get('/robots.txt');
  assert.match(r.text, /^Sitemap: http:\/\/127\.0\.0\.1:\d+\/sitemap\.xml$/m);
  assert.match(r.text, /^Sitemap: http:\/\/127\.0\.0\.1:\d+\/news-sitemap\.xml$/m);
});

test('nothing embargoed in any feed; a withdrawal leaves the feeds on the next request', async () => {
  for (const p of ['/zh-hans/feed.xml', '/zh-hans/atom.xml', '/zh-hans/feed.json', '/zh-hans/channels/yanbian/feed.xml']) assert.doesNotMatch((await get(p)).text, /尚未解禁/);
  const top = parseFeed((await get('/zh-hans/feed.xml')).text).items[0]!;
  const id = Number(/articles\/(\d+)/.exec(top.url!)![1]);
  await createNewsroomService(site.store).act({ id: 1, login: 'chief', displayName: '總編', roles: ['chief_editor'] }, id, { type: 'withdraw', reason: '测试撤稿' }, null);
  await waitFor(async () => !parseFeed((await get('/zh-hans/feed.xml')).text).items.some((i) => i.id === top.id));
});
