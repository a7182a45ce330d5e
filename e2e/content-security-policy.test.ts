import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { signInNewsroom, siteWithBrowser } from './support/newsroom-session.ts';
import { CONTENT_SECURITY_POLICY } from '../src/http/security-headers.ts';

const env = siteWithBrowser();
const missing = env.missing;

/** Everything the browser refused under the policy, and every script error, on this page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

test('reader pages carry the strict policy and break none of it', { skip: missing ?? false }, async () => {
  const page = await (await env.browser().newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const problems = watch(page);
  for (const path of ['/zh-hant/', '/zh-hans/articles/1', '/zh-hk/channels/yanbian', '/zh-hans/search?q=长春', '/zh-hant/tips/new', '/zh-hant/rights/claims/new']) {
    const res = await page.goto(`${env.site().url}${path}`);
    assert.equal(res?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY, path);
    assert.equal(res?.headers()['x-content-type-options'], 'nosniff', path);
  }
  // The policy is enforced, not only sent: an inline script added to the page does not run,
  // and the browser reports the refusal.
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violated: e.violatedDirective }));
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        setTimeout(() => resolve({ ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violated: '' }), 2000);
      }),
  );
  assert.deepEqual(outcome, { ran: false, violated: 'script-src-elem' });
  const unexpected = problems.filter((p) => !/inline script/.test(p));
  assert.deepEqual(unexpected, []);
});

test('the newsroom works under the policy: editor, save, preview, history and the desks', { skip: missing ?? false }, async () => {
  const chief = await signInNewsroom(env.browser(), env.site().url, 'chief');
  const problems = watch(chief);
  await chief.click('[data-action="new-article"]');
  await chief.waitForSelector('.ProseMirror');
  await chief.fill('#f-headline', '松花江畔晨练人多');
  await chief.locator('.ProseMirror').fill('清晨的江边,不少市民在打太极。');
  await chief.check('#ch-jiangcheng');
  await chief.click('[data-action="save"]');
  await chief.waitForURL(/#\/articles\/\d+$/);
  await chief.waitForSelector('[data-status="draft"]');
  await chief.click('[data-action="preview"]');
  const frame = chief.frameLocator('iframe.preview').first();
  await frame.locator('h1.headline').waitFor();
  assert.equal(await frame.locator('h1.headline').textContent(), '松花江畔晨练人多');
  for (const view of ['#/desk', '#/terms', '#/front-page', '#/tips', '#/audit']) {
    await chief.goto(`${env.site().url}/newsroom${view}`);
    await chief.waitForLoadState('networkidle');
  }
  const rights = await signInNewsroom(env.browser(), env.site().url, 'rights');
  const rightsProblems = watch(rights);
  for (const view of ['#/licensees', '#/claims']) {
    await rights.goto(`${env.site().url}/newsroom${view}`);
    await rights.waitForLoadState('networkidle');
  }
  assert.deepEqual([...problems, ...rightsProblems], []);
});
