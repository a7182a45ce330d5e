import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, textOf } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';
import { articleInputSchema } from '../src/domain/article.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';
import { createRightsService } from '../src/services/rights-service.ts';

let site: Running;
let fresh: number;
let old: number;
let inScopeKey = '';
const SYSTEM = { actorId: null, actorLogin: 'test' };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

before(async () => {
  site = await startTestSite();
  const mk = async (headline: string, daysAgo: number) =>
    (await site.store.articles.create(articleInputSchema.parse({
      language: 'zh-Hans', headline, bodyHtml: '<p>内容。</p>', rightsClass: 'reprint', sourceName: '松原晚报', channels: ['songyuan'],
      status: 'published', publishedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    }), SYSTEM)).id;
  fresh = await mk('松原查干湖冬捕节开幕', 2);
  old = await mk('松原去年的旧闻', 31);
  inScopeKey = (await createRightsService(site.store).addLicensee({ name: '松原合作方', scope: { channels: ['songyuan'], rights: ['reprint'], uses: ['reprint', 'archive'], attribution: '來源:黑土網' } }, SYSTEM)).apiKey;
});
after(() => site.stop());

async function fileClaim(variant: string, fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array<ArrayBuffer>; type: string }> = []) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append('files', new Blob([f.bytes], { type: f.type }), f.name);
  const res = await fetch(`${site.url}/${variant}/rights/claims/new`, { method: 'POST', body: form });
  return { status: res.status, html: await res.text() };
}
const good = (article: string) => ({ claimant: '松原晚报社', contact: 'rights@songyuan.example', article, claim: '该文转载我社稿件但未按约定注明作者署名,请更正。', links: 'https://songyuan.example/a/1' });

test('a claim gets a reference number; evidence is checked by its content', async () => {
  const r = await fileClaim('zh-hans', good(`${site.url}/zh-hans/articles/${fresh}`), [{ name: 'proof.png', bytes: PNG, type: 'image/png' }]);
  assert.equal(r.status, 201);
  const ref = /受理编号 (HT-\d{4}-\d{6})/.exec(textOf(r.html))?.[1];
  assert.ok(ref, textOf(r.html));
  const claims = await site.store.claims.list({ limit: 10 });
  const c = claims.find((x) => x.reference === ref)!;
  assert.equal(c.withinWindow, true);
  assert.equal((await site.store.claims.byId(c.id))!.files[0]!.contentType, 'image/png');
  // An HTML page named like an image is refused, and what was typed comes back.
  const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
  const bad = await fileClaim('zh-hant', good(String(fresh)), [{ name: 'photo.jpg', bytes: html, type: 'image/jpeg' }]);
  assert.equal(bad.status, 400);
  assert.match(textOf(bad.html), /證據文件須是圖片或 PDF/);
  assert.match(bad.html, /該文轉載我社稿件|该文转载我社稿件/);
});

test('a claim 31 days after publication is accepted and flagged', async () => {
  const r = await fileClaim('zh-hant', good(String(old)));
  assert.equal(r.status, 201);
  assert.match(textOf(r.html), /超過 30 日的提出期限/);
  const c = (await site.store.claims.list({ limit: 1 }))[0]!;
  assert.deepEqual([c.withinWindow, c.daysAfterPublication], [false, 31]);
});

test('bad input gets clear errors in the reader\'s script; robots and floods are turned away', async () => {
  const none = await fileClaim('zh-hans', { ...good('99999'), claimant: '松原晚报社' });
  assert.equal(none.status, 400);
  assert.match(textOf(none.html), /找不到这篇文章/);
  const empty = await fileClaim('zh-hant', { ...good(String(fresh)), claim: '' });
  assert.match(textOf(empty.html), /請寫明您的主張/);
  const before = (await site.store.claims.list({ limit: 100 })).length;
  const robot = await fileClaim('zh-hans', { ...good(String(fresh)), website: 'http://spam.example' });
  assert.equal(robot.status, 200);
  assert.equal((await site.store.claims.list({ limit: 100 })).length, before);
  let limited = false;
  for (let i = 0; i < 8 && !limited; i++) limited = (await fileClaim('zh-hans', good(String(fresh)))).status === 429;
  assert.ok(limited, 'the form is rate-limited');
});

test('the claims desk: assign, request information, take down; the takedown reaches the site and the API at once', async () => {
  const rm = new NewsroomClient(site.url);
  await rm.login('rights', DEMO_USERS.find((u) => u.login === 'rights')!.password);
  const list = await rm.ok<Array<{ id: number; articleId: number; status: string; reference: string }>>('GET', '/claims');
  const claim = list.find((c) => c.articleId === fresh && c.status === 'new')!;
  const item = await fetch(`${site.url}/api/content/v1/items/${fresh}`, { headers: { authorization: `Bearer ${inScopeKey}` } });
  assert.equal(((await item.json()) as { pubStatus: string }).pubStatus, 'usable');
  const detail = await rm.ok<{ files: Array<{ id: number }> }>('GET', `/claims/${claim.id}`);
  if (detail.files[0]) {
    const f = await fetch(`${site.url}/newsroom/api/claims/${claim.id}/files/${detail.files[0].id}`, { headers: { cookie: [...rm.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    assert.match(f.headers.get('content-disposition') ?? '', /^attachment/);
    assert.equal(f.headers.get('x-content-type-options'), 'nosniff');
  }
  await rm.ok('POST', `/claims/${claim.id}/assign`, {});
  await rm.ok('POST', `/claims/${claim.id}/request-info`, { note: '请提供授权合同' });
  const noNote = await rm.request('POST', `/claims/${claim.id}/take-down`, {});
  assert.equal(noNote.status, 400);
  const done = await rm.ok<{ status: string }>('POST', `/claims/${claim.id}/take-down`, { note: '核实属实,撤稿' });
  assert.equal(done.status, 'taken-down');
  const again = await rm.request('POST', `/claims/${claim.id}/reject`, { note: 'x' });
  assert.equal(again.status, 409);
  const next = await fetch(`${site.url}/api/content/v1/items/${fresh}`, { headers: { authorization: `Bearer ${inScopeKey}` } });
  assert.equal(((await next.json()) as { pubStatus: string }).pubStatus, 'canceled');
  await waitFor(async () => (await fetch(`${site.url}/zh-hans/articles/${fresh}`)).status === 404);
  const search = (await (await fetch(`${site.url}/api/search?q=${encodeURIComponent('查干湖冬捕')}`)).json()) as { results: Array<{ id: number }> };
  assert.ok(!search.results.some((r) => r.id === fresh));
  const audit = (await site.store.audit.list({ articleId: fresh, limit: 20 })).map((e) => e.action);
  for (const a of ['claim.file', 'claim.assigned', 'claim.info-requested', 'article.withdraw', 'claim.taken-down']) assert.ok(audit.includes(a), a);
  // Reporters and editors do not work the claims desk.
  const editor = new NewsroomClient(site.url);
  await editor.login('editor', DEMO_USERS.find((u) => u.login === 'editor')!.password);
  assert.equal((await editor.request('GET', '/claims')).status, 403);
});

test('public verification of licensees', async () => {
  const page = async (q: string, v = 'zh-hans') => textOf(await (await fetch(`${site.url}/${v}/licensees/verify?q=${encodeURIComponent(q)}`)).text());
  assert.match(await page('松原合作方'), /已获授权/);
  assert.match(await page('松原合作方'), /有效/);
  assert.match(await page('冒牌代理公司'), /「冒牌代理公司」未获本网授权/);
  const rights = createRightsService(site.store);
  const gone = await rights.addLicensee({ name: '已撤銷傳媒', certificateNo: 'REV-9', scope: { rights: ['original'], uses: ['reprint'], attribution: 'x' } }, SYSTEM);
  await rights.revokeLicensee(gone.licenseeId, SYSTEM);
  const revoked = await page('REV-9', 'zh-hant');
  assert.match(revoked, /已撤銷 · 授權範圍/);
  const html = await (await fetch(`${site.url}/zh-hant/licensees/verify?q=REV-9`)).text();
  assert.match(html, /data-authorised="false"/);
  assert.doesNotMatch(html, /<span class="ok">/);
  await rights.addLicensee({ name: '過期傳媒', certificateNo: 'EXP-9', scope: { rights: ['original'], uses: ['reprint'], attribution: 'x', validUntil: '2021-01-01T00:00:00Z' } }, SYSTEM);
  assert.match(await page('EXP-9', 'zh-hant'), /已過期 · 授權範圍/);
});

test('an exclusive\'s page carries its credit line and JSON-LD with copyrightHolder, copyrightNotice, creditText and license', async () => {
  const ex = await site.store.articles.create(articleInputSchema.parse({
    language: 'zh-Hans', headline: '本网专稿:查干湖冬捕现场', bodyHtml: '<p>专稿内容。</p>', rightsClass: 'exclusive', sourceName: '黑土网', channels: ['songyuan'],
    status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString(),
  }), SYSTEM);
  const html = await (await fetch(`${site.url}/zh-hant/articles/${ex.id}`)).text();
  assert.match(html, /<p class="notice">來源:黑土網<\/p>/);
  const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, unknown>;
  assert.equal((ld['copyrightHolder'] as { name: string }).name, '黑土網示範編輯部');
  assert.match(String(ld['copyrightNotice']), /^© \d{4} 黑土網示範編輯部$/);
  assert.equal(ld['creditText'], '來源:黑土網');
  assert.match(String(ld['license']), /\/zh-hant\/licensees\/verify$/);
  assert.match(String(ld['datePublished']), /\+08:00$/);
});

test('article pages carry OpenGraph and Twitter cards in the reader\'s script', async () => {
  // The fresher article was taken down above; the older one is still up.
  const html = await (await fetch(`${site.url}/zh-hant/articles/${old}`)).text();
  assert.match(html, /<meta property="og:type" content="article">/);
  assert.match(html, /<meta property="og:title" content="松原去年的舊聞 - 黑土網">/);
  assert.match(html, new RegExp(`<meta property="og:url" content="http://127.0.0.1:\\d+/zh-hant/articles/${old}">`));
  assert.match(html, /<meta property="og:locale" content="zh_TW">/);
  assert.match(html, /<meta property="article:published_time" content="\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00">/);
  assert.match(html, /<meta name="twitter:card" content="summary">/);
});
