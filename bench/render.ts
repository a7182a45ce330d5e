/**
 * Cold render of article pages: what a reader waits for when the page cache does not have the
 * page. Every request is a different article or variant (the `?r=` query keeps the cache from
 * answering), served in-process through the whole app: store read, conversion, templates.
 * Several rounds, reported as the median of the rounds' p50 and p99. Then the longest body the
 * sanitiser accepts: how long saving it and rendering it in each script hold the event loop.
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
import { articleInputSchema } from '../src/domain/article.ts';
import { sanitizeBody } from '../src/text/sanitize.ts';
import { HTML_LIMITS } from '../src/text/html-limits.ts';

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
  // The longest body the sanitiser accepts, as Chinese prose: how long a save and a cold render in
  // each script hold the event loop (the longest gap seen by a 1 ms timer while it runs).
  const longest = async (what: () => Promise<unknown>) => {
    let last = performance.now();
    let worst = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 1);
    const t = performance.now();
    await what();
    const total = performance.now() - t;
    clearInterval(timer);
    worst = Math.max(worst, performance.now() - last);
    return { totalMs: r3(total), longestBlockMs: r3(worst) };
  };
  const sentence = '长春市今天召开全市经济工作会议，会议指出了发展中存在的问题并部署了明年的重点工作。';
  const paragraphs: string[] = [];
  for (let n = 0; n < HTML_LIMITS.length - 200; n += sentence.length * 5 + 7) paragraphs.push(`<p>${sentence.repeat(5)}</p>`);
  const big = paragraphs.join('');
  const longBody: Record<string, unknown> = { characters: big.length };
  let bigId = 0;
  // What a save does with it: clean it, then write it with its search document in one transaction.
  longBody['save'] = await longest(async () => {
    const input = articleInputSchema.parse({ language: 'zh-Hans', headline: '长文', bodyHtml: sanitizeBody(big), rightsClass: 'original', channels: ['changchun'], status: 'published', publishedAt: new Date(Date.now() - 60_000).toISOString() });
    bigId = (await store.articles.create(input, { actorId: null, actorLogin: 'bench', ip: null })).id;
  });
  for (const v of variants) {
    longBody[`render-${v}`] = await longest(async () => {
      const res = await app.request(`/${v}/articles/${bigId}?long`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`long article: ${res.status}`);
    });
  }

  const results = {
    articles: ids.length,
    rounds,
    requestsPerRound: perRound,
    coldRenderP50Ms: r3(median(p50s)),
    coldRenderP99Ms: r3(median(p99s)),
    roundP50sMs: p50s.map(r3),
    longestAcceptedBody: longBody,
  };
  await store.close();
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(join(repoRoot, 'test-output', 'bench'), { recursive: true });
  writeFileSync(join(repoRoot, 'test-output', 'bench', 'render.json'), JSON.stringify(results, null, 2) + '\n');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
