import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { SearchQuery, SearchRepository, SearchHit } from '../ports.ts';
import { BM25, FIELD_WEIGHTS, RECENCY, reindexPage, searchFilters, type SearchDocument, type SearchIndexWriter } from '../search-document.ts';

/** How many of the best ts_rank matches are scored with BM25 and recency. */
const CANDIDATES = 400;

export const POSTGRES_SEARCH_SCHEMA = [
  `CREATE TABLE article_search (article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE, tsv tsvector NOT NULL, len integer NOT NULL)`,
  `CREATE INDEX article_search_tsv ON article_search USING GIN (tsv)`,
];

/**
 * BM25 over a tsvector: the GIN index finds the matches; each word's frequency comes from its
 * positions, weighted by field through the tsvector weights (A headline, B summary, C people,
 * D body); document frequencies and the average length are counted, and kept for minutes.
 */
export class PostgresSearch implements SearchRepository, SearchIndexWriter {
  private stats: { at: number; n: number; avgdl: number } | null = null;
  private readonly df = new Map<string, { at: number; n: number }>();

  constructor(private readonly db: Kysely<Database>) {}

  async write(tx: unknown, articleId: number, doc: SearchDocument): Promise<void> {
    await sql`
      INSERT INTO article_search (article_id, tsv, len) VALUES (${articleId},
        setweight(to_tsvector('simple', ${doc.headline}), 'A') || setweight(to_tsvector('simple', ${doc.summary}), 'B')
          || setweight(to_tsvector('simple', ${doc.people}), 'C') || to_tsvector('simple', ${doc.body}),
        ${doc.length})
      ON CONFLICT (article_id) DO UPDATE SET tsv = excluded.tsv, len = excluded.len`.execute(tx as Transaction<Database>);
  }

  private async corpus(): Promise<{ n: number; avgdl: number }> {
    if (this.stats && Date.now() - this.stats.at < 60_000) return this.stats;
    const r = await sql<{ n: string; avgdl: number | null }>`SELECT count(*) AS n, avg(len)::float8 AS avgdl FROM article_search`.execute(this.db);
    this.stats = { at: Date.now(), n: Number(r.rows[0]?.n ?? 0), avgdl: Number(r.rows[0]?.avgdl ?? 1) || 1 };
    return this.stats;
  }

  private async documentFrequency(term: string): Promise<number> {
    const cached = this.df.get(term);
    // Document frequencies drift slowly; ten minutes old is good enough for ranking.
    if (cached && Date.now() - cached.at < 600_000) return cached.n;
    const r = await sql<{ n: string }>`SELECT count(*) AS n FROM article_search WHERE tsv @@ ${tsquery([term])}`.execute(this.db);
    const n = Number(r.rows[0]?.n ?? 0);
    if (this.df.size > 10_000) this.df.clear();
    this.df.set(term, { at: Date.now(), n });
    return n;
  }

  async query(q: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    if (q.terms.length === 0) return { hits: [], total: 0 };
    const { n, avgdl } = await this.corpus();
    const idf = await Promise.all(q.terms.map(async (t) => {
      const df = await this.documentFrequency(t);
      return Math.log((n - df + 0.5) / (df + 0.5) + 1);
    }));
    const filters = sql`s.tsv @@ ${tsquery(q.terms)} AND ${searchFilters(q)}`;
    const w = FIELD_WEIGHTS;
    const c = await sql<{ n: string }>`SELECT count(*) AS n FROM article_search s JOIN articles a ON a.id = s.article_id WHERE ${filters}`.execute(this.db);
    const total = Number(c.rows[0]?.n ?? 0);
    if (total === 0 || q.offset >= total) return { hits: [], total };
    // Candidates by PostgreSQL's own rank (computed in C over the GIN matches), then BM25 and
    // recency on those only; with fewer matches than candidates, that is every match.
    const candidates = Math.max(CANDIDATES, (q.offset + q.limit) * 4);
    const rows = await sql<{ id: number; score: number }>`
      WITH q AS (SELECT * FROM unnest(${q.terms}::text[], ${idf}::float8[]) AS q(term, idf)),
      m AS (SELECT s.article_id, s.tsv, s.len, a.published_at FROM article_search s JOIN articles a ON a.id = s.article_id WHERE ${filters}
            ORDER BY ts_rank(s.tsv, ${tsquery(q.terms)}) DESC LIMIT ${candidates}),
      scored AS (
        SELECT m.article_id AS id,
               sum(q.idf * (u.tf * ${BM25.k1 + 1}::float8) / (u.tf + ${BM25.k1}::float8 * (1 - ${BM25.b}::float8 + ${BM25.b}::float8 * m.len / ${avgdl}::float8)))
                 * (${RECENCY.floor}::float8 + ${1 - RECENCY.floor}::float8 / (1.0 + greatest(0, extract(epoch from (${q.asOf}::timestamptz - m.published_at::timestamptz)) / 86400.0) / ${RECENCY.days}::float8)) AS score
        FROM m
        CROSS JOIN LATERAL (
          SELECT t.lexeme, (SELECT sum(CASE x WHEN 'A' THEN ${w.headline}::float8 WHEN 'B' THEN ${w.summary}::float8 WHEN 'C' THEN ${w.people}::float8 ELSE ${w.body}::float8 END) FROM unnest(t.weights) x) AS tf
          FROM unnest(m.tsv) t
        ) u
        JOIN q ON q.term = u.lexeme
        GROUP BY m.article_id, m.published_at
      )
      SELECT id, score FROM scored ORDER BY score DESC, id DESC LIMIT ${q.limit} OFFSET ${q.offset}`.execute(this.db);
    return { hits: rows.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })), total };
  }

  reindex(afterId: number, limit: number): Promise<number> {
    return reindexPage(this.db, this, afterId, limit);
  }
}

/** Every word must be present; each is a quoted lexeme, so nothing is read as tsquery syntax. */
function tsquery(terms: string[]) {
  return sql`${terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ')}::tsquery`;
}
