import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import jsqr from 'jsqr';
import { startTestSite, byClass, textOf } from './support/test-site.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';
import { articleInputSchema, type ArticleStatus } from '../src/domain/article.ts';
import { LIST_PAGE_SIZE } from '../src/services/reader-furniture.ts';

// A CommonJS module: its types name the function as the default export's default.
const jsQR = jsqr.default;

/**
 * The article page's furniture through the HTTP app on SQLite: 當前位置, 相關新聞, 上一篇/下一篇,
 * tags and their pages, 滾動新聞, sharing (QR, Weibo, copy link), and the script every name is in.
 */
let site: Running;
const ACTOR = { actorId: null, actorLogin: 'test' };
const MIN = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MIN).toISOString();

type Fixture = { headline: string; body: string; channels: string[]; tags?: string[]; language?: 'zh-Hans' | 'zh-Hant'; status?: ArticleStatus; publishedAt?: string | null };

async function make(f: Fixture): Promise<number> {
  const a = await site.store.articles.create(articleInputSchema.parse({
    language: f.language ?? 'zh-Hant', headline: f.headline, bodyHtml: `<p>${f.body}</p>`, rightsClass: 'original',
    channels: f.channels, tags: f.tags ?? [], status: f.status ?? 'published', publishedAt: f.publishedAt === undefined ? ago(30) : f.publishedAt,
  }), ACTOR);
  return a.id;
}

async function withdraw(id: number): Promise<void> {
  await site.store.articles.transition(id, 'published', { status: 'withdrawn', statusReason: '測試撤稿' }, ACTOR, { action: 'article.withdraw' });
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site.url}${path}`, { headers, redirect: 'manual' });
const page = async (path: string) => {
  const res = await get(path);
  assert.equal(res.status, 200, path);
  return res.text();
};
/** The article ids a fragment links to, in order. */
const linkedIds = (fragment: string | null, variant: string) => [...(fragment ?? '').matchAll(new RegExp(`href="/${variant}/articles/(\\d+)"`, 'g'))].map((m) => Number(m[1]));
const section = (html: string, cls: string) => new RegExp(`<(?:section|nav) class="${cls}"[\\s\\S]*?</(?:section|nav)>`).exec(html)?.[0] ?? null;

const ids: Record<string, number> = {};

before(async () => {
  site = await startTestSite();
  // A topic channel of a region: its articles' 當前位置 names the region first.
  await site.store.channels.upsert({ slug: 'deer-town', name: '鹿鄉', language: 'zh-Hant', kind: 'topic', parentSlug: 'changchun', position: 300, reviewLevels: 1 });
  ids['first'] = await make({ headline: '雙陽梅花鹿養殖戶迎來鹿茸採收季', body: '雙陽的梅花鹿養殖戶這幾天忙著採收鹿茸,今年鹿茸品質好,收購價穩中有升。', channels: ['deer-town'], tags: ['梅花鹿', '養殖'], publishedAt: ago(120) });
  ids['second'] = await make({ headline: '双阳梅花鹿产业园新建鹿茸加工车间', body: '双阳梅花鹿产业园的鹿茸加工车间投入使用,养殖户的鹿茸可以就近加工。', channels: ['deer-town'], tags: ['双阳'], language: 'zh-Hans', publishedAt: ago(90) });
  ids['withdrawnBetween'] = await make({ headline: '梅花鹿鹿茸撤下的稿子', body: '梅花鹿鹿茸養殖', channels: ['deer-town'], status: 'withdrawn', publishedAt: ago(75) });
  ids['third'] = await make({ headline: '鹿鄉小鎮舉辦梅花鹿文化節', body: '文化節上,遊客可以近距離看梅花鹿,品嘗鹿茸製品。', channels: ['deer-town'], tags: ['梅花鹿'], publishedAt: ago(60) });
  ids['elsewhere'] = await make({ headline: '白城养殖户引进梅花鹿 鹿茸产量翻番', body: '白城的养殖户去年引进梅花鹿,今年鹿茸产量翻番,梅花鹿养殖成了致富门路。', channels: ['baicheng'], tags: ['养殖'], language: 'zh-Hans', publishedAt: ago(80) });
  ids['draft'] = await make({ headline: '梅花鹿鹿茸草稿', body: '梅花鹿鹿茸養殖戶雙陽', channels: ['deer-town'], status: 'draft', publishedAt: null });
  ids['future'] = await make({ headline: '梅花鹿鹿茸明日見報', body: '梅花鹿鹿茸養殖戶雙陽', channels: ['deer-town'], tags: ['養殖'], publishedAt: ago(-120) });
});
after(() => site.stop());

test('當前位置: 首頁 > the topic channel\'s region > the channel > 正文, linked, and as a BreadcrumbList', async () => {
  const hans = await page(`/zh-hans/articles/${ids['second']}`);
  const nav = section(hans, 'breadcrumb')!;
  assert.equal(textOf(nav), '当前位置:首页 > 长春 > 鹿乡 > 正文');
  assert.deepEqual([...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]), ['/zh-hans/', '/zh-hans/channels/changchun', '/zh-hans/channels/deer-town']);
  assert.match(nav, /<span aria-current="page">正文<\/span>/);
  const hant = await page(`/zh-hant/articles/${ids['second']}`);
  assert.equal(textOf(section(hant, 'breadcrumb')!), '當前位置:首頁 > 長春 > 鹿鄉 > 正文');
  const blocks = [...hans.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { '@type': string; itemListElement?: Array<{ position: number; name: string; item: string }> });
  assert.deepEqual(blocks.map((b) => b['@type']), ['NewsArticle', 'BreadcrumbList']);
  assert.deepEqual(blocks[1]!.itemListElement!.map((i) => [i.position, i.name, i.item]), [
    [1, '首页', `${site.url}/zh-hans/`], [2, '长春', `${site.url}/zh-hans/channels/changchun`], [3, '鹿乡', `${site.url}/zh-hans/channels/deer-town`], [4, '正文', `${site.url}/zh-hans/articles/${ids['second']}`],
  ]);
  // The tags are the NewsArticle's keywords, in the page's script.
  const hantBlocks = [...hant.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as { keywords?: string[] });
  assert.deepEqual(hantBlocks[0]!.keywords, ['雙陽']);
  // A region article's trail is the region alone.
  const demo = await page('/zh-hant/articles/1');
  assert.match(textOf(section(demo, 'breadcrumb')!), /^當前位置:首頁 > \S+ > 正文$/);
});

test('相關新聞: never the article itself nor anything not public, its region first, in the page\'s script', async () => {
  const html = await page(`/zh-hans/articles/${ids['second']}`);
  const related = section(html, 'related');
  assert.ok(related, 'the page has related news');
  assert.match(related!, /<h2 id="related-heading">相关新闻<\/h2>/);
  const shown = linkedIds(related, 'zh-hans');
  assert.ok(shown.length >= 3 && shown.length <= 6, String(shown));
  for (const hidden of ['second', 'draft', 'future', 'withdrawnBetween']) assert.ok(!shown.includes(ids[hidden]!), `${hidden} is not related`);
  assert.ok(shown.includes(ids['elsewhere']!));
  // 鹿鄉 belongs to 長春: its stories come before a closer match from 白城.
  assert.ok(shown.indexOf(ids['first']!) < shown.indexOf(ids['elsewhere']!), String(shown));
  assert.ok(shown.indexOf(ids['third']!) < shown.indexOf(ids['elsewhere']!), String(shown));
  // Written in Traditional, shown in Simplified.
  assert.match(related!, /双阳梅花鹿养殖户迎来鹿茸采收季/);
  assert.match(section(await page(`/zh-hant/articles/${ids['first']}`), 'related')!, /雙陽梅花鹿產業園新建鹿茸加工車間/);
});

test('上一篇/下一篇 by publish time within the first channel, public only, 沒有了 at the ends', async () => {
  const nav = async (key: string, variant = 'zh-hant') => {
    const html = await page(`/${variant}/articles/${ids[key]}`);
    const n = section(html, 'article-nav')!;
    return { prev: linkedIds(/<p class="previous">[\s\S]*?<\/p>/.exec(n)?.[0] ?? '', variant), next: linkedIds(/<p class="next">[\s\S]*?<\/p>/.exec(n)?.[0] ?? '', variant), text: textOf(n) };
  };
  const first = await nav('first');
  assert.deepEqual([first.prev, first.next], [[], [ids['second']]]);
  assert.match(first.text, /^上一篇:沒有了 下一篇:双阳|^上一篇:沒有了下一篇:/);
  assert.match(first.text, /下一篇:雙陽梅花鹿產業園新建鹿茸加工車間/);
  // The withdrawn story between them and the future one after are skipped.
  const second = await nav('second');
  assert.deepEqual([second.prev, second.next], [[ids['first']], [ids['third']]]);
  const third = await nav('third', 'zh-hans');
  assert.deepEqual([third.prev, third.next], [[ids['second']], []]);
  assert.match(third.text, /下一篇:没有了/);
});

test('withdrawing a neighbour drops the cached pages that linked it', async () => {
  const a = await make({ headline: '鹿鄉冬季飼養講座開課', body: '講座教養殖戶冬季怎樣飼養梅花鹿。', channels: ['deer-town'], publishedAt: ago(50) });
  const b = await make({ headline: '鹿鄉鹿茸品鑒會舉行', body: '品鑒會上擺出了各家的鹿茸。', channels: ['deer-town'], publishedAt: ago(40) });
  const c = await make({ headline: '鹿鄉新建梅花鹿主題公園', body: '主題公園明年開放。', channels: ['deer-town'], publishedAt: ago(35) });
  const prevOf = async (id: number) => linkedIds(/<p class="previous">[\s\S]*?<\/p>/.exec(await page(`/zh-hant/articles/${id}`))?.[0] ?? '', 'zh-hant');
  await waitFor(async () => (await prevOf(c))[0] === b);
  // Served from the cache now; the next request for it must not show b once b is withdrawn.
  assert.deepEqual(await prevOf(c), [b]);
  await withdraw(b);
  await waitFor(async () => (await prevOf(c))[0] === a);
  assert.doesNotMatch(await page(`/zh-hant/articles/${c}`), new RegExp(`/zh-hant/articles/${b}"`));
  // A new story in the channel becomes the next one of the newest.
  const d = await make({ headline: '鹿鄉舉行梅花鹿選美', body: '今年的「鹿王」出爐。', channels: ['deer-town'], publishedAt: ago(0) });
  await waitFor(async () => linkedIds(/<p class="next">[\s\S]*?<\/p>/.exec(await page(`/zh-hant/articles/${c}`))?.[0] ?? '', 'zh-hant')[0] === d);
});

test('tags link to their pages; a tag is one tag in either script and is named in the reader\'s', async () => {
  const first = await page(`/zh-hans/articles/${ids['first']}`);
  const tags = /<p class="tags">[\s\S]*?<\/p>/.exec(first)![0];
  assert.equal(textOf(tags), '标签:梅花鹿养殖');
  assert.match(tags, /<a href="\/zh-hans\/tags\/%E5%85%BB%E6%AE%96" rel="tag">养殖<\/a>/);
  const listed = async (path: string) => {
    const html = await page(path);
    return { heading: textOf(/<h1 class="headline">([\s\S]*?)<\/h1>/.exec(html)![1]!), ids: linkedIds(/<ul class="list">[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '', path.split('/')[1]!) };
  };
  const hans = await listed('/zh-hans/tags/%E5%85%BB%E6%AE%96');
  const hant = await listed(`/zh-hant/tags/${encodeURIComponent('養殖')}`);
  const mixed = await listed(`/zh-hans/tags/${encodeURIComponent('養殖')}`);
  // Newest first; the future story with the tag is not listed.
  assert.deepEqual(hans.ids, [ids['elsewhere'], ids['first']]);
  assert.deepEqual(hant.ids, hans.ids);
  assert.deepEqual(mixed.ids, hans.ids);
  assert.equal(hans.heading, '标签:养殖');
  assert.equal(hant.heading, '標籤:養殖');
  assert.equal(mixed.heading, '标签:养殖');
  // Its canonical address is in the page's script.
  assert.match(await page(`/zh-hans/tags/${encodeURIComponent('養殖')}`), new RegExp(`<link rel="canonical" href="${site.url}/zh-hans/tags/%E5%85%BB%E6%AE%96">`));
  // Every spelling is one page, kept once: the same bytes under the reader's spelling.
  const etagOf = async (path: string) => (await get(path)).headers.get('etag');
  assert.equal(await etagOf(`/zh-hans/tags/${encodeURIComponent('養殖')}`), await etagOf('/zh-hans/tags/%E5%85%BB%E6%AE%96'));
  // A tag no public article has is no page.
  assert.equal((await get(`/zh-hant/tags/${encodeURIComponent('無人用過的標籤')}`)).status, 404);
});

test('tag pages: twenty a page, newest first, 404 past the end; a new tagged story shows at once', async () => {
  const made: number[] = [];
  for (let i = 0; i < 45; i++) made.push(await make({ headline: `分頁標籤測試第${i + 1}篇`, body: '分頁用的短文。', channels: ['siping'], tags: ['分頁測試'], publishedAt: ago(200 + i) }));
  const base = `/zh-hant/tags/${encodeURIComponent('分頁測試')}`;
  const p1 = await page(base);
  assert.equal(LIST_PAGE_SIZE, 20);
  assert.deepEqual(linkedIds(/<ul class="list">[\s\S]*?<\/ul>/.exec(p1)![0], 'zh-hant'), made.slice(0, 20));
  assert.match(p1, /第1頁,共3頁/);
  assert.match(p1, /共45篇/);
  assert.match(p1, new RegExp(`<a rel="next" href="${base}\\?page=2">`));
  const p3 = await page(`${base}?page=3`);
  assert.deepEqual(linkedIds(/<ul class="list">[\s\S]*?<\/ul>/.exec(p3)![0], 'zh-hant'), made.slice(40));
  assert.match(p3, new RegExp(`<a rel="prev" href="${base}\\?page=2">`));
  for (const q of ['?page=4', '?page=0', '?page=abc', '?page=-1', '?page=1e3']) assert.equal((await get(`${base}${q}`)).status, 404, q);
  const fresh = await make({ headline: '分頁標籤測試最新一篇', body: '分頁用的短文。', channels: ['siping'], tags: ['分頁測試'], publishedAt: ago(0) });
  await waitFor(async () => linkedIds(/<ul class="list">[\s\S]*?<\/ul>/.exec(await page(base))![0], 'zh-hant')[0] === fresh);
  await withdraw(fresh);
  await waitFor(async () => !linkedIds(/<ul class="list">[\s\S]*?<\/ul>/.exec(await page(base))![0], 'zh-hant').includes(fresh));
});

test('a malformed, overlong or impossible tag is a 404 page in the reader\'s script, never a 500', async () => {
  const bad = ['%E9%95', '%ZZ', '%', '%C0%AF', '%ED%A0%80', '%00', '%0A%E9%95%B7', '%20%E9%95%B7', '%E9%95%B7%20', 'a'.repeat(41), encodeURIComponent('長'.repeat(41)), '%E9%95%B7'.repeat(200)];
  for (const tag of bad) {
    const res = await get(`/zh-hans/tags/${tag}`);
    const body = await res.text();
    // Broken percent-encoding and control characters are refused before any route, as everywhere
    // on the site (400, request-guard.ts); anything that decodes but cannot be a tag is not found.
    assert.ok(res.status === 404 || res.status === 400, `${tag}: ${res.status}`);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/, tag);
    assert.match(body, res.status === 404 ? /找不到这个页面/ : /无法接收您送出的内容/, tag);
  }
  // (A path of . or .. never reaches the server: URLs resolve it as a step up first.)
  for (const tag of ['a'.repeat(41), encodeURIComponent('長'.repeat(41)), '%E9%95%B7'.repeat(200), '%20%E9%95%B7', '%E9%95%B7%20']) {
    assert.equal((await get(`/zh-hans/tags/${tag}`)).status, 404, tag);
  }
  // Through the script switch and without a variant too: never a redirect to a page the site does not serve.
  for (const tag of ['%E9%95', '%00', '%2E%2E', 'a'.repeat(41)]) {
    const sw = await get(`/variant/zh-hant?to=${encodeURIComponent(`/zh-hans/tags/${tag}`)}`);
    assert.equal(sw.headers.get('location'), '/zh-hant/', tag);
    if (tag !== '%2E%2E') assert.ok([400, 404].includes((await get(`/tags/${tag}`)).status), tag);
  }
  // A good one is rebuilt in one canonical encoding.
  const sw = await get(`/variant/zh-hant?to=${encodeURIComponent('/zh-hans/tags/%e5%85%bb%e6%ae%96?page=2&utm=1')}`);
  assert.equal(sw.headers.get('location'), '/zh-hant/tags/%E5%85%BB%E6%AE%96?page=2');
});

test('滾動新聞: every public article newest first, twenty a page, 404 past the end; linked from every page', async () => {
  const asOf = new Date().toISOString();
  const total = await site.store.articles.countPublished({ asOf });
  const pages = Math.ceil(total / 20);
  const newest = await site.store.articles.listPublished({ asOf, limit: 40 });
  const p1 = await page('/zh-hans/articles');
  assert.match(p1, /<h1 class="headline">滚动新闻<\/h1>/);
  assert.match(p1, new RegExp(`共${total}篇`));
  assert.match(p1, new RegExp(`第1页,共${pages}页`));
  const list1 = linkedIds(/<ul class="list">[\s\S]*?<\/ul>/.exec(p1)![0], 'zh-hans');
  assert.deepEqual(list1, newest.slice(0, 20).map((a) => a.id));
  assert.ok(!list1.includes(ids['draft']!) && !list1.includes(ids['future']!));
  const p2 = await page('/zh-hans/articles?page=2');
  assert.deepEqual(linkedIds(/<ul class="list">[\s\S]*?<\/ul>/.exec(p2)![0], 'zh-hans'), newest.slice(20, 40).map((a) => a.id));
  assert.equal((await get(`/zh-hans/articles?page=${pages + 1}`)).status, 404);
  assert.equal((await get('/zh-hans/articles?page=x')).status, 404);
  // In the navigation of every page, in the page's script.
  for (const [path, word] of [['/zh-hant/', '滾動新聞'], [`/zh-hans/articles/${ids['first']}`, '滚动新闻'], ['/zh-hk/channels/yanbian', '滾動新聞']] as const) {
    assert.match(await page(path), new RegExp(`<a href="/${path.split('/')[1]}/articles">${word}</a>`), path);
  }
  // Without a variant, to the reader's; the switch keeps the page number.
  const neg = await get('/articles?page=2', { 'accept-language': 'zh-CN' });
  assert.equal(neg.status, 302);
  assert.equal(neg.headers.get('location'), '/zh-hans/articles?page=2');
  assert.equal((await get(`/variant/zh-hk?to=${encodeURIComponent('/zh-hans/articles?page=2&x=1')}`)).headers.get('location'), '/zh-hk/articles?page=2');
  const sitemap = await (await get('/sitemaps/zh-hant/pages.xml')).text();
  assert.match(sitemap, new RegExp(`<loc>${site.url}/zh-hant/articles</loc>`));
});

test('sharing: a QR code of the page\'s address made on the server, a Weibo link, and the address to copy', async () => {
  const id = ids['first']!;
  const html = await page(`/zh-hans/articles/${id}`);
  const share = section(html, 'share')!;
  assert.match(share, new RegExp(`<img src="/zh-hans/articles/${id}/qr.svg" width="132" height="132" alt="本文网址的二维码"`));
  const weibo = new URL(/<a href="([^"]+)"[^>]*>分享到微博<\/a>/.exec(share)![1]!.replace(/&amp;/g, '&'));
  assert.equal(`${weibo.origin}${weibo.pathname}`, 'https://service.weibo.com/share/share.php');
  assert.equal(weibo.searchParams.get('url'), `${site.url}/zh-hans/articles/${id}`);
  assert.equal(weibo.searchParams.get('title'), '双阳梅花鹿养殖户迎来鹿茸采收季');
  assert.match(share, new RegExp(`<input id="share-url" type="url" value="${site.url}/zh-hans/articles/${id}" readonly>`));
  // The copy button waits for the script; its words are in the page's script.
  assert.match(share, /<button type="button" class="copy-link" data-copy="share-url" data-copied="已复制" data-copy-failed="[^"]+" hidden>复制网址<\/button>/);

  const qr = await get(`/zh-hans/articles/${id}/qr.svg`);
  assert.equal(qr.status, 200);
  assert.equal(qr.headers.get('content-type'), 'image/svg+xml; charset=utf-8');
  const svg = await qr.text();
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
  assert.doesNotMatch(svg, /<script|on\w+=/i);
  // Drawn as a camera would see it and read back.
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).resize(400, 400, { kernel: 'nearest' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  assert.equal(decoded?.data, `${site.url}/zh-hans/articles/${id}`);
  // The same URL, the same bytes (cached, and made afresh alike).
  assert.equal(await (await get(`/zh-hans/articles/${id}/qr.svg`)).text(), svg);

  for (const hidden of ['draft', 'future', 'withdrawnBetween']) assert.equal((await get(`/zh-hans/articles/${ids[hidden]}/qr.svg`)).status, 404, hidden);
  for (const bad of ['0', 'abc', '99999999', '1e3']) assert.equal((await get(`/zh-hans/articles/${bad}/qr.svg`)).status, 404, bad);
  // Withdrawn after its code was made: the code goes with it.
  const gone = await make({ headline: '鹿鄉臨時稿', body: '很快撤下。', channels: ['deer-town'], publishedAt: ago(300) });
  assert.equal((await get(`/zh-hant/articles/${gone}/qr.svg`)).status, 200);
  await withdraw(gone);
  await waitFor(async () => (await get(`/zh-hant/articles/${gone}/qr.svg`)).status === 404);
});

test('字號 and copy link come from /assets/reader.js; the cached page holds nothing of one reader', async () => {
  const html = await page(`/zh-hant/articles/${ids['third']}`);
  assert.match(html, /<script src="\/assets\/reader\.js" defer><\/script>/);
  assert.match(html, /<div class="font-size" role="group" aria-label="字號" hidden>.*<button type="button" data-font-size="l" aria-pressed="false">大<\/button><button type="button" data-font-size="m" aria-pressed="true">中<\/button><button type="button" data-font-size="s" aria-pressed="false">小<\/button><\/div>/);
  const js = await get('/assets/reader.js');
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  const source = await js.text();
  assert.match(source, /localStorage/);
  assert.match(source, /navigator\.clipboard/);
  // Two readers with different choices get the same bytes.
  const a = await get(`/zh-hant/articles/${ids['third']}`, { cookie: 'heitu_variant=zh-hans', 'accept-language': 'en' });
  const b = await get(`/zh-hant/articles/${ids['third']}`, { 'accept-language': 'zh-CN' });
  assert.equal(a.headers.get('etag'), b.headers.get('etag'));
  assert.equal(await a.text(), await b.text());
});

test('the stylesheet prints the story: furniture and navigation hidden, source links shown', async () => {
  const css = await (await get('/assets/site.css')).text();
  const print = css.slice(css.indexOf('@media print{'));
  assert.ok(css.includes('@media print{'));
  for (const hidden of ['nav.channels', '.breadcrumb', '.font-size', '.share', '.article-nav', '.related', '.switch', 'footer.site ol']) assert.ok(print.includes(hidden), hidden);
  assert.match(print, /display:none!important/);
  assert.match(print, /\.body a\[href\^="http"\]::after[^{]*\{content:" \(" attr\(href\) "\)"/);
  const html = await page(`/zh-hant/articles/${ids['first']}`);
  assert.match(html, new RegExp(`<p class="print-only print-url">本文網址:${site.url}/zh-hant/articles/${ids['first']}</p>`));
});
