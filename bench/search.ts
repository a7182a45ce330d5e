/**
 * Search and conversion, measured against baselines in the same run:
 * - ranked search p50/p99 over a generated archive (default 100k articles), next to a naive
 *   ranked FTS5 query (bm25 order, LIMIT 10) over the same index and queries;
 * - index build throughput;
 * - conversion throughput next to plain opencc-js, and the regression set's score next to OpenCC's.
 *
 *   BENCH_ARTICLES=100000 npm run bench -- search
 *   BENCH_DB=postgres …    the same on PostgreSQL (HEITU_TEST_DATABASE_URL, a schema of its own)
 */
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import * as OpenCC from 'opencc-js';
import pg from 'pg';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { queryTokens } from '../src/text/search-tokens.ts';
import { convertText } from '../src/text/convert.ts';
import { insertArchive, random, sentencePool } from './corpus.ts';
import { median, report, repoRoot } from './support.ts';

const count = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const queriesN = Number(process.env['BENCH_QUERIES'] ?? 300);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const results: Record<string, unknown> = { articles: count };

const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-search-'));
const onPostgres = process.env['BENCH_DB'] === 'postgres';
const pgUrl = process.env['HEITU_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgSchema = `heitu_bench_${process.pid}`;
if (onPostgres) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pgSchema}`);
  await admin.end();
}
// BENCH_KEEP=FILE keeps the generated SQLite database for a closer look.
const store = onPostgres ? openPostgresStore(pgUrl, { schema: pgSchema, max: 4 }) : openSqliteStore(process.env['BENCH_KEEP'] ?? join(dir, 'bench.sqlite'));
results['database'] = store.dialect;
try {
  await store.migrate();
  await seedDemoSite(store);

  // 1. The archive, inserted in bulk (the articles themselves are not what is measured here).
  const t0 = performance.now();
  const bytes = await insertArchive(store, count);
  results['insertSeconds'] = round((performance.now() - t0) / 1000, 1);
  results['corpusMB'] = round(bytes / 1e6, 1);

  // 2. Index build: segmentation and FTS5 writes, through the same path as every article save.
  const t1 = performance.now();
  let after = 0;
  do after = await store.search.reindex(after, 1000); while (after !== 0);
  const indexSeconds = (performance.now() - t1) / 1000;
  results['indexSeconds'] = round(indexSeconds, 1);
  results['indexArticlesPerSecond'] = Math.round(count / indexSeconds);
  results['indexMBPerSecond'] = round(bytes / 1e6 / indexSeconds);
  // What autovacuum does after a bulk load: the planner's statistics (and the common words'
  // document frequencies the search reads from them) and the visibility map.
  if (onPostgres) await sql`VACUUM ANALYZE article_search, articles, article_channels`.execute(store.db);

  // 3. Queries: words and word pairs drawn from the text, in both scripts.
  const pool = sentencePool();
  const rnd = random(7);
  const queries: string[] = [];
  while (queries.length < queriesN) {
    const sentence = pool.hans[Math.floor(rnd() * pool.hans.length)]!;
    const words = queryTokens(sentence).words.filter((w) => [...w].length >= 2);
    if (words.length < 2) continue;
    const i = Math.floor(rnd() * (words.length - 1));
    const q = rnd() < 0.5 ? words[i]! : `${words[i]} ${words[i + 1]}`;
    queries.push(rnd() < 0.3 ? convertText(q, 'zh-Hans', 'zh-Hant') : q);
  }
  const asOf = new Date().toISOString();
  const heitu: number[] = [];
  const naive: number[] = [];
  let hitsTotal = 0;
  // The naive baseline: the engine's own ranking, best 10, nothing else.
  const naiveQuery = (terms: string[]) =>
    onPostgres
      ? sql`SELECT s.article_id FROM article_search s WHERE s.tsv @@ ${terms.map((t) => `'${t.replace(/'/g, "''")}'`).join(' & ')}::tsquery ORDER BY ts_rank(s.tsv, ${terms.map((t) => `'${t.replace(/'/g, "''")}'`).join(' & ')}::tsquery) DESC LIMIT 10`.execute(store.db)
      : sql`SELECT a.id FROM article_fts JOIN articles a ON a.id = article_fts.rowid WHERE article_fts MATCH ${terms.map((t) => `"${t}"`).join(' ')} ORDER BY bm25(article_fts) LIMIT 10`.execute(store.db);
  for (const q of queries.slice(0, 20)) {
    await store.search.query({ terms: queryTokens(q).terms, asOf, limit: 10, offset: 0 });
    await naiveQuery(queryTokens(q).terms);
  }
  for (const q of queries) {
    const terms = queryTokens(q).terms;
    let t = performance.now();
    const r = await store.search.query({ terms, asOf, limit: 10, offset: 0 });
    heitu.push(performance.now() - t);
    hitsTotal += r.total;
    t = performance.now();
    await naiveQuery(terms);
    naive.push(performance.now() - t);
  }
  results['queries'] = queries.length;
  results['meanMatchesPerQuery'] = Math.round(hitsTotal / queries.length);
  results['searchP50Ms'] = round(pct(heitu, 50));
  results['searchP99Ms'] = round(pct(heitu, 99));
  results['naiveP50Ms'] = round(pct(naive, 50));
  results['naiveP99Ms'] = round(pct(naive, 99));
  results['searchNote'] = `Heitu: BM25 (field weights) x recency, published and not embargoed, with total count; naive: ${onPostgres ? 'ts_rank order' : 'FTS5 bm25 order'}, LIMIT 10`;

  // 4. Conversion throughput, Simplified to Traditional, next to plain opencc-js.
  const text = pool.hans.join('\n').repeat(6);
  const mb = Buffer.byteLength(text) / 1e6;
  const opencc = OpenCC.Converter({ from: 'cn', to: 'tw' });
  opencc(text.slice(0, 1000));
  convertText(text.slice(0, 1000), 'zh-Hans', 'zh-Hant');
  const lines = text.split('\n');
  const time = (f: () => void) => {
    const xs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      f();
      xs.push(performance.now() - t);
    }
    return median(xs) / 1000;
  };
  const plainS = time(() => lines.forEach((l) => opencc(l)));
  const heituS = time(() => lines.forEach((l) => convertText(l, 'zh-Hans', 'zh-Hant')));
  results['conversionMB'] = round(mb);
  results['openccMBPerSecond'] = round(mb / plainS);
  results['heituMBPerSecond'] = round(mb / heituS);
  results['conversionRatio'] = round(plainS / heituS);

  // 5. The regression set.
  const set = JSON.parse(readFileSync(`${repoRoot}src/text/regression/news-sentences.json`, 'utf8')) as Array<{ hans: string; hant: string }>;
  results['regressionSentences'] = set.length;
  results['regressionOpenCC'] = set.filter((s) => opencc(s.hans) === s.hant).length;
  results['regressionHeitu'] = set.filter((s) => convertText(s.hans, 'zh-Hans', 'zh-Hant') === s.hant).length;
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (onPostgres) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${pgSchema} CASCADE`);
    await admin.end();
  }
}
report(`search${onPostgres ? '-postgres' : ''}`, results);
