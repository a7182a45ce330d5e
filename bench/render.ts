/**
 * Cold render of article pages: what a reader waits for when the page cache does not have the
 * page. Every request is a different article or variant (the `?r=` query keeps the cache from
 * answering), served in-process through the whole app: store read, conversion, templates.
 * Several rounds, reported as the median of the rounds' p50 and p99.
 *
 *   BENCH_ARTICLES=2000 BENCH_ROUNDS=5 npm run bench -- render
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { buildApp } from '../src/main.ts';
import { loadConfig } from '../src/config.ts';
import { insertArchive, random } from './corpus.ts';
import { median, repoRoot } from './support.ts';

const count = Number(process.env['BENCH_ARTICLES'] ?? 2000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const perRound = Number(process.env['BENCH_REQUESTS'] ?? 400);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-render-'));

try {
  const store = openSqliteStore(join(dir, 'heitu.sqlite'));
  await store.migrate();
  await seedDemoSite(store);
  await insertArchive(store, count);
  const { app } = buildApp(loadConfig({ HEITU_DATA_DIR: dir, HEITU_DEMO: '0' }), store);
  // The demo's drafts and scheduled articles have no public page.
  const ids: number[] = [];
  for (const id of await store.articles.idsAfter(0, count + 100)) {
    const res = await app.request(`/zh-hans/articles/${id}?probe`);
    await res.arrayBuffer();
    if (res.status === 200) ids.push(id);
  }
  const variants = ['zh-hans', 'zh-hant', 'zh-hk'] as const;
  const rnd = random(7);
  const request = async (n: number) => {
    const id = ids[Math.floor(rnd() * ids.length)]!;
    const t = performance.now();
    const res = await app.request(`/${variants[Math.abs(n) % 3]}/articles/${id}?r=${n}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`article ${id}: ${res.status}`);
    return performance.now() - t;
  };
  // Conversion dictionaries and the JIT warm up first; that is start-up, not a page.
  for (let i = 0; i < 200; i++) await request(-1 - i);
  const p50s: number[] = [];
  const p99s: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (let i = 0; i < perRound; i++) times.push(await request(r * perRound + i));
    p50s.push(pct(times, 50));
    p99s.push(pct(times, 99));
  }
  const results = {
    articles: ids.length,
    rounds,
    requestsPerRound: perRound,
    coldRenderP50Ms: r3(median(p50s)),
    coldRenderP99Ms: r3(median(p99s)),
    roundP50sMs: p50s.map(r3),
  };
  await store.close();
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(join(repoRoot, 'test-output', 'bench'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-output', 'bench', 'render.json'), JSON.stringify(results, null, 2) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
