import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startCliServer } from './support/cli.ts';
import { testConfig } from './support/test-site.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';
import { openAndPrepareStore, startServer } from '../src/main.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { defaultSettings, ensureDefaultSettings } from '../src/services/default-settings.ts';

/** One of every kind of page a reader or the newsroom loads, in both scripts where there are two. */
const PAGES = [
  '/', '/zh-hans/', '/zh-hant/', '/search?q=%E6%96%B0%E8%81%9E', '/zh-hans/search?q=%E6%96%B0%E9%97%BB', '/api/search?q=x',
  '/feed.xml', '/atom.xml', '/feed.json', '/zh-hans/feed.xml', '/zh-hant/feed.json',
  '/sitemap.xml', '/news-sitemap.xml', '/sitemaps/zh-hans/pages.xml', '/sitemaps/zh-hant/pages.xml', '/robots.txt',
  '/tips/new', '/zh-hans/tips/new', '/rights/claims/new', '/zh-hans/rights/claims/new', '/licensees/verify', '/zh-hans/licensees/verify?q=x',
  '/assets/site.css', '/newsroom', '/newsroom/assets/app.js', '/newsroom/api/session',
];

async function assertEmptySiteServes(url: string): Promise<void> {
  for (const path of PAGES) {
    const res = await fetch(`${url}${path}`, { headers: { 'accept-language': 'zh-TW' } });
    assert.equal(res.status, 200, `${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    await res.arrayBuffer().catch(() => {});
  }
  const hant = await (await fetch(`${url}/zh-hant/`)).text();
  assert.match(hant, /新聞網/);
  assert.match(hant, /暫無文章/);
  const hans = await (await fetch(`${url}/zh-hans/`)).text();
  assert.match(hans, /新闻网/);
  assert.match(hans, /暂无文章/);
  // A channel that does not exist is a 404, not an error.
  assert.equal((await fetch(`${url}/zh-hans/channels/nowhere`)).status, 404);
}

test('without the demo an empty data folder starts into an empty site that answers every page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-empty-'));
  try {
    const server = await startCliServer({ HEITU_DATA_DIR: join(dir, 'data'), HEITU_DEMO: '0' });
    try {
      await assertEmptySiteServes(server.url);
    } finally {
      await server.stop();
    }
    // A second start finds the settings it made and serves the same.
    const again = await startCliServer({ HEITU_DATA_DIR: join(dir, 'data'), HEITU_DEMO: '0' });
    try {
      await assertEmptySiteServes(again.url);
    } finally {
      await again.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('default settings are made once and not written over', async () => {
  const config = testConfig({ HEITU_DEMO: '0' });
  const store = await openAndPrepareStore(config);
  try {
    assert.deepEqual(await store.settings.get(), defaultSettings);
    assert.deepEqual(await store.channels.list(), []);
    assert.deepEqual(await store.users.list(), []);
    await store.settings.put({ ...defaultSettings, siteName: '北方網' });
    const running = await startServer(config, store);
    try {
      assert.match(await (await fetch(`${running.url}/zh-hant/`)).text(), /北方網/);
    } finally {
      await running.stop();
    }
  } finally {
    await store.close().catch(() => {});
  }
});

const reachable = await postgresReachable();
test('without the demo an empty PostgreSQL schema starts into an empty site', { skip: reachable === true ? false : `PostgreSQL at ${postgresTestUrl} is not reachable: ${reachable}` }, async () => {
  const schema = `heitu_empty_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const config = testConfig({ HEITU_DEMO: '0', DATABASE_URL: postgresTestUrl });
    // The same preparation the start does, on a store in a schema of its own.
    const store = openPostgresStore(postgresTestUrl, { schema, max: 4 });
    await store.migrate();
    assert.equal(await ensureDefaultSettings(store), true);
    assert.equal(await ensureDefaultSettings(store), false);
    const running = await startServer(config, store);
    try {
      await assertEmptySiteServes(running.url);
    } finally {
      await running.stop();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await admin.end();
  }
});
