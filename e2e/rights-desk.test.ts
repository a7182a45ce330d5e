import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signInNewsroom, siteWithBrowser, e2eOutDir } from './support/newsroom-session.ts';

const outDir = e2eOutDir;
const env = siteWithBrowser();
const missing = env.missing;
const site = { get url() { return env.site().url; }, get store() { return env.site().store; } };

const signIn = (login: string): Promise<Page> => signInNewsroom(env.browser(), site.url, login);

test('a rights manager registers a licensee, sees the key once, watches its usage, and takes down an article from a claim', { skip: missing ?? false }, async (t) => {
  const page = await signIn('rights');
  await page.click('a[href="#/licensees"]');
  await page.fill('#l-name', '图们江晨报');
  await page.check('#channels-yanbian');
  // With the archive use: an agreement without it starts when it is made, and the demo's articles are older.
  await page.check('#uses-archive');
  await page.click('form.card button[type=submit]');
  await page.waitForSelector('[data-api-key], .notice.error');
  assert.equal(await page.locator('.notice.error').count(), 0, (await page.locator('.notice.error').textContent().catch(() => '')) ?? '');
  const key = (await page.textContent('[data-api-key]'))!;
  assert.match(key, /^htk_/);
  await page.screenshot({ path: join(outDir, 'rights-1-licensees.png') });
  t.diagnostic(`screenshot: ${join(outDir, 'rights-1-licensees.png')}`);
  // The licensee syncs, then the usage page shows it.
  const sync = await fetch(`${site.url}/api/content/v1/items`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(sync.status, 200);
  await page.reload();
  await page.waitForSelector('table[aria-label] tbody tr');
  assert.ok(!(await page.content()).includes(key), 'the key is not shown again');
  await page.click('a[href$="/usage"]');
  await page.waitForSelector('svg[role=img] rect');
  const usage = (await page.textContent('table[aria-label] tbody tr')) ?? '';
  assert.match(usage, /\d{4}-\d{2}-\d{2}/);
  const served = ((await sync.json()) as { items: unknown[] }).items.length;
  assert.ok(served > 0);
  assert.equal(await page.textContent('table[aria-label] tbody tr td:nth-child(3)'), String(served));
  await page.screenshot({ path: join(outDir, 'rights-2-usage.png') });

  // A claim from the public form, then the desk.
  const reader = await env.browser().newPage();
  const target = (await site.store.articles.listPublished({ channel: 'yanbian', limit: 1, asOf: new Date().toISOString() }))[0]!;
  await reader.goto(`${site.url}/zh-hans/rights/claims/new?article=${target.id}`);
  await reader.fill('#claimant', '图们江晨报社');
  await reader.fill('#contact', 'rights@tumen.example');
  await reader.fill('#claim', '该文使用了我社摄影作品,未经授权,请撤稿。');
  // The claim form's own button: the header's search form has one too.
  await reader.click('main form button[type=submit]');
  const reference = /HT-\d{4}-\d{6}/.exec((await reader.textContent('.claim-reference')) ?? '')![0];
  await page.click('a[href="#/claims"]');
  await page.click(`text=${reference}`);
  await page.click('[data-action="assign"]');
  await page.waitForSelector('[data-action="take-down"]');
  await page.click('[data-action="take-down"]');
  await page.waitForSelector('h1:has-text("已撤稿")');
  await page.screenshot({ path: join(outDir, 'rights-3-claim.png') });
  assert.equal((await site.store.articles.byId(target.id))?.status, 'withdrawn');
});

test('an editor sets the lead story and a special topic in the newsroom; the home page follows', { skip: missing ?? false }, async () => {
  const page = await signIn('editor');
  const pick = (await env.site().store.articles.listPublished({ channel: 'tonghua', limit: 2, asOf: new Date().toISOString() }));
  await page.click('a[href="#/front-page"]');
  await page.fill('#fp-lead', String(pick[0]!.id));
  await page.fill('#fp-rec', '');
  await page.click('form.card:first-of-type button[type=submit]');
  await page.waitForFunction((id) => (document.querySelector('#fp-lead') as HTMLInputElement | null)?.value === String(id), pick[0]!.id);
  await page.fill('#tp-slug-new', 'tonghua-week');
  await page.fill('#tp-title-new', '通化一周');
  await page.fill('#tp-ids-new', pick.map((a) => a.id).join(','));
  await page.click('#tp-ids-new >> xpath=ancestor::form//button[@type="submit"]');
  await page.waitForSelector('#tp-slug-tonghua-week');
  const reader = await env.browser().newPage();
  for (let i = 0; i < 40; i++) {
    await reader.goto(`${site.url}/zh-hans/`);
    if ((await reader.content()).includes('通化一周')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(await reader.content(), new RegExp(`class="lead-headline"><a href="/zh-hans/articles/${pick[0]!.id}"`));
  assert.match(await reader.content(), /专题:通化一周/);
});
