import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PageCache, encodePage, headerTag, notModifiedHeaders } from './page-cache.ts';

test('encodes once, with a strong ETag that follows the bytes', () => {
  const a = encodePage(200, 'text/html; charset=utf-8', '長春', 'public, max-age=60');
  const b = encodePage(200, 'text/html; charset=utf-8', '長春', 'public, max-age=60');
  const c = encodePage(200, 'text/html; charset=utf-8', '长春', 'public, max-age=60');
  assert.ok(Buffer.isBuffer(a.body));
  assert.equal(a.headers['content-length'], String(Buffer.byteLength('長春')));
  assert.equal(a.etag, b.etag);
  assert.notEqual(a.etag, c.etag);
});

test('bounded: the oldest entry leaves first', () => {
  const cache = new PageCache(10); // room for two one-byte pages under two-character keys (1 + 2 × 2 each)
  const p = encodePage(200, 'text/plain', 'x', 'no-cache');
  cache.set('/a', p);
  cache.set('/b', p);
  cache.set('/c', p);
  assert.equal(cache.size, 2);
  assert.equal(cache.get('/a'), undefined);
  assert.ok(cache.get('/c'));
  cache.clear();
  assert.equal(cache.size, 0);
});

test('invalidation drops exactly the pages that show what changed', () => {
  const cache = new PageCache();
  const p = encodePage(200, 'text/html', 'x', 'public');
  cache.set('/zh-hans/articles/1', p, ['a:1']);
  cache.set('/zh-hans/articles/2', p, ['a:2']);
  cache.set('/zh-hans/', p, ['home']);
  cache.set('/zh-hans/channels/yanbian', p, ['c:yanbian']);
  cache.set('/zh-hans/channels/changchun', p, ['c:changchun']);
  assert.equal(cache.invalidate(['a:1', 'home', 'c:yanbian']), 3);
  assert.deepEqual(['/zh-hans/articles/1', '/zh-hans/articles/2', '/zh-hans/', '/zh-hans/channels/yanbian', '/zh-hans/channels/changchun'].map((k) => !!cache.get(k)), [false, true, false, false, true]);
});

test('a page that differs by a request header is never kept, and a 304 carries the Vary and Cache-Control of its page', () => {
  const cache = new PageCache();
  const page = encodePage(200, 'text/html', 'x', 'private, no-cache');
  page.headers['vary'] = 'Accept-Language, Cookie';
  cache.set('/', page);
  assert.equal(cache.get('/'), undefined);
  assert.deepEqual(notModifiedHeaders(page), { etag: page.etag, 'cache-control': 'private, no-cache', vary: 'Accept-Language, Cookie' });
});

test('a kept page names what it shows for a CDN: Surrogate-Key by spaces, Cache-Tag by commas, also on the miss that rendered it', () => {
  const cache = new PageCache();
  const page = encodePage(200, 'text/html', 'x', 'public');
  cache.set('/zh-hans/articles/7', page, ['a:7', 'c:yanbian']);
  // The route sends the object it rendered; the cache's copy carries the same names.
  assert.equal(page.headers['surrogate-key'], 'a:7 c:yanbian site');
  assert.equal(page.headers['cache-tag'], 'a:7,c:yanbian,site');
  assert.equal(cache.get('/zh-hans/articles/7')!.headers['surrogate-key'], 'a:7 c:yanbian site');
  // A page too personal to keep is not named either.
  const personal = encodePage(200, 'text/html', 'x', 'private');
  personal.headers['vary'] = 'Cookie';
  cache.set('/me', personal, ['home']);
  assert.equal(personal.headers['surrogate-key'], undefined);
});

test('a tag that could split or break a header is percent-encoded, one way only', () => {
  assert.equal(headerTag('c:yanbian-2'), 'c:yanbian-2');
  assert.equal(headerTag('c:a b,c'), 'c:a%20b%2Cc');
  assert.equal(headerTag('c:延边'), 'c:%E5%BB%B6%E8%BE%B9');
  assert.equal(headerTag("c:x'(*)!%"), 'c:x%27%28%2A%29%21%25');
  const page = encodePage(200, 'text/html', 'x', 'public');
  new PageCache().set('/x', page, ['c:a b', 'c:a,b']);
  assert.deepEqual(page.headers['surrogate-key']!.split(' '), ['c:a%20b', 'c:a%2Cb', 'site']);
  assert.deepEqual(page.headers['cache-tag']!.split(','), ['c:a%20b', 'c:a%2Cb', 'site']);
});

test('the paths showing some tags, and hits and kept pages counted', () => {
  const cache = new PageCache();
  const p = () => encodePage(200, 'text/html', 'x', 'public');
  cache.set('/zh-hans/articles/1', p(), ['a:1']);
  cache.set('/zh-hant/articles/1', p(), ['a:1']);
  cache.set('/zh-hans/', p(), ['home']);
  cache.set('/zh-hans/channels/yanbian', p(), ['c:yanbian']);
  assert.deepEqual(cache.keysFor(['a:1', 'home']).sort(), ['/zh-hans/', '/zh-hans/articles/1', '/zh-hant/articles/1']);
  assert.deepEqual(cache.keysFor(['c:nowhere']), []);
  cache.get('/zh-hans/');
  cache.get('/zh-hans/');
  cache.get('/not-kept');
  assert.deepEqual(cache.stats, { hits: 2, stores: 4 });
  cache.invalidate(['home']);
  assert.deepEqual(cache.keysFor(['home']), []);
  assert.equal(cache.keys().length, 3);
});

test('pages pushed out or refused leave nothing behind: the tag index holds only kept pages, and keys count against the bound', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ key: fc.string({ minLength: 1, maxLength: 40 }), tags: fc.array(fc.constantFrom('a:1', 'a:2', 'home', 'search', 'c:x'), { maxLength: 3 }), size: fc.integer({ min: 0, max: 50 }), status: fc.constantFrom(200, 200, 400) }), { maxLength: 60 }),
      fc.array(fc.constantFrom('a:1', 'home', 'search'), { maxLength: 2 }),
      (sets, drop) => {
        const cache = new PageCache(300);
        for (const s of sets) cache.set(s.key, encodePage(s.status, 'text/html', 'x'.repeat(s.size), 'public'), s.tags);
        cache.invalidate(drop);
        assert.ok(cache.bytesUsed <= 300);
        assert.ok(cache.indexedKeys <= cache.size * 3, `${cache.indexedKeys} keys indexed for ${cache.size} pages`);
        for (const k of cache.keys()) assert.equal(cache.get(k)!.status, 200);
      },
    ),
  );
  // Many long addresses under one tag, as a crawl of search pages makes: the index does not grow past what is kept.
  const cache = new PageCache(64 * 1024);
  for (let i = 0; i < 2000; i++) cache.set(`/zh-hant/search?q=${'x'.repeat(1000)}${i}`, encodePage(200, 'text/html', 'page', 'public'), ['search']);
  assert.ok(cache.size < 40, `${cache.size} pages kept in 64 KB with 2 KB keys`);
  assert.equal(cache.indexedKeys, cache.size);
  const kept = cache.size;
  assert.equal(cache.invalidate(['search']), kept);
  assert.equal(cache.size, 0);
  assert.equal(cache.indexedKeys, 0);
});
