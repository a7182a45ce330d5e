import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { CONTENT_SECURITY_POLICY, HSTS } from '../src/http/security-headers.ts';
import type { Running } from '../src/main.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${site.url}${path}`, { headers, redirect: 'manual' });

test('no page sends a Content-Security-Policy: every HTML response has the strict one, the cached fast path too', async () => {
  const first = await get('/zh-hant/articles/1');
  await first.arrayBuffer();
  // The second comes from the page cache's bytes, sent before any routing or middleware.
  const second = await get('/zh-hant/articles/1');
  await second.arrayBuffer();
  const notModified = await get('/zh-hant/articles/1', { 'if-none-match': second.headers.get('etag')! });
  for (const res of [first, second]) {
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.match(res.headers.get('permissions-policy') ?? '', /camera=\(\)/);
    assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over http');
  }
  assert.equal(notModified.status, 304);
  assert.equal(notModified.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, 'a 304 updates the stored policy too');
  assert.equal(notModified.headers.get('x-content-type-options'), 'nosniff');
  for (const path of ['/zh-hans/', '/zh-hans/no-such-page', '/newsroom', '/zh-hant/tips/new', '/zh-hant/licensees/verify?q=x']) {
    const res = await get(path);
    await res.arrayBuffer();
    assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, path);
  }
  const csp = CONTENT_SECURITY_POLICY;
  for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'"]) assert.ok(csp.includes(directive), directive);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
});

test('every response says nosniff, JSON, feeds and redirects included', async () => {
  for (const path of ['/api/search?q=长春&variant=zh-hans', '/zh-hans/feed.xml', '/sitemap.xml', '/newsroom/api/session', '/', '/assets/site.css']) {
    const res = await get(path);
    await res.arrayBuffer();
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    // XML becomes a page in a browser (the feeds through their stylesheet): it has the HTML's policy.
    const document = /xml/.test(res.headers.get('content-type') ?? '');
    assert.equal(res.headers.get('content-security-policy') !== null, document, `${path}: a policy only on documents`);
    assert.equal(res.headers.get('x-frame-options') !== null, document, path);
  }
});

test('HSTS when the public URL is https', async () => {
  const secure = await startTestSite({ HEITU_PUBLIC_URL: 'https://news.example.cn' });
  try {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${secure.url}/zh-hans/articles/1`);
      await res.arrayBuffer();
      assert.equal(res.headers.get('strict-transport-security'), HSTS);
    }
  } finally {
    await secure.stop();
  }
});
