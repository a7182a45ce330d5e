import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, importText, byClass, textOf } from './support/test-site.ts';
import type { Running } from '../src/main.ts';
import { demoArticles } from '../src/demo/demo-articles.ts';
import { articleInputSchema } from '../src/domain/article.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site.url}${path}`, { headers });

test('every page carries the frame: site name, region row, hotline, e-mail, statement, switch', async () => {
  for (const path of ['/', '/zh-hans/', '/zh-hant/channels/yanbian', '/zh-hans/articles/1']) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    const simplified = path.startsWith('/zh-hans');
    assert.match(html, simplified ? /黑土网/ : /黑土網/);
    const regions = textOf(byClass(html, 'regions') ?? '');
    assert.equal(regions.replace(/\s/g, ''), simplified ? '长春江城四平辽源通化白城白山松原延边长白山保护开发区' : '長春江城四平遼源通化白城白山松原延邊長白山保護開發區');
    assert.match(html, simplified ? /热线:0431-8000-0000/ : /熱線:0431-8000-0000/);
    assert.match(html, /news@heitu\.example/);
    assert.equal((byClass(html, 'statement') ?? '').match(/<li>/g)?.length, 6);
    assert.match(html, simplified ? /<strong aria-current="true" lang="zh-Hans">简体<\/strong>/ : /<a href="\/variant\/zh-hans\?to=[^"]*" lang="zh-Hans"/);
  }
});

test('home lists the latest articles and a block per region', async () => {
  const html = await (await get('/zh-hans/')).text();
  assert.equal((html.match(/<section class="block">/g) ?? []).length, 10);
  const latest = byClass(html, 'latest')!;
  assert.equal((latest.match(/<li>/g) ?? []).length, 12);
});

test('demo content: 20 to 40 articles, every region, both scripts, every rights class', () => {
  assert.ok(demoArticles.length >= 20 && demoArticles.length <= 40);
  for (const d of demoArticles) articleInputSchema.parse({ ...d, dateline: { ...d.dateline, text: null, date: null }, status: 'published', publishedAt: new Date().toISOString() });
  assert.deepEqual(new Set(demoArticles.map((d) => d.language)), new Set(['zh-Hans', 'zh-Hant']));
  assert.deepEqual(new Set(demoArticles.map((d) => d.rightsClass)), new Set(['original', 'exclusive', 'reprint', 'licensed-in']));
  for (const r of ['changchun', 'jiangcheng', 'siping', 'liaoyuan', 'tonghua', 'baicheng', 'baishan', 'songyuan', 'yanbian', 'changbaishan']) {
    assert.ok(demoArticles.some((d) => d.channels[0] === r), r);
  }
});

test('demo articles are dated in the last few days', async () => {
  const list = await site.store.articles.listPublished({ limit: 100, asOf: new Date().toISOString() });
  const ages = list.map((a) => (Date.now() - Date.parse(a.publishedAt)) / 3_600_000);
  assert.ok(ages.every((h) => h >= 0 && h < 24 * 5), String(ages));
});

test('channel pages paginate', async () => {
  const ids: number[] = [];
  const items = Array.from({ length: 45 }, (_, i) => ({
    uri: `urn:test:page:${i}`, language: 'zh-Hans', firstCreated: new Date(Date.now() - (i + 1) * 60_000).toISOString(),
    headlines: [{ role: 'main', value: `白城分页测试第${i + 1}条` }], bodies: [{ role: 'main', contentType: 'text/html', value: '<p>内容</p>' }],
    subjects: [{ name: '白城', uri: 'urn:heitu:channel:baicheng' }],
  }));
  for (const o of await importText(site.store, items.map((i) => JSON.stringify(i)).join('\n'))) if ('id' in o) ids.push(o.id);
  assert.equal(ids.length, 45);
  await waitForFresh('/zh-hans/channels/baicheng', /白城分页测试第1条/);
  const p1 = await (await get('/zh-hans/channels/baicheng')).text();
  assert.match(p1, /第1页,共3页/);
  assert.match(p1, /<a rel="next" href="\/zh-hans\/channels\/baicheng\?page=2">/);
  const p3 = await (await get('/zh-hans/channels/baicheng?page=3')).text();
  assert.match(p3, /第3页,共3页/);
  assert.match(p3, /<a rel="prev" href="\/zh-hans\/channels\/baicheng\?page=2">/);
  assert.equal((await get('/zh-hans/channels/baicheng?page=4')).status, 404);
  assert.equal((await get('/zh-hans/channels/baicheng?page=abc')).status, 404);
});

/** Pages are cached; a write reaches readers within the content watch's interval. */
async function waitForFresh(path: string, expect: RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (expect.test(await (await get(path)).text())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${path} never showed ${expect}`);
}

test('an article changed in the database reaches the cached page', async () => {
  const a = (await site.store.articles.byId(2))!;
  const before = await (await get('/zh-hans/articles/2')).text();
  assert.doesNotMatch(before, /更正后的标题/);
  await site.store.articles.update(2, articleInputSchema.parse({ ...a, headline: '更正后的标题' }), a.revision, { actorId: null, actorLogin: 'test' });
  await waitForFresh('/zh-hans/articles/2', /更正后的标题/);
});

test('ETag and If-None-Match give 304; cached pages are sent as bytes with a length', async () => {
  const first = await get('/zh-hant/articles/3');
  const etag = first.headers.get('etag');
  assert.ok(etag);
  assert.equal(first.headers.get('content-length'), String(Buffer.byteLength(await first.text())));
  assert.match(first.headers.get('cache-control') ?? '', /public/);
  const second = await get('/zh-hant/articles/3', { 'if-none-match': etag });
  assert.equal(second.status, 304);
  assert.equal(await second.text(), '');
});

test('drafts, withdrawn and future articles are not public', async () => {
  const mk = (uri: string, over: object) => ({
    uri, language: 'zh-Hans', firstCreated: '2026-11-01T08:00:00+08:00',
    headlines: [{ role: 'main', value: '不该公开的稿件' }], bodies: [{ role: 'main', contentType: 'text/html', value: '<p>内容</p>' }], ...over,
  });
  const out = await importText(site.store, [
    mk('urn:test:hidden:draft', { pubStatus: 'withheld' }),
    mk('urn:test:hidden:withdrawn', { pubStatus: 'canceled' }),
    mk('urn:test:hidden:future', { firstCreated: '2099-01-01T00:00:00+08:00' }),
  ].map((x) => JSON.stringify(x)).join('\n'));
  for (const o of out) {
    assert.ok('id' in o);
    const res = await get(`/zh-hans/articles/${o.id}`);
    assert.equal(res.status, 404);
  }
  const home = await (await get('/zh-hans/')).text();
  assert.doesNotMatch(home, /不该公开的稿件/);
});

test('404 pages speak the reader\'s script', async () => {
  const hans = await get('/zh-hans/articles/99999999');
  assert.equal(hans.status, 404);
  assert.match(await hans.text(), /找不到这个页面/);
  const hant = await get('/zh-hant/nowhere');
  assert.equal(hant.status, 404);
  assert.match(await hant.text(), /找不到這個頁面/);
  const byBrowser = await get('/nowhere', { 'accept-language': 'zh-CN,zh;q=0.9' });
  assert.equal(byBrowser.status, 404);
  assert.match(await byBrowser.text(), /<html lang="zh-Hans">[\s\S]*找不到这个页面/);
  for (const bad of ['/articles/abc', '/articles/0', '/articles/1e3', '/articles/99999999999999999999', '/channels/%E9%95%BF', '/zh-hans/channels/../etc']) {
    assert.equal((await get(bad)).status, 404, bad);
  }
});

test('a change refreshes exactly the pages that show it; other pages stay cached', async () => {
  const asOf = new Date().toISOString();
  const changed = (await site.store.articles.listPublished({ channel: 'yanbian', limit: 1, asOf }))[0]!;
  // Another story whose page does not link the changed one (as neighbour or under 相關新聞).
  const candidates = (await site.store.articles.listPublished({ channel: 'changchun', limit: 10, asOf })).filter((a) => !a.channels.includes('yanbian'));
  const links = async (id: number) => (await (await get(`/zh-hans/articles/${id}`)).text()).includes(`/zh-hans/articles/${changed.id}"`);
  let other: (typeof candidates)[number] | undefined;
  for (const a of candidates) if (!(await links(a.id))) { other = a; break; }
  assert.ok(other, 'a changchun story that does not link the changed one');
  const paths = [`/zh-hans/articles/${changed.id}`, `/zh-hans/articles/${other.id}`, '/zh-hans/channels/yanbian', `/zh-hans/channels/${other.channels[0]}`];
  const etags = await Promise.all(paths.map(async (p) => (await get(p)).headers.get('etag')));
  const a = (await site.store.articles.byId(changed.id))!;
  await site.store.articles.update(a.id, articleInputSchema.parse({ ...a, headline: `${a.headline}(更新)` }), a.revision, { actorId: null, actorLogin: 'test' });
  await waitForFresh(paths[0]!, /(更新)/);
  const after = await Promise.all(paths.map(async (p) => (await get(p)).headers.get('etag')));
  assert.notEqual(after[0], etags[0]);
  assert.notEqual(after[2], etags[2], 'the channel listing it is refreshed');
  assert.equal(after[1], etags[1], 'another article page is untouched');
  assert.equal(after[3], etags[3], 'another channel is untouched');
});
