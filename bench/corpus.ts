import { readFileSync } from 'node:fs';
import { demoArticles } from '../src/demo/demo-articles.ts';
import { convertText } from '../src/text/convert.ts';
import { htmlToText } from '../src/text/sanitize.ts';
import { repoRoot } from './support.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';

/**
 * A generated archive for benchmarks: articles stitched at random from the sentences of the demo
 * articles and the regression set (all original text), about 30% in Traditional, spread over
 * two years and every channel; one in 20 is a reprint and one in 50 an exclusive, so that a
 * licensee's scope can be narrow. Deterministic for a given seed.
 */
export interface GeneratedArticle {
  language: 'zh-Hans' | 'zh-Hant';
  headline: string;
  summary: string;
  bodyHtml: string;
  sourceName: string;
  channels: string[];
  publishedAt: string;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[。！？])/).map((s) => s.trim()).filter((s) => s.length >= 8);
}

export function sentencePool(): { hans: string[]; hant: string[] } {
  const hans: string[] = [];
  for (const d of demoArticles) {
    const text = htmlToText(d.bodyHtml.replace(/<\/p>/g, '\n'));
    hans.push(...sentencesOf(d.language === 'zh-Hans' ? text : convertText(text, 'zh-Hant', 'zh-Hans')));
  }
  const regression = JSON.parse(readFileSync(`${repoRoot}src/text/regression/news-sentences.json`, 'utf8')) as Array<{ hans: string }>;
  hans.push(...regression.map((r) => r.hans));
  return { hans, hant: hans.map((s) => convertText(s, 'zh-Hans', 'zh-Hant')) };
}

/** Mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['changchun', 'jiangcheng', 'siping', 'liaoyuan', 'tonghua', 'baicheng', 'baishan', 'songyuan', 'yanbian', 'changbaishan'];
const TOPICS = ['economy', 'society', 'culture', 'sports'];

export function* generateArticles(count: number, seed = 1, now = Date.now()): Generator<GeneratedArticle> {
  const pool = sentencePool();
  const rnd = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const hant = rnd() < 0.3;
    const src = hant ? pool.hant : pool.hans;
    const n = 4 + Math.floor(rnd() * 6);
    const idx = Array.from({ length: n }, () => Math.floor(rnd() * src.length));
    const sentences = idx.map((k) => src[k]!);
    const headline = sentences[0]!.replace(/[，,。！？].*$/, '').slice(0, 28) || sentences[0]!.slice(0, 20);
    const paragraphs: string[] = [];
    for (let p = 0; p < sentences.length; p += 2) paragraphs.push(`<p>${sentences.slice(p, p + 2).join('')}</p>`);
    yield {
      language: hant ? 'zh-Hant' : 'zh-Hans',
      headline,
      summary: sentences[1] ?? '',
      bodyHtml: paragraphs.join('\n'),
      sourceName: hant ? '黑土網' : '黑土网',
      channels: rnd() < 0.5 ? [pick(REGIONS), pick(TOPICS)] : [pick(REGIONS)],
      publishedAt: new Date(now - Math.floor(rnd() * 730 * 86_400_000)).toISOString(),
    };
  }
}

/** By position, not drawn: the random sequence (and so every other benchmark's archive) stays as it was. */
export function rightsClassOf(n: number): 'original' | 'reprint' | 'exclusive' {
  return n % 50 === 0 ? 'exclusive' : n % 20 === 0 ? 'reprint' : 'original';
}

/** Inserts a generated archive straight into the tables, in batches; returns the bytes of text. */
export async function insertArchive(store: KyselyStore, count: number, seed = 1): Promise<number> {
  let rows: Array<{ values: Record<string, unknown>; channels: string[] }> = [];
  const flush = async () => {
    const chunk = rows;
    rows = [];
    await store.db.transaction().execute(async (tx) => {
      for (const r of chunk) {
        // Generated rows match the articles table; Kysely cannot check a Record against it.
        const ins = await tx.insertInto('articles').values(r.values as never).returning('id').executeTakeFirstOrThrow();
        await tx.insertInto('article_channels').values(r.channels.map((slug, position) => ({ article_id: Number(ins.id), channel_slug: slug, position }))).execute();
      }
    });
  };
  let n = 0;
  let bytes = 0;
  for (const g of generateArticles(count, seed)) {
    n++;
    bytes += Buffer.byteLength(g.headline + g.summary + g.bodyHtml);
    rows.push({
      values: {
        uri: `urn:bench:${seed}:${n}`, language: g.language, headline: g.headline, summary: g.summary, body_html: g.bodyHtml, source_name: g.sourceName,
        rights_class: rightsClassOf(n), status: 'published', published_at: g.publishedAt, revision: 1, created_at: g.publishedAt, updated_at: g.publishedAt,
        review_levels: 1, locked_terms: '[]',
      },
      channels: g.channels,
    });
    if (rows.length >= 2000) await flush();
  }
  if (rows.length) await flush();
  return bytes;
}

/**
 * An SQLite file holding the demo site and a generated archive of `count` articles, indexed for
 * search, as `heitu serve` would find it; with the articles' ids.
 */
export async function archiveFile(file: string, count: number): Promise<{ store: KyselyStore; ids: number[] }> {
  const store = openSqliteStore(file);
  await store.migrate();
  await seedDemoSite(store);
  await insertArchive(store, count);
  for (let after = 0; (after = await store.search.reindex(after, 2000)) !== 0; );
  return { store, ids: await store.articles.idsAfter(0, count + 100) };
}
