import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, importSeed, textOf } from './support/test-site.ts';
import type { Running } from '../src/main.ts';
import { articleInputSchema } from '../src/domain/article.ts';

let site: Running;
let seedId: number;
const SYSTEM = { actorId: null, actorLogin: 'test' };

before(async () => {
  site = await startTestSite();
  seedId = await importSeed(site.store);
  await site.store.articles.create(
    articleInputSchema.parse({
      language: 'zh-Hans', headline: '明年冰灯节将提前开幕', bodyHtml: '<p>禁发内容。</p>', rightsClass: 'original', channels: ['yanbian'],
      status: 'scheduled', publishedAt: '2099-01-01T00:00:00Z',
    }),
    SYSTEM,
  );
});
after(() => site.stop());

type Api = { results: Array<{ id: number; headline: string; url: string; snippet: string }>; total: number };
const api = async (qs: string) => {
  const res = await fetch(`${site.url}/api/search?${qs}`);
  return { status: res.status, body: (await res.json()) as Api & { errors?: Array<{ code: string; message: string }> } };
};

test('a Simplified query finds the Traditional seed article, and the other way round', async () => {
  const s = await api(`q=${encodeURIComponent('长春 领导干部大会')}&variant=zh-hans`);
  assert.equal(s.status, 200);
  assert.ok(s.body.results.some((r) => r.id === seedId), JSON.stringify(s.body));
  const hit = s.body.results.find((r) => r.id === seedId)!;
  assert.equal(hit.headline, '吉林省全省领导干部大会在长春召开');
  assert.match(hit.url, new RegExp(`/zh-hans/articles/${seedId}$`));
  assert.match(hit.snippet, /<mark>/);
  assert.doesNotMatch(hit.snippet.replace(/<\/?mark>/g, ''), /[<>]/);
  const t = await api(`q=${encodeURIComponent('問題疫苗')}&variant=zh-hant`);
  assert.ok(t.body.results.some((r) => r.id === seedId));
  const demoHans = await api(`q=${encodeURIComponent('長白山')}&variant=zh-hant`);
  assert.ok(demoHans.body.total >= 1);
  assert.ok(demoHans.body.results.every((r) => !/[长门]/.test(r.headline)), 'headlines in the reader\'s script');
});

test('the search page in each variant highlights in the reader\'s script', async () => {
  const hans = await (await fetch(`${site.url}/zh-hans/search?q=${encodeURIComponent('問題疫苗')}`)).text();
  assert.match(hans, /<mark>问题疫苗<\/mark>/);
  const hant = await (await fetch(`${site.url}/zh-hant/search?q=${encodeURIComponent('问题疫苗')}`)).text();
  assert.match(hant, /<mark>問題疫苗<\/mark>/);
  const hk = await fetch(`${site.url}/zh-hk/search?q=${encodeURIComponent('冰燈')}`);
  assert.equal(hk.status, 200);
  const empty = await fetch(`${site.url}/zh-hans/search`);
  assert.equal(empty.status, 200);
  assert.match(await empty.text(), /<form class="search"/);
});

test('filters: channel, region and date range', async () => {
  const all = await api(`q=${encodeURIComponent('长春')}`);
  const inRegion = await api(`q=${encodeURIComponent('长春')}&region=changchun`);
  assert.ok(inRegion.body.total >= 1 && inRegion.body.total <= all.body.total);
  for (const r of inRegion.body.results) assert.ok((await site.store.articles.byId(r.id))!.channels.includes('changchun'));
  const old = await api(`q=${encodeURIComponent('长春')}&from=2018-08-26&to=2018-08-26`);
  assert.deepEqual(old.body.results.map((r) => r.id), [seedId]);
  const none = await api(`q=${encodeURIComponent('长春')}&from=2019-01-01&to=2019-12-31`);
  assert.equal(none.body.total, 0);
});

test('an embargoed article is not found before its time', async () => {
  const r = await api(`q=${encodeURIComponent('冰灯节提前开幕')}`);
  assert.ok(!r.body.results.some((x) => x.headline.includes('提前开幕')));
  const page = await (await fetch(`${site.url}/zh-hans/search?q=${encodeURIComponent('提前开幕')}`)).text();
  assert.doesNotMatch(page, /禁发内容|明年冰灯节/);
});

test('bad queries get a clear answer in the reader\'s script, never a 500', async () => {
  const cases: Array<[string, number, RegExp | null]> = [
    ['q=', 400, /请输入要搜索的词/],
    [`q=${'长'.repeat(101)}`, 400, /搜索词太长/],
    ['q=%22%22%20AND%20OR%20NEAR(%20*%20-%20%5E%20%3A', 200, null],
    ['q=%E2%80%9C%E2%80%9D%EF%BC%81', 200, null],
    [`q=${encodeURIComponent("'; drop table articles; --")}`, 200, null],
    ['q=x&from=2026-13-01', 400, /日期/],
    ['q=x&channel=atlantis', 400, /頻道|频道/],
    ['q=x&page=999999999', 200, null],
  ];
  for (const [qs, status, message] of cases) {
    const r = await api(`${qs}&variant=zh-hans`);
    assert.equal(r.status, status, qs);
    if (message) assert.match(r.body.errors![0]!.message, message, qs);
    const page = await fetch(`${site.url}/zh-hans/search?${qs}`);
    assert.equal(page.status, status, `page ${qs}`);
    if (message) assert.match(textOf(await page.text()), message);
  }
  const hant = await api('q=&variant=zh-hant');
  assert.match(hant.body.errors![0]!.message, /請輸入要搜索的詞/);
  assert.ok((await site.store.articles.count()) > 30, 'nothing was dropped');
});

test('/api/search says Vary', async () => {
  // Without ?variant= the script comes from the reader's cookie or browser: shared caches must not mix them up.
  const negotiated = await fetch(`${site.url}/api/search?q=${encodeURIComponent('长春')}`, { headers: { 'accept-language': 'zh-TW' } });
  assert.equal(negotiated.status, 200);
  const vary = (negotiated.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/);
  assert.ok(vary.includes('accept-language') && vary.includes('cookie'), vary.join());
  assert.match(negotiated.headers.get('cache-control') ?? '', /private/);
  // With it, the answer depends on the address alone.
  const named = await fetch(`${site.url}/api/search?q=${encodeURIComponent('长春')}&variant=zh-hant`);
  assert.equal(named.status, 200);
  assert.doesNotMatch(named.headers.get('vary') ?? '', /accept-language|cookie/i);
  assert.match(named.headers.get('cache-control') ?? '', /public/);
  // A refused query is not kept anywhere.
  const refused = await fetch(`${site.url}/api/search?q=&variant=zh-hant`);
  assert.equal(refused.status, 400);
  assert.match(refused.headers.get('cache-control') ?? '', /no-store/);
  // A variant-less address that is not a page answers in the reader's script, and says so.
  const missing = await fetch(`${site.url}/no-such-page`, { headers: { 'accept-language': 'zh-CN' } });
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get('vary') ?? '', /Accept-Language/i);
  // A page from the cache answers If-None-Match with the same Vary and Cache-Control as the page.
  const page = await fetch(`${site.url}/zh-hans/search?q=${encodeURIComponent('长春')}`);
  const again = await fetch(`${site.url}/zh-hans/search?q=${encodeURIComponent('长春')}`, { headers: { 'if-none-match': page.headers.get('etag')! } });
  assert.equal(again.status, 304);
  assert.equal(again.headers.get('vary'), page.headers.get('vary'));
  assert.equal(again.headers.get('cache-control'), page.headers.get('cache-control'));
});

test('/api/search is cached like the search page when the variant is named', async () => {
  const url = `${site.url}/api/search?q=${encodeURIComponent('长春')}&variant=zh-hans`;
  const first = await fetch(url);
  const body = await first.text();
  assert.equal(first.status, 200);
  const etag = first.headers.get('etag');
  assert.ok(etag, 'an answer kept as bytes has an ETag');
  const again = await fetch(url, { headers: { 'if-none-match': etag } });
  assert.equal(again.status, 304);
  assert.equal(JSON.parse(body).total > 0, true);
  const refused = await fetch(`${site.url}/api/search?q=&variant=zh-hans`);
  assert.equal(refused.status, 400);
  assert.equal(refused.headers.get('cache-control'), 'no-store');
});
