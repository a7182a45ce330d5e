/**
 * Content API: a licensee's full sync of a 10k-item archive over HTTP (pages of 200), in items/s,
 * next to Heitu's own ninjs export of the same items in the same process (no HTTP, no rights);
 * and the time of one request for everything since 2000 under a narrow agreement (one region,
 * exclusives only: about one item in 500), median of rounds.
 *
 *   BENCH_ITEMS=10000 npm run bench -- content-api
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { createRightsService } from '../src/services/rights-service.ts';
import { exportNinjs } from '../src/services/ninjs-export.ts';
import { startServer } from '../src/main.ts';
import { loadConfig } from '../src/config.ts';
import { insertArchive } from './corpus.ts';
import { median, report } from './support.ts';

const count = Number(process.env['BENCH_ITEMS'] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-content-'));
const file = join(dir, 'bench.sqlite');
const results: Record<string, unknown> = { items: count };
const store = openSqliteStore(file);
try {
  await store.migrate();
  await seedDemoSite(store);
  await insertArchive(store, count);
  const { apiKey } = await createRightsService(store).addLicensee(
    { name: '基准测试伙伴', scope: { rights: ['original', 'exclusive', 'reprint', 'licensed-in'], uses: ['reprint', 'archive'], attribution: '來源:黑土網' } },
    { actorId: null, actorLogin: 'bench' },
  );
  const total = await store.articles.count();

  let t = performance.now();
  let exported = 0;
  for await (const _ of exportNinjs(store)) exported++;
  const exportS = (performance.now() - t) / 1000;

  const running = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${file}`, HEITU_DATA_DIR: dir, HEITU_DEMO: '0' }), store);
  t = performance.now();
  let synced = 0;
  let cursor = '';
  for (;;) {
    const res = await fetch(`${running.url}/api/content/v1/items?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${apiKey}` } });
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    if (res.status !== 200) throw new Error(`sync failed: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: unknown[]; next: string };
    synced += page.items.length;
    cursor = page.next;
    if (page.items.length < 200) break;
  }
  const syncS = (performance.now() - t) / 1000;
  const narrow = await createRightsService(store).addLicensee(
    { name: '窄授权伙伴', scope: { channels: ['changbaishan'], rights: ['exclusive'], uses: ['reprint', 'archive'], attribution: '來源:黑土網' } },
    { actorId: null, actorLogin: 'bench' },
  );
  const narrowMs: number[] = [];
  let narrowItems = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await fetch(`${running.url}/api/content/v1/items?since=2000-01-01T00:00:00Z&limit=50`, { headers: { authorization: `Bearer ${narrow.apiKey}` } });
    if (res.status !== 200) throw new Error(`narrow request failed: ${res.status} ${await res.text()}`);
    narrowItems = ((await res.json()) as { items: unknown[] }).items.length;
    narrowMs.push(performance.now() - t0);
  }
  await running.stop();
  results['narrowRequestMs'] = Math.round(median(narrowMs) * 10) / 10;
  results['narrowRequestItems'] = narrowItems;
  results['articlesInDatabase'] = total;
  results['itemsSynced'] = synced;
  results['syncSeconds'] = Math.round(syncS * 10) / 10;
  results['syncItemsPerSecond'] = Math.round(synced / syncS);
  results['exportItemsPerSecond'] = Math.round(exported / exportS);
  results['syncToExport'] = Math.round((synced / syncS / (exported / exportS)) * 100) / 100;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
report('content-api', results);
