import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sitePath } from './reader-paths.ts';

test('the site\'s own pages come back in the asked variant, with only the query they read', () => {
  assert.equal(sitePath('/zh-hans/articles/12', 'zh-hk'), '/zh-hk/articles/12');
  assert.equal(sitePath('/articles/12', 'zh-hant'), '/zh-hant/articles/12');
  assert.equal(sitePath('/', 'zh-hans'), '/zh-hans/');
  assert.equal(sitePath('/zh-hk', 'zh-hans'), '/zh-hans/');
  assert.equal(sitePath('/zh-hant/channels/yanbian?page=2&utm_source=x', 'zh-hk'), '/zh-hk/channels/yanbian?page=2');
  assert.equal(sitePath('/search?q=%E9%95%B7%E6%98%A5&channel=yanbian&evil=1', 'zh-hans'), '/zh-hans/search?q=%E9%95%B7%E6%98%A5&channel=yanbian');
  assert.equal(sitePath('/zh-hans/channels/yanbian/feed.xml', 'zh-hk'), '/zh-hk/channels/yanbian/feed.xml');
});

test('anything else is not a page of the site', () => {
  for (const to of ['', 'zh-hk/', '//evil.example/', '/\\evil.example', 'https://evil.example/', '/zh-hk//evil.example', '/zh-hk/\r\nSet-Cookie: a=1',
    '/zh-hk/articles/1\r\n', '/zh-hk/articles/0', '/zh-hk/articles/1/../../admin', '/newsroom', '/zh-hk/zh-hans/', '/zh-hk/articles/%31', '/zh-hk/ articles/1', '/variant/zh-hk?to=/']) {
    assert.equal(sitePath(to, 'zh-hk'), null, JSON.stringify(to));
  }
});

/** What a Location header may hold: printable ASCII only. */
const HEADER_SAFE = /^[\x21-\x7e]*$/;
const KNOWN = /^\/zh-hk\/(?:|articles\/[1-9]\d*|channels\/[a-z0-9-]+|topics\/[a-z0-9-]+|search|licensees\/verify|rights\/claims\/new|tips\/new|(?:channels\/[a-z0-9-]+\/)?(?:feed\.xml|atom\.xml|feed\.json))(?:\?.*)?$/;

test('for any string, the result is null or one of the site\'s pages, safe for a header, and stable', () => {
  const target = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.tuple(fc.constantFrom('/', '//', '/zh-hans/', '/zh-hk', '/zh-hant//'), fc.constantFrom('', 'articles/', 'channels/', 'search?q=', 'tips/new', '..'), fc.string({ unit: 'binary' })).map((p) => p.join('')),
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
