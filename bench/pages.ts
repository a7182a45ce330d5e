/**
 * Issue 6's measures on a generated 100k-article archive:
 * - start time and resident memory of `heitu serve` on it;
 * - hot article, home, channel, search and feed pages with wrk, each next to a bare node:http
 *   server sending the same bytes in the same run (ratios);
 * - cold render of article pages (cache empty), p50/p99, in this process.
 * wrk asks as a browser (a User-Agent), so every article request is counted as a view (點擊排行)
 * as a reader's would be; after the server stops, the counts in the database are checked against
 * the requests made.
 *
 *   BENCH_ARTICLES=100000 BENCH_SECONDS=5 BENCH_ROUNDS=3 npm run bench -- pages
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../src/main.ts';
import { loadConfig } from '../src/config.ts';
import { archiveFile, random } from './corpus.ts';
import { spawnServer, rssMb, haveWrk, againstBare, repoRoot, wrkRun, median } from './support.ts';
import { openStore } from '../src/store/open-store.ts';

const count = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
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
  const articleId = ids[Math.floor(ids.length / 2)]!;
  let articleRequests = 0;
  const pages: Record<string, string> = {
    article: `/zh-hant/articles/${articleId}`,
    home: '/zh-hant/',
    channel: '/zh-hant/channels/yanbian',
    search: `/zh-hans/search?q=${encodeURIComponent('长春')}`,
    feed: '/zh-hant/feed.xml',
  };
  if (haveWrk()) {
    for (const [name, path] of Object.entries(pages)) {
      const r = await againstBare(server.url + path, seconds, join(dir, `${name}.body`), rounds);
      if (name === 'article') articleRequests = r.requests;
      results[`${name}Rps`] = Math.round(r.heitu);
      results[`${name}BareRps`] = Math.round(r.bare);
      results[`${name}ToBare`] = r2(r.ratio);
    }
    results['wrk'] = `wrk -t1 -c50 -d${seconds}s per page as a browser, ${rounds} pairs of Heitu then the bare server with the same bytes; ratios are medians of the pairs'`;
    // What counting costs, on this server alone: the article page asked for by a browser (a view
    // counted) and by a client without a User-Agent (not counted), in turns.
    const on: number[] = [];
    const off: number[] = [];
    for (let i = 0; i < 3; i++) {
      const counted = await wrkRun(server.url + pages['article']!, 3);
      on.push(counted.rps);
      articleRequests += counted.requests;
      off.push((await wrkRun(server.url + pages['article']!, 3, 50, [])).rps);
    }
    results['articleCountedRps'] = Math.round(median(on));
    results['articleUncountedRps'] = Math.round(median(off));
    results['countedToUncounted'] = r2(median(on) / median(off));
  } else {
    results['wrk'] = 'wrk not installed (apt-get install wrk)';
  }
  results['rssAfterLoadMb'] = rssMb(server.child.pid!);
  // A graceful stop writes the views still held; all of wrk's article requests should be there.
  await server.stop();
  const after = openStore(loadConfig(env));
  try {
    const top = await after.views.top({ sinceDay: '2000-01-01', limit: 100, asOf: new Date().toISOString() });
    const counted = top.find((t) => t.id === articleId)?.views ?? 0;
    results['articleRequests'] = articleRequests;
    results['articleViewsCounted'] = counted;
    // wrk counts the responses it read; those in flight when it stopped (at most one per
    // connection of each run) were answered, and counted, too.
    results['articleViewsCheck'] = counted >= articleRequests && counted <= articleRequests + 50 * (1 + rounds + 3) ? 'every request counted' : `MISMATCH: ${articleRequests} requests, ${counted} views stored`;
  } finally {
    await after.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(results, null, 2));
mkdirSync(join(repoRoot, 'test-output/bench'), { recursive: true });
writeFileSync(join(repoRoot, 'test-output/bench/pages.json'), JSON.stringify(results, null, 2));
