import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { signIn } from './support/newsroom-people.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

test('admins change the site settings in the newsroom: audited, on every page at its next render, validated', async () => {
  const admin = await signIn(site.url, 'admin');
  const current = await admin.ok<{ hotline: string; operator: string }>('GET', '/settings');
  assert.ok(current.operator);
  // A page cached before the change.
  assert.doesNotMatch(await (await fetch(`${site.url}/zh-hant/`)).text(), /0431-88886666/);
  const changed = await admin.ok<{ hotline: string; claimWindowDays: number }>('PUT', '/settings', { hotline: '0431-88886666', claimWindowDays: 45 });
  assert.equal(changed.hotline, '0431-88886666');
  assert.equal(changed.claimWindowDays, 45);
  await waitFor(async () => (await (await fetch(`${site.url}/zh-hant/`)).text()).includes('0431-88886666'));
  const audit = await admin.ok<Array<{ action: string; detail: { fields: string[] } }>>('GET', '/audit');
  const entry = audit.find((e) => e.action === 'settings.update');
  assert.deepEqual(entry?.detail.fields, ['hotline', 'claimWindowDays']);

  // Each refusal names its field, so the newsroom can say what is wrong next to it; nothing is written.
  const bad = await admin.request('PUT', '/settings', { email: 'not an address', timeZone: 'Mars/Olympus', claimWindowDays: 0, copyrightClauses: ['一', ' '] });
  assert.equal(bad.status, 400);
  assert.deepEqual((bad.json.errors as Array<{ property?: string }>).map((e) => e.property).sort(), ['claimWindowDays', 'copyrightClauses.1', 'email', 'timeZone']);
  assert.equal((await admin.ok<{ timeZone: string }>('GET', '/settings')).timeZone, 'Asia/Shanghai');
  const editor = await signIn(site.url, 'editor');
  assert.equal((await editor.request('GET', '/settings')).status, 403);
  assert.equal((await editor.request('PUT', '/settings', { hotline: '110' })).status, 403);
});
