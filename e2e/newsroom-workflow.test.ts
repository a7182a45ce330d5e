import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { byClass, textOf } from '../test/support/test-site.ts';
import { signInNewsroom, siteWithBrowser, e2eOutDir } from './support/newsroom-session.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';
import { writeAndApprove } from '../test/support/newsroom-people.ts';

const timings: Record<string, number[]> = { editorLoadMs: [], saveMs: [] };
const outDir = e2eOutDir;
const env = siteWithBrowser(() => writeFileSync(join(outDir, 'newsroom-timings.json'), JSON.stringify(timings, null, 2)));
const missing = env.missing;
const site = { get url() { return env.site().url; }, get store() { return env.site().store; } };

const signIn = (login: string): Promise<Page> => signInNewsroom(env.browser(), site.url, login);

async function shot(page: Page, name: string, t: { diagnostic(s: string): void }): Promise<void> {
  const file = join(outDir, `newsroom-${name}.png`);
  await page.screenshot({ path: file });
  t.diagnostic(`screenshot: ${file}`);
}

async function openArticle(page: Page, id: number): Promise<void> {
  const t0 = performance.now();
  await page.goto(`${site.url}/newsroom#/articles/${id}`);
  await page.waitForSelector('.ProseMirror');
  await page.waitForSelector('[data-status]');
  timings.editorLoadMs!.push(performance.now() - t0);
}

async function statusOf(page: Page): Promise<string> {
  return (await page.getAttribute('[data-status]', 'data-status')) ?? '';
}

test('a reporter writes, an editor and a responsible editor approve, readers see their names', { skip: missing ?? false }, async (t) => {
  // The reporter writes a draft.
  const reporter = await signIn('reporter');
  await shot(reporter, '1-desk', t);
  await reporter.click('[data-action="new-article"]');
  await reporter.waitForSelector('.ProseMirror');
  await reporter.fill('#f-headline', '长春南湖公园冰雪嘉年华开幕');
  await reporter.locator('.ProseMirror').fill('南湖公园今天开放冰雪乐园,市民可以免费滑冰。');
  await reporter.check('#ch-changchun');
  await reporter.fill('#f-sourceName', '黑土网');
  await shot(reporter, '2-editor', t);
  await reporter.click('[data-action="save"]');
  await reporter.waitForURL(/#\/articles\/\d+$/);
  const id = Number(/articles\/(\d+)/.exec(reporter.url())![1]);
  await reporter.waitForSelector('[data-status="draft"]');

  // A save through the UI, timed until the confirmation shows.
  await reporter.locator('.ProseMirror').fill('南湖公园今天开放冰雪乐园,市民可以免费滑冰。现场还有冰灯展。');
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await reporter.click('[data-action="save"]');
    await reporter.waitForSelector(`.notice.ok:has-text("修订 ${2 + i}")`);
    timings.saveMs!.push(performance.now() - t0);
  }
  await reporter.click('[data-action="submit"]');
  await reporter.waitForSelector('[data-status="submitted"]');
  await shot(reporter, '3-submitted', t);

  // The reporter has no approve button, and an attempt through the API is refused by the server.
  assert.equal(await reporter.locator('[data-action="approve"]').count(), 0);
  const attempt = await reporter.evaluate(async (articleId) => {
    const s = await (await fetch('/newsroom/api/session')).json();
    const r = await fetch(`/newsroom/api/articles/${articleId}/approve`, { method: 'POST', headers: { 'x-csrf-token': s.csrf } });
    return { status: r.status, body: await r.json() };
  }, id);
  assert.equal(attempt.status, 403);
  assert.equal(attempt.body.errors[0].code, 'FORBIDDEN_ROLE');

  // 初審 by the editor.
  const editor = await signIn('editor');
  await editor.click('[data-queue="submitted"]');
  await editor.click(`a[href="#/articles/${id}"]`);
  await editor.waitForSelector('[data-action="approve"]');
  await editor.click('[data-action="approve"]');
  await editor.waitForSelector('[data-status="in_review"]');
  await shot(editor, '4-first-review', t);

  // 復審 by the responsible editor, who then publishes.
  const responsible = await signIn('responsible');
  await openArticle(responsible, id);
  await responsible.click('[data-action="approve"]');
  await responsible.waitForSelector('[data-status="approved"]');
  await responsible.click('[data-action="publish"]');
  await responsible.waitForSelector('[data-status="published"]');
  await shot(responsible, '5-published', t);
  assert.equal(await statusOf(responsible), 'published');

  // The reader site shows the people who signed as 編輯 and 責編.
  const reader = await env.browser().newPage();
  await reader.goto(`${site.url}/zh-hant/articles/${id}`);
  const html = await reader.content();
  const meta = textOf(byClass(html, 'meta') ?? '');
  const [ed, resp] = [DEMO_USERS[1]!.displayName, DEMO_USERS[2]!.displayName];
  assert.match(meta, new RegExp(`編輯:${ed}`));
  assert.match(meta, new RegExp(`責編:${resp}`));
  assert.match(textOf(byClass(html, 'headline') ?? ''), /長春南湖公園冰雪嘉年華開幕/);
  await reader.screenshot({ path: join(outDir, 'newsroom-6-reader.png') });
  t.diagnostic(`screenshot: ${join(outDir, 'newsroom-6-reader.png')}`);

  // History: revisions and the audit trail with every step.
  await responsible.goto(`${site.url}/newsroom#/articles/${id}/history`);
  await responsible.waitForSelector('table[aria-label]');
  const auditText = await responsible.textContent('table[aria-label]');
  for (const action of ['article.create', 'article.save', 'article.submit', 'article.approve', 'article.publish']) assert.ok(auditText?.includes(action), action);
  await responsible.click('button:has-text("比较")');
  await responsible.waitForSelector('dl.diff ins');
  await shot(responsible, '7-history', t);
  // A few more editor loads for the timing report (navigation start until the editor and status show).
  for (let i = 0; i < 5; i++) await openArticle(responsible, id);
  t.diagnostic(`editor load ms: ${timings.editorLoadMs!.map((x) => x.toFixed(0)).join(', ')}; save ms: ${timings.saveMs!.map((x) => x.toFixed(0)).join(', ')}`);
});

test('paste from Word is cleaned to the allowed HTML; the chief editor sees the site-wide audit log', { skip: missing ?? false }, async () => {
  const page = await signIn('chief');
  await page.click('[data-action="new-article"]');
  await page.waitForSelector('.ProseMirror');
  await page.fill('#f-headline', '粘贴测试');
  await page.click('.ProseMirror');
  await page.evaluate(() => {
    const html = '<!--[if gte mso 9]><xml><o:x></o:x></xml><![endif]--><p class="MsoNormal" style="mso-x:1"><span style="font-family:宋体">第一段<o:p></o:p></span></p><script>alert(1)</script><p><b>第二段</b><img src="javascript:alert(1)"><font color="red">红字</font></p>';
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', '第一段 第二段');
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.click('[data-action="save"]');
  await page.waitForURL(/#\/articles\/\d+$/);
  const id = Number(/articles\/(\d+)/.exec(page.url())![1]);
  const stored = (await site.store.articles.byId(id))!.bodyHtml;
  assert.match(stored, /第一段/);
  assert.match(stored, /<strong>第二段<\/strong>/);
  assert.doesNotMatch(stored, /Mso|style=|class=|script|javascript|<font|<o:|<span/);
  await page.click('a[href="#/audit"]');
  await page.waitForSelector('table[aria-label] tbody tr');
  const text = (await page.textContent('table[aria-label]')) ?? '';
  for (const action of ['login', 'article.create']) assert.ok(text.includes(action), action);
});

test('the newsroom switches to Traditional', { skip: missing ?? false }, async () => {
  const page = await signIn('editor');
  await page.click('a[lang="zh-Hant"]');
  await page.waitForSelector('html[lang="zh-Hant"]');
  assert.match((await page.textContent('header')) ?? '', /黑土新聞編輯部/);
});

test('a correction waits in the editor, readers keep the published text, until someone else approves it', { skip: missing ?? false }, async (t) => {
  const { id, responsible: api } = await writeAndApprove(site.url, { headline: '四平图书馆周末开放' });
  await api.ok('POST', `/articles/${id}/publish`, {});

  // The responsible editor corrects the headline; the note is answered at the prompt.
  const corrector = await signIn('responsible');
  await openArticle(corrector, id);
  await corrector.fill('#f-headline', '四平图书馆周日开放');
  await corrector.click('[data-action="correct"]');
  await corrector.waitForSelector('[data-correction]');
  assert.equal(await corrector.locator('[data-action="approve"]').count(), 0, 'the corrector has no approve button');
  assert.equal(await corrector.inputValue('#f-headline'), '四平图书馆周日开放');
  const before = await (await fetch(`${site.url}/zh-hans/articles/${id}`)).text();
  assert.match(before, /四平图书馆周末开放/);
  assert.doesNotMatch(before, /周日开放/);

  // The chief editor sees it waiting, with what it changes, and approves it.
  const chief = await signIn('chief');
  await chief.click('[data-queue="corrections"]');
  await chief.click(`a[href="#/articles/${id}"]`);
  await chief.waitForSelector('[data-correction] dl.diff ins');
  await shot(chief, '8-correction-waiting', t);
  await chief.click('[data-action="approve"]');
  await chief.waitForFunction(() => !document.querySelector('[data-correction]') && document.querySelector('[data-status="published"]'));
  let page = '';
  for (let i = 0; i < 40 && !/周日开放/.test(page); i++) {
    page = await (await fetch(`${site.url}/zh-hans/articles/${id}`)).text();
    if (!/周日开放/.test(page)) await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(textOf(byClass(page, 'corrections') ?? ''), /更正/);
  assert.match(page, /四平图书馆周日开放/);
});
