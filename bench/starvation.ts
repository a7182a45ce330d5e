/**
 * Readers are never starved: on a generated 100k-article archive, a cached article page is asked
 * for at a steady rate (open loop) while
 * - nothing else happens (the baseline, in the same run),
 * - 20 connections send distinct searches (the search page and /api/search, never the same
 *   query twice, so the page cache never answers), with wrk;
 * - 5 connections ask the content API for everything since 2000 under narrow agreements (one
 *   region and exclusives only), with wrk.
 * Each figure is the median of rounds; the loads' own rates and refusals are given too.
 *
 *   BENCH_ARTICLES=100000 BENCH_SECONDS=8 BENCH_ROUNDS=3 npm run bench -- starvation
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRightsService } from '../src/services/rights-service.ts';
import { queryTokens } from '../src/text/search-tokens.ts';
import { archiveFile, random, sentencePool } from './corpus.ts';
import { haveWrk, median, pacedLatency, report, repoRoot, spawnServer, wrkLatency, type WrkLatency } from './support.ts';

const count = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 8);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
/** Article-page requests a second while loaded: a steady trickle of readers, not a second load. */
const pageRate = Number(process.env['BENCH_PAGE_RATE'] ?? 100);
const r2 = (x: number) => Math.round(x * 100) / 100;
const results: Record<string, unknown> = { articles: count, seconds, rounds, pageRequestsPerSecond: pageRate };
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-starve-'));
const env = { HEITU_DATA_DIR: dir, HEITU_DEMO: '0' };
const lua = join(repoRoot, 'bench/wrk-paths.lua');

if (!haveWrk()) {
  console.log(JSON.stringify({ skipped: 'wrk not installed (apt-get install wrk)' }));
  process.exit(0);
}
try {
  const { store, ids } = await archiveFile(join(dir, 'heitu.sqlite'), count);
  // Narrow agreements: one region each, exclusives only, the archive included.
  const rights = createRightsService(store);
  const keys: string[] = [];
  for (const region of ['changbaishan', 'baishan', 'tonghua', 'siping', 'songyuan']) {
    const r = await rights.addLicensee({ name: `窄授权-${region}`, scope: { channels: [region], rights: ['exclusive'], uses: ['reprint', 'archive'], attribution: '來源:黑土網' } }, { actorId: null, actorLogin: 'bench' });
    keys.push(`Bearer ${r.apiKey}`);
  }
  await store.close();

  // Distinct searches: single words and neighbouring word pairs of the archive's sentences, in
  // every variant, as the search page and as /api/search, shuffled.
  const rnd = random(11);
  const queries = new Set<string>();
  for (const sentence of sentencePool().hans) {
    const words = queryTokens(sentence).words.filter((w) => [...w].length >= 2);
    words.forEach((w, i) => {
      queries.add(w);
      if (words[i + 1]) queries.add(`${w} ${words[i + 1]}`);
    });
  }
  const paths: string[] = [];
  for (const q of queries) {
    for (const v of ['zh-hans', 'zh-hant', 'zh-hk']) {
      paths.push(`/${v}/search?q=${encodeURIComponent(q)}`, `/api/search?variant=${v}&q=${encodeURIComponent(q)}`);
    }
  }
  for (let i = paths.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [paths[i], paths[j]] = [paths[j]!, paths[i]!];
  }
  const pathsFile = join(dir, 'search-paths.txt');
  writeFileSync(pathsFile, paths.join('\n'));
  const contentFile = join(dir, 'content-paths.txt');
  writeFileSync(contentFile, '/api/content/v1/items?since=2000-01-01T00:00:00Z&limit=50');
  const keysFile = join(dir, 'keys.txt');
  writeFileSync(keysFile, keys.join('\n'));
  results['distinctSearchPaths'] = paths.length;

  const server = await spawnServer([join(repoRoot, 'bin/heitu.mjs'), 'serve'], env);
  try {
    const article = `${server.url}/zh-hant/articles/${ids[Math.floor(ids.length / 2)]}`;
    for (let i = 0; i < 50; i++) await (await fetch(article)).arrayBuffer();
    await pacedLatency(article, 1, pageRate);

    const idle: number[][] = [[], []];
    const underSearch: number[][] = [[], []];
    const underContent: number[][] = [[], []];
    const searchLoads: WrkLatency[] = [];
    const contentLoads: WrkLatency[] = [];
    let offset = 0;
    const loaded = async (script: { file: string; args: string[] }, connections: number, into: number[][], loads: WrkLatency[]) => {
      const load = wrkLatency(`${server.url}/`, seconds + 2, connections, script);
      await new Promise((r) => setTimeout(r, 1000));
      const page = await pacedLatency(article, seconds, pageRate);
      loads.push(await load);
      into[0]!.push(page.p50Ms);
      into[1]!.push(page.p99Ms);
    };
    for (let round = 0; round < rounds; round++) {
      const quiet = await pacedLatency(article, seconds, pageRate);
      idle[0]!.push(quiet.p50Ms);
      idle[1]!.push(quiet.p99Ms);
      await loaded({ file: lua, args: [pathsFile, String(offset)] }, 20, underSearch, searchLoads);
      // Far enough on that the next round's searches are all new to the page cache.
      offset += searchLoads.at(-1)!.requests + 1000;
      await loaded({ file: lua, args: [contentFile, '0', keysFile] }, 5, underContent, contentLoads);
    }
    const pair = (xs: number[][]) => ({ p50Ms: r2(median(xs[0]!)), p99Ms: r2(median(xs[1]!)) });
    const load = (xs: WrkLatency[]) => ({
      requestsPerSecond: Math.round(median(xs.map((x) => x.rps))),
      p50Ms: r2(median(xs.map((x) => x.p50Ms))),
      p99Ms: r2(median(xs.map((x) => x.p99Ms))),
      refusedOrFailed: xs.map((x) => x.non2xx + x.socketErrors),
    });
    results['articlePageIdle'] = pair(idle);
    results['articlePageUnderSearch'] = pair(underSearch);
    results['articlePageUnderContentApi'] = pair(underContent);
    results['searchLoad'] = load(searchLoads);
    results['contentApiLoad'] = load(contentLoads);
    results['method'] = `cached article page at ${pageRate}/s for ${seconds}s (open loop, node:http); loads with wrk -t1 (-c20 distinct searches, -c5 narrow content-API syncs); medians of ${rounds} rounds`;
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
report('starvation', results);
