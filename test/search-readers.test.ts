import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/main.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { testConfig } from './support/test-site.ts';

test('searches beyond what the reader threads take are refused at once with 503 and Retry-After, pages and API alike, and nothing refused is kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-readers-'));
  // One reader and no queue: while it reads, every other search is refused.
  const store = openSqliteStore(join(dir, 'heitu.sqlite'), { readers: { threads: 1, queue: 0, timeLimitMs: 10_000 } });
  try {
    await store.migrate();
    await seedDemoSite(store);
    const { app } = buildApp(testConfig({ HEITU_DEMO: '0' }), store);
    const words = ['长白山', '延吉', '冰灯', '长春', '图们江', '雾凇', '人参', '滑雪'];
    // All asked for in one turn of the event loop, as a burst from the network would be.
    const burst = await Promise.all(words.flatMap((w) => [
      app.request(`/api/search?variant=zh-hans&q=${encodeURIComponent(w)}`),
      app.request(`/zh-hant/search?q=${encodeURIComponent(w)}`),
    ]));
    const statuses = burst.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 200 || s === 503), statuses.join());
    assert.equal(statuses.filter((s) => s === 200).length, 1, 'the one the reader took');
    for (const r of burst.filter((x) => x.status === 503)) {
      assert.equal(r.headers.get('retry-after'), '5');
      if (r.headers.get('content-type')?.startsWith('application/json')) {
        assert.equal(((await r.json()) as { errors: Array<{ code: string }> }).errors[0]!.code, 'DATABASE_UNAVAILABLE');
      }
    }
    // Once the burst is over, each of those searches is answered (none was kept as refused).
    for (const w of words) {
      assert.equal((await app.request(`/api/search?variant=zh-hans&q=${encodeURIComponent(w)}`)).status, 200);
      const page = await app.request(`/zh-hant/search?q=${encodeURIComponent(w)}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<form class="search"/);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
