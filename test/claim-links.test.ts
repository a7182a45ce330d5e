import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, textOf } from './support/test-site.ts';
import type { Running } from '../src/main.ts';

// A site of its own: the claim form allows five posts per address, and claims.test.ts uses them all.
let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

async function fileClaim(variant: string, links: string) {
  const form = new FormData();
  const fields = { claimant: '松原晚报社', contact: 'rights@songyuan.example', article: '1', claim: '该文转载我社稿件但未按约定注明作者署名,请更正。', links };
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  const res = await fetch(`${site.url}/${variant}/rights/claims/new`, { method: 'POST', body: form });
  return { status: res.status, text: textOf(await res.text()) };
}

test('claim links accept http(s) only', async () => {
  const before = (await site.store.claims.list({ limit: 100 })).length;
  const hans = await fileClaim('zh-hans', 'https://songyuan.example/a/1 javascript:alert(document.cookie)');
  assert.equal(hans.status, 400, hans.text);
  assert.match(hans.text, /证据连结须是以 http:\/\/ 或 https:\/\/ 开头的网址/);
  for (const bad of ['JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'ftp://songyuan.example/a']) {
    const r = await fileClaim('zh-hant', bad);
    assert.equal(r.status, 400, bad);
    assert.match(r.text, /證據連結須是以 http:\/\/ 或 https:\/\/ 開頭的網址/, bad);
  }
  assert.equal((await site.store.claims.list({ limit: 100 })).length, before, 'nothing was kept');
});
