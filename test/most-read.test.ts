import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startTestSite, textOf } from './support/test-site.ts';
import { startCliServer } from './support/cli.ts';
import { waitFor } from './support/wait.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';
import { startServer, type Running } from '../src/main.ts';
import { openStore } from '../src/store/open-store.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { seedDemoUsers } from '../src/services/demo-users.ts';
import { testConfig } from './support/test-site.ts';
import { convertText } from '../src/text/convert.ts';
import type { Store } from '../src/store/ports.ts';
import type { ArticleSummary } from '../src/domain/article.ts';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const WECHAT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49 NetType/WIFI Language/zh_CN';
const BAIDU = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)';
/** Counts are written every second and rankings read every second, so a test sees them soon. */
const FAST = { HEITU_VIEW_FLUSH_SECONDS: '1', HEITU_RANK_SECONDS: '1' };

/** A request with exactly these headers (fetch would add a User-Agent of its own). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; etag: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, etag: res.headers.etag }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function read(base: string, id: number, times: number, ua = CHROME, variant = 'zh-hant'): Promise<void> {
  for (let i = 0; i < times; i++) assert.equal((await get(`${base}/${variant}/articles/${id}`, { 'user-agent': ua })).status, 200);
}

/** Every stored view per article, all days. */
async function storedViews(store: Store): Promise<Map<number, number>> {
  const top = await store.views.top({ sinceDay: '2000-01-01', limit: 100, asOf: new Date().toISOString() });
  return new Map(top.map((t) => [t.id, t.views]));
}

/** The headlines of the 今日 and 本週 lists of a page, as readers see them. */
function mostReadOf(html: string): { today: string[]; week: string[] } | null {
  const aside = /<aside class="most-read"[^>]*>([\s\S]*?)<\/aside>/.exec(html)?.[1];
  if (aside === undefined) return null;
  const list = (cls: string) => {
    const section = new RegExp(`<section class="${cls}">([\\s\\S]*?)</section>`).exec(aside)?.[1] ?? '';
    return [...section.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
  };
  return { today: list('most-read-today'), week: list('most-read-week') };
}

async function twoInChannel(store: Store): Promise<{ channel: string; a: ArticleSummary; b: ArticleSummary; elsewhere: ArticleSummary }> {
  const asOf = new Date().toISOString();
  for (const c of await store.channels.list()) {
    const list = await store.articles.listPublished({ channel: c.slug, limit: 5, asOf });
    if (list.length < 2) continue;
    const all = await store.articles.listPublished({ limit: 100, asOf });
    const elsewhere = all.find((x) => !x.channels.includes(c.slug));
    if (elsewhere) return { channel: c.slug, a: list[0]!, b: list[1]!, elsewhere };
  }
  throw new Error('the demo site has no channel with two articles');
}

test('views are counted on article pages and shown as 點擊排行 on home and channel pages; bots, prefetches and HEAD are not counted', async () => {
  const site = await startTestSite(FAST);
  try {
    const { channel, a, b, elsewhere } = await twoInChannel(site.store);
    const home = `${site.url}/zh-hant/`;
    assert.equal(mostReadOf((await get(home)).body), null, 'no rankings before anyone reads');
    assert.equal(mostReadOf((await get(`${site.url}/zh-hant/channels/${channel}`)).body), null);

    // The first request renders the page, the others come from the cache before any routing; both count.
    await read(site.url, a.id, 3);
    await read(site.url, b.id, 4, WECHAT, 'zh-hans');
    await read(site.url, elsewhere.id, 6);
    // Revalidated by a browser that has the page: a reading too.
    const etag = (await get(`${site.url}/zh-hant/articles/${b.id}`, { 'user-agent': CHROME })).etag!;
    assert.equal((await get(`${site.url}/zh-hant/articles/${b.id}`, { 'user-agent': CHROME, 'if-none-match': etag })).status, 304);
    // A query string misses the fast path and is counted by the route.
    assert.equal((await get(`${site.url}/zh-hant/articles/${a.id}?from=weixin`, { 'user-agent': CHROME })).status, 200);
    // None of these is a reader.
    await read(site.url, a.id, 20, BAIDU);
    await read(site.url, a.id, 5, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    for (let i = 0; i < 5; i++) assert.equal((await get(`${site.url}/zh-hant/articles/${a.id}`)).status, 200);
    for (let i = 0; i < 5; i++) assert.equal((await get(`${site.url}/zh-hant/articles/${a.id}`, { 'user-agent': CHROME, 'sec-purpose': 'prefetch' })).status, 200);
    for (let i = 0; i < 5; i++) assert.equal((await get(`${site.url}/zh-hant/articles/${a.id}`, { 'user-agent': CHROME }, 'HEAD')).status, 200);
    // Neither is a page that counts.
    assert.equal((await get(`${site.url}/zh-hant/articles/99999999`, { 'user-agent': CHROME })).status, 404);

    await waitFor(async () => (await storedViews(site.store)).get(b.id) === 6);
    const stored = await storedViews(site.store);
    assert.deepEqual([stored.get(a.id), stored.get(b.id), stored.get(elsewhere.id), stored.size], [4, 6, 6, 3]);

    // The cached home page is made again when the ranking's order changes.
    await waitFor(async () => mostReadOf((await get(home)).body) !== null);
    const shown = mostReadOf((await get(home)).body)!;
    const hant = (x: ArticleSummary) => convertText(x.headline, x.language, 'zh-Hant');
    // Equal counts: the newer article (higher id) first.
    const [six1, six2] = [b, elsewhere].sort((x, y) => y.id - x.id);
    assert.deepEqual(shown.today, [hant(six1!), hant(six2!), hant(a)]);
    assert.deepEqual(shown.week, shown.today);
    // In the page's script, headlines and labels alike.
    const hans = (await get(`${site.url}/zh-hans/`)).body;
    assert.match(hans, /<h2 id="most-read-title">点击排行<\/h2>/);
    assert.match(hans, /<h3>今日<\/h3>[\s\S]*<h3>本周<\/h3>/);
    assert.deepEqual(mostReadOf(hans)!.today, [six1!, six2!, a].map((x) => convertText(x.headline, x.language, 'zh-Hans')));
    assert.match((await get(`${site.url}/zh-hk/`)).body, /<h3>本週<\/h3>/);
    // A channel ranks its own articles only.
    const inChannel = mostReadOf((await get(`${site.url}/zh-hant/channels/${channel}`)).body)!;
    assert.deepEqual(inChannel.today, [hant(b), hant(a)]);

    // More readings of `a` move it to the top once written and ranked again.
    await read(site.url, a.id, 5);
    await waitFor(async () => mostReadOf((await get(home)).body)!.today[0] === hant(a), 6000);
    // Nothing of the reader in the cached page: the same bytes whoever asks.
    assert.equal((await get(home, { 'user-agent': CHROME })).body, (await get(home, { 'user-agent': WECHAT, cookie: 'heitu_variant=zh-hans' })).body);
    const metric = async (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec((await get(`${site.url}/metrics`)).body)?.[1]);
    assert.deepEqual([await metric('heitu_article_views_written_total'), await metric('heitu_article_views_ignored_total'), await metric('heitu_article_views_pending')], [21, 35, 0]);
  } finally {
    await site.stop();
  }
});

test('a withdrawn article leaves the rankings at once, not at the next ranking', async () => {
  // Rankings read once, when the pages are first made, and not again within the test.
  const site = await startTestSite({ HEITU_VIEW_FLUSH_SECONDS: '1', HEITU_RANK_SECONDS: '3600' });
  try {
    const { channel, a, b } = await twoInChannel(site.store);
    await read(site.url, a.id, 5);
    await read(site.url, b.id, 2);
    await waitFor(async () => (await storedViews(site.store)).get(b.id) === 2);
    const hant = (x: ArticleSummary) => convertText(x.headline, x.language, 'zh-Hant');
    const home = `${site.url}/zh-hant/`;
    assert.deepEqual(mostReadOf((await get(home)).body)!.today, [hant(a), hant(b)]);
    const channelPage = `${site.url}/zh-hant/channels/${channel}`;
    assert.deepEqual(mostReadOf((await get(channelPage)).body)!.today, [hant(a), hant(b)]);
    await site.store.articles.transition(a.id, 'published', { status: 'withdrawn', statusReason: '當事人要求撤稿' }, { actorId: null, actorLogin: 'test' }, { action: 'article.withdraw' });
    // Within the content watch's poll (1 s); the rankings are an hour from being read again.
    await waitFor(async () => mostReadOf((await get(home)).body)!.today.length === 1, 3000);
    assert.deepEqual(mostReadOf((await get(home)).body), { today: [hant(b)], week: [hant(b)] });
    assert.deepEqual(mostReadOf((await get(channelPage)).body)!.today, [hant(b)]);
    // Its counts stay: it is left out because it is not public, not because it was forgotten.
    assert.equal((await site.store.views.top({ sinceDay: '2000-01-01', limit: 10, asOf: new Date().toISOString() })).some((t) => t.id === a.id), false);
  } finally {
    await site.stop();
  }
});

test('counts survive a graceful restart (the last ones are written on SIGTERM) and a crash loses at most one flush interval', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-views-'));
  const env = { HEITU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'heitu.sqlite')}`, HEITU_LOG_LEVEL: 'silent' };
  const stored = async () => {
    const store = openStore({ databaseUrl: env.DATABASE_URL, dataDir: dir });
    try {
      return await storedViews(store);
    } finally {
      await store.close();
    }
  };
  // Written only every minute: what reaches the database here is the shutdown's write.
  const first = await startCliServer({ ...env, HEITU_VIEW_FLUSH_SECONDS: '60' });
  await read(first.url, 1, 4);
  await read(first.url, 2, 1, WECHAT);
  assert.equal((await stored()).size, 0, 'nothing written before the minute is up');
  await first.stop();
  assert.deepEqual([...(await stored())].sort(), [[1, 4], [2, 1]]);

  // A process killed outright: what was counted a flush interval before is in the database.
  const second = await startCliServer({ ...env, HEITU_VIEW_FLUSH_SECONDS: '1' });
  await read(second.url, 1, 3);
  await new Promise((r) => setTimeout(r, 2500));
  await read(second.url, 2, 2);
  const exited = new Promise((r) => second.child.once('exit', r));
  second.child.kill('SIGKILL');
  await exited;
  const after = await stored();
  assert.equal(after.get(1), 7, 'the views of three seconds ago were written before the crash');
  assert.ok([1, 2, 3].includes(after.get(2)!), `at most the last second lost: ${after.get(2)}`);
});

const reachable = await postgresReachable();

test('two instances on one PostgreSQL add up, and each shows the rankings of both', { skip: reachable === true ? false : `PostgreSQL is not reachable: ${reachable}` }, async () => {
  const schema = `heitu_views_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const sites: Running[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const store = openPostgresStore(postgresTestUrl, { schema, max: 4 });
      await store.migrate();
      if (await seedDemoSite(store)) await seedDemoUsers(store);
      sites.push(await startServer(testConfig({ ...FAST, HEITU_LOG_LEVEL: 'silent' }), store));
    }
    const [x, y] = sites as [Running, Running];
    const { a, b } = await twoInChannel(x.store);
    // Both instances count the same article and day at the same time, many times over.
    await Promise.all([read(x.url, a.id, 15), read(y.url, a.id, 12, WECHAT), read(y.url, b.id, 20)]);
    await waitFor(async () => (await storedViews(x.store)).get(a.id) === 27 && (await storedViews(y.store)).get(b.id) === 20, 6000);
    // Each ranks from the database, so each shows what the other counted.
    const hant = (s: ArticleSummary) => convertText(s.headline, s.language, 'zh-Hant');
    for (const site of sites) await waitFor(async () => JSON.stringify(mostReadOf((await get(`${site.url}/zh-hant/`)).body)?.today) === JSON.stringify([hant(a), hant(b)]), 6000);
  } finally {
    await Promise.all(sites.map((s) => s.stop()));
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});
