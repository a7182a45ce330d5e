import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { signIn, draftBody } from './support/newsroom-people.ts';
import { startPurgeReceiver } from './support/purge-receiver.ts';
import { waitFor } from './support/wait.ts';

const quiet = { HEITU_LOG_LEVEL: 'silent' };
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a publish tells the CDN exactly the keys of the pages that show it, in one request, and the page names the same keys', async () => {
  const receiver = await startPurgeReceiver();
  const site = await startTestSite({ ...quiet, HEITU_PURGE_URL: receiver.url, HEITU_PURGE_TOKEN: 'cdn-secret' });
  try {
    const reporter = await signIn(site.url, 'reporter');
    const editor = await signIn(site.url, 'editor');
    const responsible = await signIn(site.url, 'responsible');
    const { id } = await reporter.ok<{ id: number }>('POST', '/articles', draftBody({ headline: '清除缓存的稿件' }));
    await reporter.ok('POST', `/articles/${id}/submit`);
    await editor.ok('POST', `/articles/${id}/approve`);
    await responsible.ok('POST', `/articles/${id}/approve`);
    // The draft's own steps are purged too; wait for them to go out, then look at the publish alone.
    await settle(1500);
    receiver.received.length = 0;

    await responsible.ok('POST', `/articles/${id}/publish`, {});
    await waitFor(async () => receiver.received.length > 0);
    await settle(600);
    assert.equal(receiver.received.length, 1, JSON.stringify(receiver.received));
    const [sent] = receiver.received;
    assert.deepEqual(sent!.body.keys!.sort(), [`a:${id}`, 'c:siping', 'home', 'search', 'sitemap', 'topics']);
    assert.equal(sent!.authorization, 'Bearer cdn-secret');

    // What the CDN was told to drop is what the pages said they show.
    // The article page also names the stories it links (上一篇, 相關新聞), and its channel while it
    // is the channel's newest: a change of any of them purges it.
    const page = await fetch(`${site.url}/zh-hans/articles/${id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    const keys = page.headers.get('surrogate-key')!.split(' ');
    assert.deepEqual(page.headers.get('cache-tag')!.split(','), keys);
    assert.deepEqual(keys.slice(0, 1), [`a:${id}`]);
    assert.equal(keys.at(-1), 'site');
    for (const key of keys.slice(1, -1)) {
      const linked = /^a:(\d+)$/.exec(key)?.[1];
      assert.ok(key === 'c:siping' || (linked && html.includes(`/zh-hans/articles/${linked}"`)), `${key}: the page shows it`);
    }
    assert.ok(keys.includes('c:siping'), 'the channel\'s newest story gets a 下一篇 when another is published there');
    const channel = await fetch(`${site.url}/zh-hans/channels/siping`);
    // Its list, and its 點擊排行 (dropped when that order changes).
    assert.equal(channel.headers.get('surrogate-key'), 'c:siping rank:c:siping site');
    assert.ok(sent!.body.keys!.includes('c:siping'));
    // A change of settings shows on every page: the one key every cached page carries.
    receiver.received.length = 0;
    await (await signIn(site.url, 'admin')).ok('PUT', '/settings', { hotline: '0431-12345678' });
    await waitFor(async () => receiver.received.length > 0);
    assert.deepEqual(receiver.received[0]!.body, { keys: ['site'] });
  } finally {
    await site.stop();
    await receiver.stop();
  }
});

test('with HEITU_PURGE_MODE=urls the CDN gets the absolute URLs: the article in every variant, its channel, the home pages, feeds', async () => {
  const receiver = await startPurgeReceiver();
  const site = await startTestSite({ ...quiet, HEITU_PURGE_URL: receiver.url, HEITU_PURGE_MODE: 'urls', HEITU_PUBLIC_URL: 'https://news.example.org' });
  try {
    // A deeper page this instance holds: purged by its URL too.
    assert.equal((await fetch(`${site.url}/zh-hans/channels/siping?page=1`)).status, 200);
    assert.equal((await fetch(`${site.url}/zh-hant/topics/nonexistent-topic`)).status, 404);
    const reporter = await signIn(site.url, 'reporter');
    await settle(600);
    receiver.received.length = 0;
    const { id } = await reporter.ok<{ id: number }>('POST', '/articles', draftBody());
    await waitFor(async () => receiver.received.length > 0);
    await settle(400);
    const urls = receiver.received.flatMap((r) => r.body.urls ?? []);
    for (const u of [`/zh-hans/articles/${id}`, `/zh-hant/articles/${id}`, `/zh-hk/articles/${id}`, '/zh-hans/', '/zh-hant/channels/siping', '/zh-hk/channels/siping/feed.xml', '/feed.xml', '/sitemap.xml']) {
      assert.ok(urls.includes(`https://news.example.org${u}`), `${u} in ${urls.join(' ')}`);
    }
    assert.ok(urls.every((u) => u.startsWith('https://news.example.org/')));
    assert.ok(receiver.received.every((r) => r.body.keys === undefined && r.authorization === undefined));
  } finally {
    await site.stop();
    await receiver.stop();
  }
});
