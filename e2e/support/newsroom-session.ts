import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/services/demo-users.ts';
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestSite } from '../../test/support/test-site.ts';
import { repoRoot } from '../../test/support/cli.ts';
import { browserMissing, launchBrowser } from './browser.ts';
import type { Running } from '../../src/main.ts';

/**
 * A demo user signed in to the newsroom in a browser context of their own. Prompts are answered
 * with `promptAnswer` (the UI asks for reasons that way).
 */
export async function signInNewsroom(browser: Browser, siteUrl: string, login: string, promptAnswer = '核实属实,撤稿'): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  page.on('pageerror', (e) => console.error(`page error (${login}):`, e.message));
  page.on('dialog', (d) => void d.accept(d.type() === 'prompt' ? promptAnswer : undefined));
  await page.goto(`${siteUrl}/newsroom`);
  await page.fill('#login', login);
  await page.fill('#password', DEMO_USERS.find((u) => u.login === login)!.password);
  await page.click('button[type=submit]');
  await page.waitForSelector(`[data-user="${login}"]`);
  return page;
}


export const e2eOutDir = join(repoRoot, 'test-output', 'e2e');

/**
 * A demo site and a browser for the tests of one file, started before them and stopped after.
 * `missing` says why browser tests are skipped here (never in CI, where that is an error).
 */
export function siteWithBrowser(onAfter?: () => void): { missing: string | null; site: () => Running; browser: () => Browser } {
  const missing = browserMissing();
  let site: Running | undefined;
  let browser: Browser | undefined;
  before(async () => {
    if (missing) return;
    site = await startTestSite();
    browser = await launchBrowser();
    mkdirSync(e2eOutDir, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await site?.stop();
    if (!missing) onAfter?.();
  });
  return { missing, site: () => site!, browser: () => browser! };
}
