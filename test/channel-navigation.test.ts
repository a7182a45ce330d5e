import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import { navChannels, type Channel } from '../src/domain/channel.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import type { Store } from '../src/store/ports.ts';
import { runCli, startCliServer } from './support/cli.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';
import { textOf } from './support/test-site.ts';

const reachable = await postgresReachable();

test('the navigation shows every visible channel once: regions first, then topics, each by position', () => {
  const channel = fc.record({
    id: fc.integer({ min: 1, max: 1000 }),
    kind: fc.constantFrom('region' as const, 'topic' as const),
    position: fc.integer({ min: 0, max: 200 }),
    navVisible: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.uniqueArray(channel, { selector: (c) => c.id, maxLength: 30 }), (channels) => {
      const shown = navChannels(channels);
      assert.deepEqual(new Set(shown), new Set(channels.filter((c) => c.navVisible)));
      for (let i = 1; i < shown.length; i++) {
        const [a, b] = [shown[i - 1]!, shown[i]!];
        if (a.kind === b.kind) assert.ok(a.position < b.position || (a.position === b.position && a.id < b.id), `${a.id} before ${b.id}`);
        else assert.ok(a.kind === 'region' && b.kind === 'topic', 'a topic before a region');
      }
    }),
  );
  // The input is left as it was.
  const list = [{ id: 2, kind: 'topic' as const, position: 0, navVisible: true }, { id: 1, kind: 'region' as const, position: 5, navVisible: true }];
  assert.deepEqual(navChannels(list).map((c) => c.id), [1, 2]);
  assert.deepEqual(list.map((c) => c.id), [2, 1]);
});

/** The repository's contract for the flag, on either database. */
async function storesTheFlag(store: Store): Promise<void> {
  const base = { slug: 'nav-test', name: '導航', language: 'zh-Hant' as const, kind: 'topic' as const, parentSlug: null, position: 7, reviewLevels: 2 };
  const made = await store.channels.upsert(base);
  assert.equal(made.navVisible, true, 'a new channel is shown by default');
  assert.equal((await store.channels.upsert({ ...base, navVisible: false })).navVisible, false);
  assert.equal((await store.channels.bySlug('nav-test'))?.navVisible, false);
  // A rename that does not say keeps the choice.
  const renamed = await store.channels.upsert({ ...base, name: '導航二' });
  assert.equal(renamed.navVisible, false);
  assert.equal(renamed.name, '導航二');
  assert.equal((await store.channels.list()).find((c) => c.slug === 'nav-test')?.navVisible, false);
  assert.equal((await store.channels.upsert({ ...base, navVisible: true })).navVisible, true);
}

test('SQLite keeps a channel\'s navigation flag', async () => {
  const store = openSqliteStore(':memory:');
  try {
    await store.migrate();
    await storesTheFlag(store);
  } finally {
    await store.close();
  }
});

test('PostgreSQL keeps a channel\'s navigation flag', { skip: reachable === true ? false : `PostgreSQL is not reachable: ${reachable}` }, async () => {
  const schema = `heitu_channel_nav_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = openPostgresStore(postgresTestUrl, { schema, max: 2 });
  try {
    await store.migrate();
    await storesTheFlag(store);
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});

test('heitu channel add/set place and hide channels; the reader\'s navigation follows, and a hidden channel keeps its page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-nav-'));
  const env = { HEITU_DATA_DIR: dir };
  try {
    // The demo's channels, plus a topic placed first among the topics, and one hidden from the start.
    const first = await runCli(['channel', 'add', '--slug', 'weather', '--name', '天氣', '--position', '1'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /created channel weather 天氣 \(topic, 2 review levels\), position 1 in the navigation/);
    const hidden = await runCli(['channel', 'add', '--slug', 'archive', '--name', '舊聞', '--hidden'], env);
    assert.equal(hidden.code, 0, hidden.stderr);
    assert.match(hidden.stdout, /hidden from the navigation/);
    const moved = await runCli(['channel', 'set', '--slug', 'sports', '--position', '0'], env);
    assert.equal(moved.code, 0, moved.stderr);
    assert.equal((await runCli(['channel', 'set', '--slug', 'culture', '--hidden'], env)).code, 0);

    // Refused before anything is opened: nonsense positions, both flags, nothing to change.
    for (const args of [['add', '--slug', 'x', '--name', '壞', '--position', '-1'], ['add', '--slug', 'x', '--name', '壞', '--position', 'first'], ['set', '--slug', 'sports', '--hidden', '--shown'], ['set', '--slug', 'sports']]) {
      const r = await runCli(['channel', ...args], env);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    }
    const missing = await runCli(['channel', 'set', '--slug', 'no-such', '--position', '3'], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no channel with slug no-such/);

    const list = await runCli(['channel', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    const slugs = list.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/)[1]);
    assert.deepEqual(slugs.slice(0, 10), ['changchun', 'jiangcheng', 'siping', 'liaoyuan', 'tonghua', 'baicheng', 'baishan', 'songyuan', 'yanbian', 'changbaishan']);
    assert.deepEqual(slugs.slice(10), ['sports', 'weather', 'economy', 'society', 'culture', 'archive']);
    assert.match(list.stdout, /archive\s+舊聞\s+topic\s+2 levels\s+\(hidden\)/);

    const server = await startCliServer(env);
    try {
      const home = await (await fetch(`${server.url}/zh-hans/`)).text();
      const nav = /<nav class="channels"[\s\S]*?<\/nav>/.exec(home)?.[0] ?? '';
      const names = [...nav.matchAll(/<li><a href="\/zh-hans\/channels\/([a-z-]+)"[^>]*>([^<]+)<\/a><\/li>/g)].map((m) => m[1]);
      assert.deepEqual(names, ['changchun', 'jiangcheng', 'siping', 'liaoyuan', 'tonghua', 'baicheng', 'baishan', 'songyuan', 'yanbian', 'changbaishan', 'sports', 'weather', 'economy', 'society']);
      // Names in the page's script, the topics apart from the regions.
      assert.equal(textOf(/<ul class="topic-channels">([\s\S]*?)<\/ul>/.exec(nav)?.[1] ?? ''), '体育天气经济民生');
      // Hidden from the row, not from the site.
      assert.equal((await fetch(`${server.url}/zh-hant/channels/culture`)).status, 200);
      assert.equal((await fetch(`${server.url}/zh-hant/channels/archive`)).status, 200);
      const current = await (await fetch(`${server.url}/zh-hant/channels/sports`)).text();
      assert.match(current, /<a href="\/zh-hant\/channels\/sports" aria-current="page">體育<\/a>/);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
