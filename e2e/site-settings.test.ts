import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { textOf } from '../test/support/test-site.ts';
import type { SiteSettings } from '../src/domain/site-settings.ts';
import { signInNewsroom, siteWithBrowser, e2eOutDir } from './support/newsroom-session.ts';

const env = siteWithBrowser();
const missing = env.missing;
const site = { get url() { return env.site().url; } };

const signIn = (login: string): Promise<Page> => signInNewsroom(env.browser(), site.url, login);

/** A newsroom API call from the page, as the person signed in there, with their CSRF token. */
async function callApi<T>(page: Page, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const r = await page.evaluate(async ({ method, path, body }) => {
    const { csrf } = await (await fetch('/newsroom/api/session')).json();
    const r = await fetch(`/newsroom/api${path}`, {
      method,
      headers: { 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, json: (await r.json()) as unknown };
  }, { method, path, body });
  return r as { status: number; json: T };
}

async function settingsUpdates(page: Page): Promise<Array<{ actorLogin: string; detail: { fields: string[]; to: Record<string, unknown> } }>> {
  const audit = await callApi<Array<{ action: string; actorLogin: string; detail: { fields: string[]; to: Record<string, unknown> } }>>(page, 'GET', '/audit');
  assert.equal(audit.status, 200);
  return audit.json.filter((e) => e.action === 'settings.update');
}

async function openSettings(page: Page): Promise<void> {
  await page.click('a[href="#/settings"]');
  await page.waitForSelector('form[data-view="settings"]');
}

test('an admin changes the hotline and the site name; the preview follows the typing and readers see them on their next request', { skip: missing ?? false }, async () => {
  const page = await signIn('admin');
  await openSettings(page);
  assert.equal(await page.inputValue('#s-timeZone'), 'Asia/Shanghai');
  assert.equal(await page.textContent('[data-preview="siteName"]'), '黑土網');
  // The statement's clauses, one a paragraph in the box, come back as the six the site has.
  assert.equal(await page.textContent('[data-clause-count]'), '共 6 条');

  await page.fill('#s-siteName', '吉林黑土網');
  await page.fill('#s-hotline', '0431-86668888');
  assert.equal(await page.textContent('[data-preview="siteName"]'), '吉林黑土網');
  assert.match((await page.textContent('[data-preview="hotline"]')) ?? '', /0431-86668888/);
  assert.equal(await page.textContent('[data-unsaved]'), '有未保存的修改');

  await page.click('[data-action="save-settings"]');
  const saved = (await page.textContent('.notice.ok')) ?? '';
  assert.match(saved, /站名/);
  assert.match(saved, /热线电话/);
  assert.equal(await page.textContent('[data-unsaved]'), '');

  // No waiting: the very next page a reader asks for carries the change.
  const home = textOf(await (await fetch(`${site.url}/zh-hant/`)).text());
  assert.match(home, /吉林黑土網/);
  assert.match(home, /0431-86668888/);

  const updates = await settingsUpdates(page);
  assert.equal(updates.length, 1);
  assert.equal(updates[0]!.actorLogin, 'admin');
  assert.deepEqual(updates[0]!.detail.fields, ['siteName', 'hotline']);
  assert.deepEqual(updates[0]!.detail.to, { siteName: '吉林黑土網', hotline: '0431-86668888' });

  // Saving again with nothing changed says so and writes nothing.
  await page.click('[data-action="save-settings"]');
  assert.match((await page.textContent('.notice.warn')) ?? '', /没有改动/);
  assert.equal((await settingsUpdates(page)).length, 1);
});

test('what the server refuses shows in Chinese next to its field, nothing is saved, and unsaved edits are not dropped silently', { skip: missing ?? false }, async () => {
  const page = await signIn('admin');
  await openSettings(page);
  const before = (await callApi<SiteSettings>(page, 'GET', '/settings')).json;
  const updates = (await settingsUpdates(page)).length;

  await page.fill('#s-timeZone', 'Mars/Olympus');
  await page.fill('#s-email', 'not an address');
  await page.fill('#s-claimWindowDays', '0');
  await page.click('[data-action="save-settings"]');
  await page.waitForSelector('.notice.error');
  assert.match((await page.textContent('#s-timeZone-error')) ?? '', /^这不是有效的时区/);
  assert.match((await page.textContent('#s-email-error')) ?? '', /邮箱地址/);
  assert.match((await page.textContent('#s-claimWindowDays-error')) ?? '', /1 到 365/);
  assert.equal(await page.textContent('#s-hotline-error'), '');
  assert.equal(await page.getAttribute('#s-timeZone', 'aria-invalid'), '');
  assert.match((await page.getAttribute('#s-timeZone', 'aria-describedby')) ?? '', /s-timeZone-error/);
  assert.deepEqual((await callApi<SiteSettings>(page, 'GET', '/settings')).json, before);
  assert.equal((await settingsUpdates(page)).length, updates);

  // Leaving with unsaved edits asks first; declining keeps the screen and what was typed.
  page.removeAllListeners('dialog');
  const asked: string[] = [];
  page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss(); });
  await page.click('a[href="#/desk"]');
  await page.waitForFunction(() => location.hash === '#/settings');
  assert.match(asked[0] ?? '', /未保存的修改/);
  assert.equal(await page.inputValue('#s-timeZone'), 'Mars/Olympus');
  page.once('dialog', (d) => void d.accept());
  await page.click('a[href="#/desk"]');
  await page.waitForFunction(() => location.hash === '#/desk' && !document.querySelector('form[data-view="settings"]'));

  // The same refusal in the Traditional UI is in Traditional.
  await page.goto(`${site.url}/newsroom?script=zh-hant#/settings`);
  await page.waitForSelector('form[data-view="settings"]');
  await page.fill('#s-timeZone', 'Asia/Nowhere');
  await page.click('[data-action="save-settings"]');
  await page.waitForSelector('.notice.error');
  assert.match((await page.textContent('#s-timeZone-error')) ?? '', /^這不是有效的時區/);
  assert.equal((await callApi<SiteSettings>(page, 'GET', '/settings')).json.timeZone, 'Asia/Shanghai');
});

test('only admins are offered the settings, and the API refuses anyone else', { skip: missing ?? false }, async () => {
  const page = await signIn('editor');
  await page.waitForSelector('header.top a[href="#/front-page"]');
  assert.equal(await page.locator('a[href="#/settings"]').count(), 0);
  assert.equal((await callApi(page, 'GET', '/settings')).status, 403);
  const put = await callApi<{ errors: Array<{ code: string }> }>(page, 'PUT', '/settings', { hotline: '110' });
  assert.equal(put.status, 403);
  assert.equal(put.json.errors[0]?.code, 'FORBIDDEN_ROLE');
  await page.goto(`${site.url}/newsroom#/settings`);
  await page.waitForSelector('.notice.error');
  assert.equal(await page.locator('form[data-view="settings"]').count(), 0);
});

test('the settings hold at phone width: one label a line, nothing wider than the screen', { skip: missing ?? false }, async (t) => {
  const page = await signIn('admin');
  await page.setViewportSize({ width: 390, height: 844 });
  await openSettings(page);
  const layout = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
      })
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}`);
    // Every control but the checkbox starts below its label.
    const sideBySide = [...document.querySelectorAll('form[data-view="settings"] label')]
      .map((l) => ({ label: l.getBoundingClientRect(), control: document.getElementById(l.getAttribute('for') ?? '') }))
      .filter(({ control }) => control && !(control instanceof HTMLInputElement && control.type === 'checkbox'))
      .filter(({ label, control }) => control!.getBoundingClientRect().top < label.bottom)
      .map(({ control }) => control!.id);
    const labelled = [...document.querySelectorAll('form[data-view="settings"] [name]')].every((c) => document.querySelector(`label[for="${c.id}"]`));
    return { width, scrollWidth: document.documentElement.scrollWidth, wide, sideBySide, labelled };
  });
  const file = join(e2eOutDir, 'settings-390.png');
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshot: ${file}`);
  assert.equal(layout.width, 390);
  assert.ok(layout.scrollWidth <= layout.width, `the page scrolls sideways: ${layout.scrollWidth}px`);
  assert.deepEqual(layout.wide, []);
  assert.deepEqual(layout.sideBySide, []);
  assert.ok(layout.labelled, 'every field has a label');
});
