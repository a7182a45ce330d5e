/**
 * Issue 6's measures on a generated 100k-article archive:
 * - start time and resident memory of `heitu serve` on it;
 * - hot article, home, channel, search and feed pages with wrk, each next to a bare node:http
 *   server sending the same bytes in the same run (ratios);
 * - cold render of article pages (cache empty), p50/p99, in this process.
 *
 *   BENCH_ARTICLES=100000 BENCH_SECONDS=5 npm run bench -- pages
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/main.ts';
import { loadConfig } from '../src/config.ts';
import { archiveFile, random } from './corpus.ts';
import { spawnServer, rssMb, haveWrk, againstBare, repoRoot } from './support.ts';

const count = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const r2 = (x: number) => Math.round(x * 100) / 100;
const results: Record<string, unknown> = { articles: count };
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-pages-'));
const env = { HEITU_DATA_DIR: dir, HEITU_DEMO: '0' };

try {
  const { store, ids } = await archiveFile(join(dir, 'heitu.sqlite'), count);

  // Cold render: an empty cache for every request, in this process.
  const { app } = buildApp(loadConfig({ ...env, PORT: '0' }), store);
  const rnd = random(3);
  for (let i = 0; i < 20; i++) await app.request(`/zh-hant/articles/${ids[i]}`);
  const cold: number[] = [];
  for (let i = 0; i < 300; i++) {
    const id = ids[Math.floor(rnd() * ids.length)]!;
    const variant = i % 2 ? 'zh-hans' : 'zh-hant';
    const t = performance.now();
    const res = await app.request(`/${variant}/articles/${id}?cold=${i}`);
    await res.arrayBuffer();
    cold.push(performance.now() - t);
  }
  results['coldRenderP50Ms'] = r2(pct(cold, 50));
  results['coldRenderP99Ms'] = r2(pct(cold, 99));
  results['coldRenderNote'] = 'app.request in-process; every request a different article or variant, so the page cache never hits';
  await store.close();

  // The server on the archive: start, memory, then the pages.
  const server = await spawnServer([join(repoRoot, 'bin/heitu.mjs'), 'serve'], env);
  results['startMs'] = Math.round(server.startMs);
  await new Promise((r) => setTimeout(r, 1500));
  results['rssAtRestMb'] = rssMb(server.child.pid!);
  const pages: Record<string, string> = {
    article: `/zh-hant/articles/${ids[Math.floor(ids.length / 2)]}`,
    home: '/zh-hant/',
    channel: '/zh-hant/channels/yanbian',
    search: `/zh-hans/search?q=${encodeURIComponent('长春')}`,
    feed: '/zh-hant/feed.xml',
  };
  if (haveWrk()) {
    for (const [name, path] of Object.entries(pages)) {
      const [heitu, base] = await againstBare(server.url + path, seconds, join(dir, `${name}.body`));
      results[`${name}Rps`] = Math.round(heitu);
      results[`${name}BareRps`] = Math.round(base);
      results[`${name}ToBare`] = r2(heitu / base);
    }
    results['wrk'] = `wrk -t1 -c50 -d${seconds}s per page, Heitu then the bare server with the same bytes`;
  } else {
    results['wrk'] = 'wrk not installed (apt-get install wrk)';
  }
  results['rssAfterLoadMb'] = rssMb(server.child.pid!);
  await server.stop();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(results, null, 2));
mkdirSync(join(repoRoot, 'test-output/bench'), { recursive: true });
writeFileSync(join(repoRoot, 'test-output/bench/pages.json'), JSON.stringify(results, null, 2));
