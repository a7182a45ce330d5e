import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, importSeed, byClass, textOf } from './support/test-site.ts';
import { signIn, writeAndApprove } from './support/newsroom-people.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';
import { articleInputSchema } from '../src/domain/article.ts';
import { articleToNinjs } from '../src/domain/ninjs/to-ninjs.ts';
import { formatLocalDateTime, localParts } from '../src/domain/time.ts';

/**
 * Issue 12 point 4 through the reader site: list dates carry the year whenever it is not the
 * current one, times are the site's with its zone named, the 電頭 lead shows what the editor
 * filled, and names are in the page's script whatever script their owner writes them in.
 */
let site: Running;
let seedId: number;
const SYSTEM = { actorId: null, actorLogin: 'test' };
const ZONE = 'Asia/Shanghai';

before(async () => {
  site = await startTestSite();
  seedId = await importSeed(site.store);
});
after(() => site.stop());

const page = async (path: string) => {
  const res = await fetch(`${site.url}${path}`);
  assert.equal(res.status, 200, path);
  return res.text();
};

/** Each list entry's `<time>`: when it is and what it shows. */
const listTimes = (html: string) => [...html.matchAll(/<time datetime="([^"]+)">([^<]*)<\/time>/g)].map((m) => ({ at: m[1]!, shown: m[2]! }));

/** What a list must show for an instant: the year exactly when it is not this year in the site zone. */
function expectedListDate(at: string, zone = ZONE): string {
  const full = formatLocalDateTime(at, zone);
  return localParts(at, zone).year === localParts(new Date().toISOString(), zone).year ? full.slice(5, 16) : full.slice(0, 10);
}

test('a story from another year carries its year in lists; this year\'s do not', async () => {
  const lastYear = localParts(new Date().toISOString(), ZONE).year - 1;
  const old = await site.store.articles.create(articleInputSchema.parse({
    language: 'zh-Hans', headline: '辽源去年冬天的一场雪', bodyHtml: '<p>去年冬天的一场雪下了整整两天。</p>', rightsClass: 'original',
    channels: ['liaoyuan'], status: 'published', publishedAt: `${lastYear}-12-31T15:30:00Z`,
  }), SYSTEM);
  for (const path of ['/zh-hans/channels/liaoyuan', '/zh-hant/channels/liaoyuan', '/zh-hans/', '/zh-hant/channels/changchun']) {
    await waitFor(async () => (await page(path)).includes(`/articles/${old.id}`) || !path.endsWith('liaoyuan'));
    const times = listTimes(await page(path));
    assert.ok(times.length > 0, path);
    for (const t of times) assert.equal(t.shown, expectedListDate(t.at), `${path} ${t.at}`);
  }
  // 23:30 on New Year's Eve in Beijing: last year, shown with it.
  const liaoyuan = await page('/zh-hans/channels/liaoyuan');
  assert.match(liaoyuan, new RegExp(`<a href="/zh-hans/articles/${old.id}">[^<]*</a><time datetime="[^"]+">${lastYear}-12-31</time>`));
  // The seed article, among this week's stories in 長春.
  const changchun = listTimes(await page('/zh-hant/channels/changchun'));
  assert.ok(changchun.some((t) => t.shown === '2018-08-26'), JSON.stringify(changchun));
  assert.ok(changchun.some((t) => /^\d{2}-\d{2} \d{2}:\d{2}$/.test(t.shown)), 'this week\'s stories without a year');
});

test('search results date their stories the same way', async () => {
  const html = await page(`/zh-hant/search?${new URLSearchParams({ q: '領導幹部大會' })}`);
  const times = listTimes(html);
  assert.ok(times.some((t) => t.shown === '2018-08-26'), JSON.stringify(times));
  for (const t of times) assert.equal(t.shown, expectedListDate(t.at));
});

test('the article page names the zone after the time, in the page\'s script, and datetime has the offset', async () => {
  const hant = await page(`/zh-hant/articles/${seedId}`);
  assert.match(byClass(hant, 'meta')!, /^<time datetime="2018-08-26T23:23:27\+08:00">2018-08-26 23:23:27<\/time> <span class="zone">北京時間<\/span>/);
  const hans = await page(`/zh-hans/articles/${seedId}`);
  assert.match(textOf(byClass(hans, 'meta')!), /^2018-08-26 23:23:27 北京时间\s*\|\s*来源:中国吉林网/);
  // The imported lead is printed as it was written.
  assert.match(hant, /<span class="dateline">中國吉林網8月26日訊:<\/span>/);
});

test('signer names filled by the workflow are in the page\'s script: 杜文傑 on a Simplified article', async () => {
  const { id, responsible } = await writeAndApprove(site.url, {
    headline: '四平新建社区图书馆开放', byline: '记者 王曉梅', sourceName: '黑土網',
    dateline: { place: '四平', source: '黑土網' },
  });
  await responsible.ok('POST', `/articles/${id}/publish`, {});
  const hans = await page(`/zh-hans/articles/${id}`);
  assert.match(textOf(byClass(hans, 'meta')!), /来源:黑土网\|编辑:杜文杰\|责编:刘静宇$/);
  assert.equal(textOf(byClass(hans, 'byline')!), '记者 王晓梅');
  const hant = await page(`/zh-hant/articles/${id}`);
  assert.match(textOf(byClass(hant, 'meta')!), /來源:黑土網\|編輯:杜文傑\|責編:劉靜宇$/);
  assert.equal(textOf(byClass(hant, 'byline')!), '記者 王曉梅');
  // JSON-LD names the same people the same way.
  const ld = (html: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as { author: { name: string }; editor: { name: string } };
  assert.deepEqual([ld(hans).author.name, ld(hans).editor.name], ['记者 王晓梅', '杜文杰']);
  assert.deepEqual([ld(hant).author.name, ld(hant).editor.name], ['記者 王曉梅', '杜文傑']);
  // Feeds' author lines too.
  const rss = await page('/zh-hans/feed.xml');
  assert.match(rss, /<dc:creator>记者 王晓梅<\/dc:creator>/);
  assert.doesNotMatch(rss, /王曉梅/);
});

test('the 電頭 the editor fills shows, dated by the publication in the site zone, in the page\'s script', async () => {
  const { id, responsible } = await writeAndApprove(site.url, { headline: '延吉早市迎来春节备货高峰', dateline: { place: '延吉', source: '黑土網' } });
  await responsible.ok('POST', `/articles/${id}/publish`, {});
  const published = (await site.store.articles.byId(id))!;
  assert.equal(published.dateline.date, null, 'the editor gave no date');
  const { month, day } = localParts(published.publishedAt!, ZONE);
  assert.match(await page(`/zh-hans/articles/${id}`), new RegExp(`<p><span class="dateline">黑土网延吉${month}月${day}日讯：</span>第一段内容。`));
  assert.match(await page(`/zh-hant/articles/${id}`), new RegExp(`<p><span class="dateline">黑土網延吉${month}月${day}日訊：</span>第一段內容。`));
  assert.match(await page(`/zh-hk/articles/${id}`), new RegExp(`<span class="dateline">黑土網延吉${month}月${day}日訊：</span>`));
  // Feeds and licensees' ninjs carry the same lead, as text before the first paragraph's words.
  await waitFor(async () => (await page('/zh-hans/feed.xml')).includes(`黑土网延吉${month}月${day}日讯：第一段内容。`));
  const ninjs = articleToNinjs(published, { timeZone: ZONE, siteName: '黑土網', channelName: (s) => s, rightsLabel: (r) => r });
  assert.match(String((ninjs['bodies'] as Array<{ value: string }>)[0]!.value), new RegExp(`黑土网延吉${month}月${day}日讯：第一段内容。`));
  // A wire service files 電; only a place means the site filed it.
  const wire = await writeAndApprove(site.url, { headline: '白山通报冬季供暖情况', dateline: { place: '白山', source: '东北新闻通讯社' } });
  await wire.responsible.ok('POST', `/articles/${wire.id}/publish`, {});
  assert.match(await page(`/zh-hant/articles/${wire.id}`), /<span class="dateline">東北新聞通訊社白山\d{1,2}月\d{1,2}日電：<\/span>/);
  const own = await writeAndApprove(site.url, { headline: '四平街头的冰灯亮了', dateline: { place: '四平', source: null } });
  await own.responsible.ok('POST', `/articles/${own.id}/publish`, {});
  assert.match(await page(`/zh-hans/articles/${own.id}`), /<span class="dateline">黑土网四平\d{1,2}月\d{1,2}日讯：<\/span>/);
});

test('another zone: its name, or its offset, and the times move with it', async () => {
  const admin = await signIn(site.url, 'admin');
  await admin.ok('PUT', '/settings', { timeZone: 'Asia/Taipei' });
  await waitFor(async () => (await page(`/zh-hant/articles/${seedId}`)).includes('臺北時間'));
  assert.match(textOf(byClass(await page(`/zh-hans/articles/${seedId}`), 'meta')!), /^2018-08-26 23:23:27 台北时间/);
  await admin.ok('PUT', '/settings', { timeZone: 'Asia/Tokyo' });
  await waitFor(async () => (await page(`/zh-hant/articles/${seedId}`)).includes('UTC+09:00'));
  assert.match(byClass(await page(`/zh-hant/articles/${seedId}`), 'meta')!, /^<time datetime="2018-08-27T00:23:27\+09:00">2018-08-27 00:23:27<\/time> <span class="zone">UTC\+09:00<\/span>/);
  const times = listTimes(await page('/zh-hant/channels/changchun'));
  assert.ok(times.some((t) => t.shown === '2018-08-27'), JSON.stringify(times));
  for (const t of times) assert.equal(t.shown, expectedListDate(t.at, 'Asia/Tokyo'));
  await admin.ok('PUT', '/settings', { timeZone: ZONE });
});
