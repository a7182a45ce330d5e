import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { RelatedQuery, SearchQuery, SearchRepository, SearchHit } from '../ports.ts';
import { BM25, FIELD_WEIGHTS, RECENCY, reindexPage, searchFilters, type SearchDocument, type SearchIndexWriter } from '../search-document.ts';
import { ARTICLE_STATUSES } from '../../domain/article.ts';
import { withArticles, type Scored } from '../kysely-articles.ts';
import { log } from '../../logger.ts';
import { readerSettings } from '../sqlite/reader-settings.ts';
import { orderRelated, RELATED_CANDIDATES } from '../related-order.ts';

/** How many of the best matches (by the index's own rank) are scored with BM25 and recency. */
const CANDIDATES = 400;
/** Corpus size, average length and the common words' frequencies change slowly: kept this long. */
const STATS_MS = 600_000;
/**
 * As in SQLite's search, above this many matches candidates are looked for in the headlines
 * first. Each tier is a walk over all of a word's postings in the RUM index (it reads the
 * weights there), so there is no middle tier: headlines, then everything.
 */
const BROAD = 5000;
const TIER_ENOUGH = 100;
const TIERS = ['A', ''] as const;

export const POSTGRES_SEARCH_SCHEMA = [
  `CREATE TABLE article_search (article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, tsv tsvector NOT NULL, len integer NOT NULL)`,
  `CREATE INDEX article_search_tsv ON article_search USING GIN (tsv)`,
];

/**
 * Run by migration 0012. The RUM index (the rum extension, Debian's postgresql-15-rum) keeps each word's positions and
 * weights in the index, so the best matches come out of it already ranked, without reading a
 * single tsvector. Without the extension (or the right to create it) search works as before,
 * ranking broad queries more slowly.
 */
export async function addRankingIndex(db: Kysely<unknown>): Promise<void> {
  // ANALYZE keeps ten times as many of the most common words (down to about 0.25% of documents),
  // whose document frequencies then need no counting.
  await sql`ALTER TABLE article_search ALTER COLUMN tsv SET STATISTICS 1000`.execute(db);
  const available = await sql<{ installed: string | null }>`SELECT installed_version AS installed FROM pg_available_extensions WHERE name = 'rum'`.execute(db);
  if (!available.rows.length) {
    log.warn('search: the rum extension is not installed on the database server (postgresql-15-rum); ranking broad queries will be slower');
    return;
  }
  // In a schema every connection can see: a test's own schema would take it along when dropped.
  await sql`SAVEPOINT heitu_rum`.execute(db);
  try {
    if (!available.rows[0]!.installed) await sql`CREATE EXTENSION IF NOT EXISTS rum SCHEMA public`.execute(db);
    await sql`CREATE INDEX article_search_rum ON article_search USING rum (tsv)`.execute(db);
    await sql`RELEASE SAVEPOINT heitu_rum`.execute(db);
  } catch (e) {
    await sql`ROLLBACK TO SAVEPOINT heitu_rum`.execute(db);
    log.warn({ err: e instanceof Error ? e.message : String(e) }, 'search: could not add the RUM index; ranking broad queries will be slower');
  }
}

const NOT_PUBLISHED = ARTICLE_STATUSES.filter((st) => st !== 'published');
/** PostgreSQL's code for a statement cancelled by its statement_timeout. */
const QUERY_CANCELED = '57014';

interface Candidate {
  id: number;
  published_at: string;
  len: number;
  /** Each term's frequency, weighted by field. */
  tf: number[];
}

/**
 * BM25 over a tsvector. The GIN index counts the matches; the RUM index, when there is one,
 * gives the best candidates in its own order; each candidate's field-weighted frequency of each
 * term comes from ts_rank_cd (for a single word it sums the weights of its positions); BM25 and
 * recency are computed here. Document frequencies of common words come from PostgreSQL's own
 * statistics (ANALYZE keeps the most common lexemes), of the others from the index.
 */
export class PostgresSearch implements SearchRepository, SearchIndexWriter {
  private readonly cached = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly df = new Map<string, { at: number; n: number }>();

  private readonly timeLimitMs = readerSettings(process.env).timeLimitMs;

  constructor(private readonly db: Kysely<Database>) {}

  async write(tx: unknown, articleId: number, doc: SearchDocument): Promise<void> {
    await sql`
      INSERT INTO article_search (article_id, tsv, len) VALUES (${articleId},
        setweight(to_tsvector('simple', ${doc.headline}), 'A') || setweight(to_tsvector('simple', ${doc.summary}), 'B')
          || setweight(to_tsvector('simple', ${doc.people}), 'C') || to_tsvector('simple', ${doc.body}),
        ${doc.length})
      ON CONFLICT (article_id) DO UPDATE SET tsv = excluded.tsv, len = excluded.len`.execute(tx as Transaction<Database>);
  }

  /**
   * A value kept for STATS_MS; once older it is still given out while a fresh one is read, so no
   * search waits for statistics except the very first.
   */
  private keep<T>(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.cached.get(key);
    const fresh = () => {
      const value = read();
      value.then(
        () => this.cached.set(key, { at: Date.now(), value }),
        () => this.cached.delete(key),
      );
      return value;
    };
    if (!hit) {
      const value = fresh();
      this.cached.set(key, { at: Date.now(), value });
      return value;
    }
    if (Date.now() - hit.at > STATS_MS) {
      hit.at = Date.now();
      fresh().catch(() => {});
    }
    return hit.value as Promise<T>;
  }

  private corpus(): Promise<{ n: number; avgdl: number }> {
    return this.keep('corpus', async () => {
      const r = await sql<{ n: string; avgdl: number | null }>`SELECT count(*) AS n, avg(len)::float8 AS avgdl FROM article_search`.execute(this.db);
      return { n: Number(r.rows[0]?.n ?? 0), avgdl: Number(r.rows[0]?.avgdl ?? 1) || 1 };
    });
  }

  /** The share of documents holding each of the most common words, as ANALYZE last saw it. */
  private commonWords(): Promise<Map<string, number>> {
    return this.keep('common', async () => {
      const r = await sql<{ elems: string[] | null; freqs: number[] | null }>`
        SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs AS freqs FROM pg_stats
        WHERE schemaname = current_schema() AND tablename = 'article_search' AND attname = 'tsv'`.execute(this.db);
      const { elems, freqs } = r.rows[0] ?? { elems: null, freqs: null };
      return new Map((elems ?? []).map((e, i) => [e, Number(freqs?.[i] ?? 0)]));
    });
  }

  /** The schema of the rum extension when the RUM index is there, else null. */
  private rum(): Promise<string | null> {
    return this.keep('rum', async () => {
      const r = await sql<{ schema: string }>`
        SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'rum' AND to_regclass('article_search_rum') IS NOT NULL`.execute(this.db);
      return r.rows[0]?.schema ?? null;
    });
  }

  private async documentFrequency(term: string, n: number): Promise<number> {
    const share = (await this.commonWords()).get(term);
    if (share !== undefined) return Math.round(share * n);
    // Not among the most common words, so it is in few documents and counting them is cheap.
    const cached = this.df.get(term);
    if (cached && Date.now() - cached.at < STATS_MS) return cached.n;
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM article_search WHERE tsv @@ ${tsquery([term])}`.execute(this.db);
    const count = Number(r.rows[0]?.n ?? 0);
    if (this.df.size > 10_000) this.df.clear();
    this.df.set(term, { at: Date.now(), n: count });
    return count;
  }

  /**
   * Without filters, every match less those not public (the articles that are not public are
   * few, and looked up one by one); with filters, the filtered matches.
   */
  private count(q: SearchQuery): Promise<number> {
    const match = tsquery(q.terms);
    return this.limited({}, async (tx) => {
      if (q.channels?.length || q.from || q.to) {
        const r = await sql<{ n: string }>`SELECT count(*) AS n FROM article_search s JOIN articles a ON a.id = s.article_id WHERE s.tsv @@ ${match} AND ${searchFilters(q)}`.execute(tx);
        return Number(r.rows[0]?.n ?? 0);
      }
      const r = await sql<{ all: string; hidden: string }>`
        SELECT (SELECT count(*) FROM article_search WHERE tsv @@ ${match}) AS "all",
               (SELECT count(*) FROM (SELECT id FROM articles WHERE status IN (${sql.join(NOT_PUBLISHED)})
                                      UNION ALL SELECT id FROM articles WHERE status = 'published' AND published_at > ${q.asOf}) h
                  CROSS JOIN LATERAL (SELECT 1 FROM article_search s WHERE s.article_id = h.id AND s.tsv @@ ${match}) m) AS hidden`.execute(tx);
      return Number(r.rows[0]?.all ?? 0) - Number(r.rows[0]?.hidden ?? 0);
    });
  }

  /**
   * Runs a search's query under its time limit (HEITU_SEARCH_TIME_LIMIT_MS) and these planner
   * settings, for this transaction only. A query over the limit is cancelled by the server and
   * answered as a database that cannot answer now (503), not as a fault.
   */
  private async limited<T>(settings: Record<string, string>, run: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
    const all = { statement_timeout: String(this.timeLimitMs), ...settings };
    try {
      return await this.db.transaction().execute(async (tx) => {
        await sql`SELECT ${sql.join(Object.entries(all).map(([k, v]) => sql`set_config(${k}, ${v}, true)`))}`.execute(tx);
        return run(tx);
      });
    } catch (e) {
      if ((e as { code?: unknown }).code === QUERY_CANCELED) throw Object.assign(new Error(`the search took longer than ${this.timeLimitMs} ms; try again shortly`), { code: 'ETIMEDOUT', cause: e });
      throw e;
    }
  }

  /**
   * The best matches that pass the filters, by the RUM index's rank (ts_rank without it), among
   * those with every word in the fields of `tier` (tsquery weights: A headline, B summary).
   */
  private async candidates(q: SearchQuery, limit: number, rum: string | null, tier = ''): Promise<Candidate[]> {
    const match = tsquery(q.terms, tier);
    const order = rum ? sql`s.tsv OPERATOR(${sql.id(rum)}.<=>) ${match}` : sql`ts_rank(s.tsv, ${match}) DESC`;
    const weights = `{${FIELD_WEIGHTS.body / FIELD_WEIGHTS.headline},${FIELD_WEIGHTS.people / FIELD_WEIGHTS.headline},${FIELD_WEIGHTS.summary / FIELD_WEIGHTS.headline},1}`;
    const tf = sql.join(q.terms.map((t) => sql`ts_rank_cd(${weights}::float4[], s.tsv, ${tsquery([t])}, 0) * ${FIELD_WEIGHTS.headline}`));
    // The planner misjudges how many documents hold words that go together (the character
    // pairs of one word), and would rank every match from its tsvector rather than walk the
    // RUM index in order and stop: for this query, no bitmap scans and no sorting.
    const planner: Record<string, string> = rum ? { enable_bitmapscan: 'off', enable_sort: 'off' } : {};
    return this.limited(planner, async (tx) => (await sql<Candidate>`
      SELECT s.article_id AS id, a.published_at, s.len, ARRAY[${tf}]::float8[] AS tf
      FROM article_search s JOIN articles a ON a.id = s.article_id
      WHERE s.tsv @@ ${match} AND ${searchFilters(q)}
      ORDER BY ${order} LIMIT ${limit}`.execute(tx)).rows);
  }

  /**
   * For words in very many documents (by ANALYZE's counts), candidates with every word in the
   * headline first, and anywhere only when those are too few. Weights are read from the RUM
   * index; without it, from every tsvector, so then there are no tiers.
   */
  private async tieredCandidates(q: SearchQuery, limit: number, n: number): Promise<Candidate[]> {
    const rum = await this.rum();
    const common = await this.commonWords();
    const broad = rum && Math.min(...q.terms.map((t) => (common.get(t) ?? 0) * n)) > BROAD;
    for (const tier of broad ? TIERS : TIERS.slice(-1)) {
      const found = await this.candidates(q, limit, rum, tier);
      if (tier === '' || found.length >= Math.min(TIER_ENOUGH, limit)) return found;
    }
    return [];
  }

  async query(q: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    if (q.terms.length === 0) return { hits: [], total: 0 };
    const want = q.offset + q.limit;
    const { n, avgdl } = await this.corpus();
    const idf = async (term: string) => {
      const df = await this.documentFrequency(term, n);
      return Math.log((n - df + 0.5) / (df + 0.5) + 1);
    };
    // Counting, ranking and the words' document frequencies each read the index; on separate
    // connections they run at once.
    const [total, candidates, idfs] = await Promise.all([this.count(q), this.tieredCandidates(q, Math.max(CANDIDATES, want * 4), n), Promise.all(q.terms.map(idf))]);
    if (total === 0 || q.offset >= total) return { hits: [], total };
    const asOf = Date.parse(q.asOf);
    const scored: Scored[] = candidates.map((c) => {
      const norm = BM25.k1 * (1 - BM25.b + (BM25.b * c.len) / avgdl);
      const bm25 = c.tf.reduce((sum, raw, i) => {
        const tf = Math.round(raw);
        return sum + (idfs[i]! * tf * (BM25.k1 + 1)) / (tf + norm);
      }, 0);
      const days = Math.max(0, (asOf - Date.parse(c.published_at)) / 86_400_000);
      return { id: Number(c.id), score: bm25 * (RECENCY.floor + (1 - RECENCY.floor) / (1 + days / RECENCY.days)) };
    });
    scored.sort((x, y) => y.score - x.score || y.id - x.id);
    return { hits: await withArticles(this.db, scored.slice(q.offset, want)), total };
  }

  reindex(afterId: number, limit: number): Promise<number> {
    return reindexPage(this.db, this, afterId, limit);
  }

  /**
   * Any of the words: the public matches best by the RUM index's rank (ts_rank without it),
   * each with its field-weighted frequency of every word, then BM25 with the words' document
   * frequencies as search computes it, so a rare shared word counts above a common one.
   */
  async related(q: RelatedQuery): Promise<Array<{ id: number; score: number }>> {
    const terms = [...new Set(q.terms)].filter(Boolean);
    if (terms.length === 0 || q.limit < 1) return [];
    const { n, avgdl } = await this.corpus();
    const rum = await this.rum();
    const match = tsquery(terms, '', ' | ');
    const order = rum ? sql`s.tsv OPERATOR(${sql.id(rum)}.<=>) ${match}` : sql`ts_rank(s.tsv, ${match}) DESC`;
    const weights = `{${FIELD_WEIGHTS.body / FIELD_WEIGHTS.headline},${FIELD_WEIGHTS.people / FIELD_WEIGHTS.headline},${FIELD_WEIGHTS.summary / FIELD_WEIGHTS.headline},1}`;
    const tf = sql.join(terms.map((t) => sql`ts_rank_cd(${weights}::float4[], s.tsv, ${tsquery([t])}, 0) * ${FIELD_WEIGHTS.headline}`));
    const preferred = q.preferChannels.length
      ? sql`EXISTS (SELECT 1 FROM article_channels ac WHERE ac.article_id = a.id AND ac.channel_slug IN (${sql.join(q.preferChannels)}))`
      : sql`false`;
    const [rows, idfs] = await Promise.all([
      this.limited({}, async (tx) => (await sql<Candidate & { preferred: boolean }>`
        SELECT s.article_id AS id, a.published_at, s.len, ARRAY[${tf}]::float8[] AS tf, ${preferred} AS preferred
        FROM article_search s JOIN articles a ON a.id = s.article_id
        WHERE s.tsv @@ ${match} AND a.status = 'published' AND a.published_at <= ${q.asOf} AND a.id <> ${q.excludeId}
        ORDER BY ${order} LIMIT ${RELATED_CANDIDATES}`.execute(tx)).rows),
      Promise.all(terms.map(async (t) => {
        const df = await this.documentFrequency(t, n);
        return Math.log((n - df + 0.5) / (df + 0.5) + 1);
      })),
    ]);
    return orderRelated(rows.map((c) => {
      const norm = BM25.k1 * (1 - BM25.b + (BM25.b * c.len) / avgdl);
      const relevance = c.tf.reduce((sum, raw, i) => {
        const f = Math.round(raw);
        return sum + (idfs[i]! * f * (BM25.k1 + 1)) / (f + norm);
      }, 0);
      return { id: Number(c.id), relevance, publishedAt: c.published_at, preferred: c.preferred === true };
    }), q.asOf, q.limit);
  }
}

/**
 * Every word must be present (in the fields of `weights`, when given), or any one with ` | `;
 * each is a quoted lexeme, so nothing is read as tsquery syntax.
 */
function tsquery(terms: string[], weights = '', join: ' & ' | ' | ' = ' & '): RawBuilder<unknown> {
  return sql`${terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'${weights && `:${weights}`}`).join(join)}::tsquery`;
}
