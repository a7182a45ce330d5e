import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, byClass, textOf } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import type { Running } from '../src/main.ts';
import { waitFor } from './support/wait.ts';
import { articleInputSchema } from '../src/domain/article.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';
import fc from 'fast-check';

let site: Running;
let id: number;
const SYSTEM = { actorId: null, actorLogin: 'test' };

before(async () => {
  site = await startTestSite();
  const a = await site.store.articles.create(
    articleInputSchema.parse({
      language: 'zh-Hans', headline: '记者刘征宇在社区里面采访', bodyHtml: '<p>刘征宇指明了下一步的方向,村里的面条馆也开张了。</p>',
      rightsClass: 'original', channels: ['changchun'], status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString(),
      editorName: '刘征宇',
    }),
    SYSTEM,
  );
  id = a.id;
});
after(() => site.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site.url}${path}`, { headers, redirect: 'manual' });
const page = async (path: string) => (await (await fetch(`${site.url}${path}`)).text());

test('every variant at a stable URL, with canonical, hreflang alternates and x-default', async () => {
  for (const [v, lang] of [['zh-hans', 'zh-Hans'], ['zh-hant', 'zh-Hant'], ['zh-hk', 'zh-HK']] as const) {
    const html = await page(`/${v}/articles/${id}`);
    assert.match(html, new RegExp(`<html lang="${lang}">`));
    assert.match(html, new RegExp(`<link rel="canonical" href="http://127.0.0.1:\\d+/${v}/articles/${id}">`));
    for (const [alt, altLang] of [['zh-hans', 'zh-Hans'], ['zh-hant', 'zh-Hant'], ['zh-hk', 'zh-HK']]) {
      assert.match(html, new RegExp(`<link rel="alternate" hreflang="${altLang}" href="http://127.0.0.1:\\d+/${alt}/articles/${id}">`));
    }
    assert.match(html, new RegExp(`<link rel="alternate" hreflang="x-default" href="http://127.0.0.1:\\d+/articles/${id}">`));
  }
});

test('zh-HK uses Hong Kong forms, zh-Hant Taiwan forms', async () => {
  const hant = textOf(byClass(await page(`/zh-hant/articles/${id}`), 'headline')!);
  const hk = textOf(byClass(await page(`/zh-hk/articles/${id}`), 'headline')!);
  assert.equal(hant, '記者劉徵宇在社區裡面採訪');
  assert.equal(hk, '記者劉徵宇在社區裏面採訪');
  assert.match(await page(`/zh-hk/`), /<html lang="zh-HK">/);
});

test('a first visit goes to the variant the browser asks for; without a wish, the site default', async () => {
  for (const [accept, v] of [['zh-CN,zh;q=0.9', 'zh-hans'], ['zh-TW', 'zh-hant'], ['zh-HK,en;q=0.5', 'zh-hk'], ['en-US', 'zh-hant'], ['', 'zh-hant']] as const) {
    const res = await get(`/articles/${id}`, accept ? { 'accept-language': accept } : {});
    assert.equal(res.status, 302, accept);
    assert.equal(new URL(res.headers.get('location')!, site.url).pathname, `/${v}/articles/${id}`, accept);
    assert.match(res.headers.get('vary') ?? '', /Accept-Language/);
    assert.match(res.headers.get('cache-control') ?? '', /private/);
  }
  const q = await get('/channels/changchun?page=1', { 'accept-language': 'zh-CN' });
  assert.equal(q.headers.get('location'), '/zh-hans/channels/changchun?page=1');
});

test('the switch keeps the reader on the same page and the choice is remembered', async () => {
  const html = await page(`/zh-hans/articles/${id}`);
  const href = /<a href="([^"]+)" lang="zh-HK"/.exec(html)![1]!.replace(/&amp;/g, '&');
  const res = await get(href);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get('location'), `/zh-hk/articles/${id}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('heitu_variant=zh-hk'))!;
  assert.ok(cookie);
  const next = await get('/', { cookie: cookie.split(';')[0]!, 'accept-language': 'zh-CN' });
  assert.equal(next.headers.get('location'), '/zh-hk/');
  // The switch never sends a reader off the site.
  for (const to of ['//evil.example/', 'https://evil.example/', '/zh-hans/x', '/zh-hk//evil.example']) {
    const r = await get(`/variant/zh-hk?to=${encodeURIComponent(to)}`);
    assert.equal(r.headers.get('location'), '/zh-hk/', to);
  }
});

test('the site dictionary and an article\'s locked terms change the next render', async () => {
  const before = textOf(byClass(await page(`/zh-hant/articles/${id}`), 'body')!);
  assert.match(before, /劉徵宇指明了下一步的方向/);
  const editor = new NewsroomClient(site.url);
  await editor.login('editor', DEMO_USERS.find((u) => u.login === 'editor')!.password);
  const term = await editor.ok<{ id: number }>('POST', '/terms', { hans: '刘征宇', hant: '劉征宇', note: '本人写法' });
  await waitFor(async () => /劉征宇指明了/.test(textOf(byClass(await page(`/zh-hant/articles/${id}`), 'body')!)));
  assert.match(textOf(byClass(await page(`/zh-hk/articles/${id}`), 'meta')!), /編輯:劉征宇/);
  const bad = await editor.request('POST', '/terms', { hans: '刘征宇', hant: '劉征' });
  assert.equal(bad.status, 400);

  // A locked term in one article wins over the site's dictionary there, and only there.
  const a = (await site.store.articles.byId(id))!;
  await site.store.articles.update(id, articleInputSchema.parse({ ...a, lockedTerms: [{ hans: '面条馆', hant: '麪條館' }] }), a.revision, SYSTEM);
  await waitFor(async () => /麪條館/.test(await page(`/zh-hant/articles/${id}`)));
  assert.doesNotMatch(await page('/zh-hant/'), /麪條館/);
  await editor.ok('DELETE', `/terms/${term.id}`);
  await waitFor(async () => /劉徵宇指明了/.test(textOf(byClass(await page(`/zh-hant/articles/${id}`), 'body')!)));
  const log = await site.store.audit.list({ limit: 5 });
  assert.ok(log.some((e) => e.action === 'term.delete'));
  assert.ok(log.some((e) => e.action === 'term.put' && e.actorLogin === 'editor'));
});


/** Where the site's pages live, without their variant; a redirect may lead only to one of these. */
const KNOWN_PATH = /^\/zh-hk\/(?:|articles\/[1-9]\d*|channels\/[a-z0-9-]+|topics\/[a-z0-9-]+|search|licensees\/verify|rights\/claims\/new|tips\/new|(?:channels\/[a-z0-9-]+\/)?(?:feed\.xml|atom\.xml|feed\.json))(?:\?[A-Za-z0-9%=&._~+-]*)?$/;

test('a ?to= with CR LF redirects home without a 500', async () => {
  for (const to of ['/zh-hk/\r\nSet-Cookie: x=1', '/zh-hk/articles/1\r\nX-Evil: 1', '/zh-hk/\u0000', `/zh-hk/articles/${id}\r\n`]) {
    const r = await get(`/variant/zh-hk?to=${encodeURIComponent(to)}`);
    assert.equal(r.status, 302, JSON.stringify(to));
    assert.equal(r.headers.get('location'), '/zh-hk/', JSON.stringify(to));
    assert.equal(r.headers.get('x-evil'), null);
    assert.ok(!r.headers.getSetCookie().some((c) => c.startsWith('x=')));
  }
  // For any `to` at all, the switch answers with a redirect to one of the site's own pages.
  const to = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.tuple(fc.constantFrom('/zh-hk/', '/zh-hans/', '/', '//', '/zh-hk//'), fc.constantFrom('', 'articles/', 'channels/', 'search?q=', 'tips/new'), fc.string({ unit: 'binary', maxLength: 20 })).map((p) => p.join('')),
  );
  await fc.assert(
    fc.asyncProperty(to, async (raw) => {
      const r = await get(`/variant/zh-hk?to=${encodeURIComponent(raw)}`);
      assert.equal(r.status, 302);
      assert.match(r.headers.get('location') ?? '', KNOWN_PATH);
    }),
    { numRuns: 200 },
  );
  // The redirects of paths without a variant are rebuilt the same way.
  for (const path of [`/articles/${id}?x=%0d%0a`, '/search?q=%0d%0a%E9%95%B7', '/channels/changchun?page=1%0d%0a']) {
    const r = await get(path, { 'accept-language': 'zh-HK' });
    assert.equal(r.status, 302, path);
    assert.match(r.headers.get('location') ?? '', KNOWN_PATH, path);
  }
});
