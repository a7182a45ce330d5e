import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { webLink, webLinkSchema } from './web-link.ts';

test('web addresses are kept, everything a browser would run or misread is not', () => {
  assert.equal(webLink('https://songyuan.example/a/1'), 'https://songyuan.example/a/1');
  assert.equal(webLink(' HTTP://Songyuan.example '), 'http://songyuan.example/');
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd', 'ftp://a.example/',
    'http:evil.example', '//evil.example', 'https://bank.example@evil.example/', 'https://a.example/\u0000', 'java\tscript:alert(1)', 'https://', 'https://a .example/']) {
    assert.equal(webLink(bad), null, JSON.stringify(bad));
    assert.equal(webLinkSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

test('for any string, what the schema accepts is an http(s) address with a host', () => {
  const input = fc.oneof(fc.string(), fc.webUrl(), fc.tuple(fc.constantFrom('http://', 'https://', 'javascript:', 'HTTP://', ' '), fc.string()).map(([a, b]) => a + b));
  fc.assert(
    fc.property(input, (raw) => {
      const r = webLinkSchema.safeParse(raw);
      if (!r.success) return;
      const url = new URL(r.data);
      assert.ok(url.protocol === 'http:' || url.protocol === 'https:', r.data);
      assert.ok(url.hostname && !url.username && !url.password, r.data);
      assert.equal(webLink(r.data), r.data, 'stable');
    }),
    { numRuns: 2000 },
  );
});
