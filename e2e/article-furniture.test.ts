import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestSite } from '../test/support/test-site.ts';
import { repoRoot } from '../test/support/cli.ts';
import { browserMissing, launchBrowser } from './support/browser.ts';
import type { Running } from '../src/main.ts';

/**
 * The article page's furniture in Chromium: 字號 remembered across a reload and other pages,
 * copy link, the page without JavaScript, and what a printer gets.
 */
const missing = browserMissing();
const outDir = join(repoRoot, 'test-output', 'e2e');

let site: Running;
let browser: Browser;

before(async () => {
  if (missing) return;
  site = await startTestSite();
  browser = await launchBrowser();
  mkdirSync(outDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

/** Everything the browser refused under the policy, and every script error. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

const bodySize = (page: Page) => page.$eval('article .body', (el) => parseFloat(getComputedStyle(el).fontSize));
const pressed = (page: Page) => page.$$eval('[data-font-size]', (bs) => bs.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.getAttribute('data-font-size')));

test('字號 大/中/小: the choice changes the text, is kept across a reload and on the next article', { skip: missing ?? false }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${site.url}/zh-hans/articles/1`);
  const group = page.locator('.font-size');
  await group.waitFor({ state: 'visible' });
  assert.deepEqual(await pressed(page), ['m']);
  const medium = await bodySize(page);

  await page.click('[data-font-size="l"]');
  assert.deepEqual(await pressed(page), ['l']);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('font-l')));
  const large = await bodySize(page);
  assert.ok(large > medium, `${large} > ${medium}`);

  await page.reload();
  await group.waitFor({ state: 'visible' });
  assert.deepEqual(await pressed(page), ['l']);
  assert.equal(await bodySize(page), large);
  await page.screenshot({ path: join(outDir, 'article-furniture-large-390.png'), fullPage: true });

  // Another article, another script: the same reader's choice.
  await page.goto(`${site.url}/zh-hant/articles/2`);
  await group.waitFor({ state: 'visible' });
  assert.deepEqual(await pressed(page), ['l']);

  await page.click('[data-font-size="s"]');
  assert.ok((await bodySize(page)) < medium);
  await page.click('[data-font-size="m"]');
  assert.equal(await bodySize(page), medium);
  await page.reload();
  assert.deepEqual(await pressed(page), ['m']);
  assert.equal(await bodySize(page), medium);
  // The buttons are targets a finger can hit.
  for (const box of await page.locator('[data-font-size]').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().toJSON() as DOMRect))) {
    assert.ok(box.width >= 44 && box.height >= 44, JSON.stringify(box));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('copy link puts the article\'s address on the clipboard and says so in the page\'s script', { skip: missing ?? false }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${site.url}/zh-hans/articles/3`);
  const button = page.locator('.copy-link');
  await button.waitFor({ state: 'visible' });
  assert.equal(await button.textContent(), '复制网址');
  await button.click();
  await page.locator('.copy-status', { hasText: '已复制' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}/zh-hans/articles/3`);
  // The QR code is drawn: an image the browser decoded, at its size.
  await page.locator('.share-qr img').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('.share-qr img') as HTMLImageElement | null)?.complete === true);
  assert.equal(await page.$eval('.share-qr img', (img) => (img as HTMLImageElement).naturalWidth > 0), true);
  await page.screenshot({ path: join(outDir, 'article-furniture-1366.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript: no size buttons, no copy button, the address to select by hand', { skip: missing ?? false }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/zh-hant/articles/1`);
  assert.equal(await page.locator('.font-size').isVisible(), false);
  assert.equal(await page.locator('.copy-link').isVisible(), false);
  const field = page.locator('#share-url');
  assert.equal(await field.isVisible(), true);
  assert.equal(await field.inputValue(), `${site.url}/zh-hant/articles/1`);
  assert.equal(await field.getAttribute('readonly'), '');
  await context.close();
});

test('printed: the story, its source and the copyright line; not the site around it', { skip: missing ?? false }, async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}/zh-hant/articles/1`);
  await page.emulateMedia({ media: 'print' });
  const visible = async (selector: string) => page.locator(selector).first().isVisible();
  for (const shown of ['h1.headline', '.meta', 'article .body', 'footer.site .operator', '.print-url']) assert.equal(await visible(shown), true, shown);
  for (const hidden of ['header.site', 'nav.channels', '.breadcrumb', '.share', '.article-nav', '.related', '.tags', 'footer.site ol.statement']) assert.equal(await visible(hidden), false, hidden);
  assert.match((await page.locator('.print-url').textContent()) ?? '', new RegExp(`${site.url}/zh-hant/articles/1$`));
  await page.pdf({ path: join(outDir, 'article-furniture-print.pdf') });
  await context.close();
});
