import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CdnPurge, purgeKeysOf, purgePathsOf, type PurgeOptions } from './cdn-purge.ts';
import type { Invalidation } from './content-watch.ts';

const article = (articleId: number, ...channels: string[]): Invalidation => ({ all: false, articles: [{ articleId, channels }] });

/** A fetch that records what it was sent and answers with the statuses given, then 200. */
function recorder(statuses: number[] = []) {
  const calls: Array<{ url: string; body: Record<string, string[]>; auth: string | null }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(String(init.body)), auth: new Headers(init.headers).get('authorization') });
    return new Response('', { status: statuses.shift() ?? 200 });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const quick = (over: Partial<PurgeOptions> = {}): PurgeOptions => ({ publicUrl: 'https://news.example.org', batchMs: 20, retryMs: 5, ...over });
const settle = (ms = 120) => new Promise((r) => setTimeout(r, ms));

test('keys: what the pages showing the change are named by, once each; everything is "site"', () => {
  assert.deepEqual(purgeKeysOf(article(12, 'yanbian', 'changchun', 'yanbian')), ['a:12', 'home', 'sitemap', 'topics', 'search', 'c:yanbian', 'c:changchun']);
  assert.deepEqual(purgeKeysOf({ all: true }), ['site']);
});

test('URLs: the article in every variant, the home pages, its channels and the feeds', () => {
  const paths = purgePathsOf(article(12, 'yanbian'));
  for (const p of ['/zh-hans/articles/12', '/zh-hant/articles/12', '/zh-hk/articles/12', '/zh-hans/', '/zh-hk/', '/zh-hant/channels/yanbian', '/zh-hans/channels/yanbian/feed.xml', '/channels/yanbian/atom.xml', '/feed.json', '/zh-hk/feed.xml', '/sitemap.xml', '/news-sitemap.xml']) {
    assert.ok(paths.includes(p), p);
  }
  assert.ok(!paths.some((p) => p.includes('articles/13') || p.includes('changchun')));
  assert.ok(!purgePathsOf({ all: true }).some((p) => p.includes('/articles/')));
});

test('changes close together go out as one request of their keys, in chunks, with the token', async () => {
  const { calls, fetch } = recorder();
  const purge = new CdnPurge({ url: 'https://cdn.example.org/purge', mode: 'keys', token: 't0k' }, quick({ fetch, chunk: 6 }));
  purge.changed(article(1, 'yanbian'), 10);
  purge.changed(article(2, 'yanbian'), 11);
  await settle();
  const sent = calls.flatMap((c) => c.body['keys']!);
  assert.deepEqual(sent.sort(), ['a:1', 'a:2', 'c:yanbian', 'home', 'search', 'sitemap', 'topics'].sort());
  assert.deepEqual(calls.map((c) => c.body['keys']!.length), [6, 1]);
  assert.ok(calls.every((c) => c.url === 'https://cdn.example.org/purge' && c.auth === 'Bearer t0k'));
});

test('the URL form sends absolute URLs, with the pages this instance held', async () => {
  const { calls, fetch } = recorder();
  const purge = new CdnPurge({ url: 'https://cdn.example.org/purge', mode: 'urls' }, quick({ fetch, chunk: 1000 }));
  purge.changed(article(3, 'siping'), 1, ['/zh-hans/channels/siping?page=2']);
  await settle();
  assert.equal(calls.length, 1);
  const urls = calls[0]!.body['urls']!;
  assert.ok(urls.includes('https://news.example.org/zh-hans/articles/3'));
  assert.ok(urls.includes('https://news.example.org/zh-hans/channels/siping?page=2'));
  assert.ok(urls.every((u) => u.startsWith('https://news.example.org/')));
  assert.equal(calls[0]!.auth, null);
});

test('a failure is tried again a bounded number of times; a refusal is not', async () => {
  const outcomes: string[] = [];
  const flaky = recorder([503, 502]);
  const purge = new CdnPurge({ url: 'https://cdn.example.org/p', mode: 'keys' }, quick({ fetch: flaky.fetch, onResult: (o) => outcomes.push(o) }));
  purge.changed({ all: true }, 1);
  await settle(200);
  assert.equal(flaky.calls.length, 3);
  assert.deepEqual(outcomes, ['retried', 'retried', 'ok']);

  const down = recorder([503, 503, 503, 503, 503]);
  const given: string[] = [];
  const never = new CdnPurge({ url: 'https://cdn.example.org/p', mode: 'keys' }, quick({ fetch: down.fetch, attempts: 3, onResult: (o) => given.push(o) }));
  never.changed({ all: true }, 1);
  await settle(250);
  assert.equal(down.calls.length, 3);
  assert.deepEqual(given, ['retried', 'retried', 'failed']);

  const refused = recorder([401]);
  const once = new CdnPurge({ url: 'https://cdn.example.org/p', mode: 'keys' }, quick({ fetch: refused.fetch }));
  once.changed({ all: true }, 1);
  await settle();
  assert.equal(refused.calls.length, 1);
});

test('only the instance that leads purges; one that takes over also purges what came since it last saw another lead', async () => {
  const { calls, fetch } = recorder();
  let leading = false;
  const asked: number[] = [];
  const purge = new CdnPurge({ url: 'https://cdn.example.org/p', mode: 'keys' }, quick({
    fetch,
    lead: async () => leading,
    changesSince: async (v) => {
      asked.push(v);
      return article(5, 'yanbian');
    },
  }));
  purge.changed(article(4, 'siping'), 40);
  await settle();
  assert.equal(calls.length, 0);
  leading = true;
  purge.changed(article(6, 'siping'), 42);
  await settle();
  assert.deepEqual(asked, [40]);
  const keys = calls.flatMap((c) => c.body['keys']!);
  assert.ok(keys.includes('a:5') && keys.includes('a:6') && keys.includes('c:yanbian'), keys.join(' '));
  // Once leading, nothing more is owed.
  purge.changed(article(7, 'siping'), 43);
  await settle();
  assert.deepEqual(asked, [40]);
});

test('stop sends what was gathered instead of waiting for the batch', async () => {
  const { calls, fetch } = recorder();
  const purge = new CdnPurge({ url: 'https://cdn.example.org/p', mode: 'keys' }, quick({ fetch, batchMs: 60_000 }));
  purge.changed(article(9), 1);
  await purge.stop();
  assert.deepEqual(calls[0]?.body['keys'], ['a:9', 'home', 'sitemap', 'topics', 'search']);
});
