import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeTag, sitePath } from './reader-paths.ts';

test('the site\'s own pages come back in the asked variant, with only the query they read', () => {
  assert.equal(sitePath('/zh-hans/articles/12', 'zh-hk'), '/zh-hk/articles/12');
  assert.equal(sitePath('/articles/12', 'zh-hant'), '/zh-hant/articles/12');
  assert.equal(sitePath('/', 'zh-hans'), '/zh-hans/');
  assert.equal(sitePath('/zh-hk', 'zh-hans'), '/zh-hans/');
  assert.equal(sitePath('/zh-hant/channels/yanbian?page=2&utm_source=x', 'zh-hk'), '/zh-hk/channels/yanbian?page=2');
  assert.equal(sitePath('/search?q=%E9%95%B7%E6%98%A5&channel=yanbian&evil=1', 'zh-hans'), '/zh-hans/search?q=%E9%95%B7%E6%98%A5&channel=yanbian');
  assert.equal(sitePath('/zh-hans/channels/yanbian/feed.xml', 'zh-hk'), '/zh-hk/channels/yanbian/feed.xml');
  assert.equal(sitePath('/zh-hant/articles?page=3&q=1', 'zh-hans'), '/zh-hans/articles?page=3');
  assert.equal(sitePath('/articles', 'zh-hk'), '/zh-hk/articles');
  // A tag is written afresh in one encoding, however it came.
  assert.equal(sitePath('/zh-hant/tags/%e9%95%b7%e6%98%a5?page=2', 'zh-hans'), '/zh-hans/tags/%E9%95%B7%E6%98%A5?page=2');
  assert.equal(sitePath('/zh-hant/tags/長春', 'zh-hk'), '/zh-hk/tags/%E9%95%B7%E6%98%A5');
  assert.equal(sitePath('/tags/a%2Fb', 'zh-hk'), '/zh-hk/tags/a%2Fb');
});

test('anything else is not a page of the site', () => {
  for (const to of ['', 'zh-hk/', '//evil.example/', '/\\evil.example', 'https://evil.example/', '/zh-hk//evil.example', '/zh-hk/\r\nSet-Cookie: a=1',
    '/zh-hk/articles/1\r\n', '/zh-hk/articles/0', '/zh-hk/articles/1/../../admin', '/newsroom', '/zh-hk/zh-hans/', '/zh-hk/articles/%31', '/zh-hk/ articles/1', '/variant/zh-hk?to=/',
    '/zh-hk/tags/', '/zh-hk/tags/%E9%95', '/zh-hk/tags/%00', '/zh-hk/tags/%20x', `/zh-hk/tags/${'a'.repeat(41)}`, '/zh-hk/tags/a/b', '/zh-hk/articles/1/qr.svg']) {
    assert.equal(sitePath(to, 'zh-hk'), null, JSON.stringify(to));
  }
});

/** What a Location header may hold: printable ASCII only. */
const HEADER_SAFE = /^[\x21-\x7e]*$/;
const KNOWN = /^\/zh-hk\/(?:|articles|articles\/[1-9]\d*|tags\/[A-Za-z0-9%\-_.!~*'()]+|channels\/[a-z0-9-]+|topics\/[a-z0-9-]+|search|licensees\/verify|rights\/claims\/new|tips\/new|(?:channels\/[a-z0-9-]+\/)?(?:feed\.xml|atom\.xml|feed\.json))(?:\?.*)?$/;

test('for any string, the result is null or one of the site\'s pages, safe for a header, and stable', () => {
  const target = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.tuple(fc.constantFrom('/', '//', '/zh-hans/', '/zh-hk', '/zh-hant//'), fc.constantFrom('', 'articles/', 'articles?page=', 'tags/', 'tags/%E9', 'channels/', 'search?q=', 'tips/new', '..'), fc.string({ unit: 'binary' })).map((p) => p.join('')),
  );
  fc.assert(
    fc.property(target, (to) => {
      const path = sitePath(to, 'zh-hk');
      if (path === null) return;
      assert.match(path, HEADER_SAFE);
      assert.match(path, KNOWN);
      assert.equal(sitePath(path, 'zh-hk'), path, 'a rebuilt path is already in its final form');
    }),
    { numRuns: 2000 },
  );
});

test('a tag decodes from its path segment, or is refused; a tag decoded is one a link can name again', () => {
  assert.equal(decodeTag('%E9%95%B7%E6%98%A5'), '長春');
  assert.equal(decodeTag('a%25b'), 'a%b');
  for (const bad of ['', '%E9%95', '%ZZ', '%', '%C0%AF', '%ED%A0%80', '%00', '%7F', '%20a', 'a%20', '.', '..', '%2E%2E', 'a'.repeat(41), '%E9%95%B7'.repeat(41), 'x'.repeat(481)]) {
    assert.equal(decodeTag(bad), null, bad);
  }
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
      const tag = decodeTag(raw);
      if (tag === null) return;
      assert.ok(tag.length >= 1 && tag.length <= 40 && tag.trim() === tag && !/\p{Cc}/u.test(tag));
      assert.equal(decodeTag(encodeURIComponent(tag)), tag);
    }),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }), (t) => {
      const tag = t.trim();
      if (!tag || tag === '.' || tag === '..' || /\p{Cc}/u.test(tag) || tag.length > 40) return;
      assert.equal(decodeTag(encodeURIComponent(tag)), tag);
      const path = sitePath(`/zh-hans/tags/${encodeURIComponent(tag)}`, 'zh-hk');
      assert.equal(path, `/zh-hk/tags/${encodeURIComponent(tag)}`);
    }),
    { numRuns: 1000 },
  );
});
