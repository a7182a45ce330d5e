import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { RelatedQuery, SearchQuery, SearchRepository, SearchHit } from '../ports.ts';
import { FIELD_WEIGHTS, RECENCY, reindexPage, searchFilters, type SearchDocument, type SearchIndexWriter } from '../search-document.ts';
import { withArticles, type Scored } from '../kysely-articles.ts';
import { ARTICLE_STATUSES } from '../../domain/article.ts';
import type { ReaderPool } from './reader-pool.ts';
import { orderRelated, RELATED_CANDIDATES } from '../related-order.ts';

export const SQLITE_SEARCH_SCHEMA = [
  // Contentless: the words live only in the index; the text stays in `articles`.
  `CREATE VIRTUAL TABLE article_fts USING fts5(headline, summary, body, people, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
  // FTS5's own ranking, with Heitu's field weights, so ORDER BY rank can pick candidates inside FTS5.
  `INSERT INTO article_fts(article_fts, rank) VALUES('rank', 'bm25(${FIELD_WEIGHTS.headline}, ${FIELD_WEIGHTS.summary}, ${FIELD_WEIGHTS.body}, ${FIELD_WEIGHTS.people})')`,
];

const NOT_PUBLISHED = ARTICLE_STATUSES.filter((st) => st !== 'published');

/** How many of the best BM25 matches are re-ranked by recency and filtered. */
const CANDIDATES = 400;

/**
 * Above this many matches, ranking every one inside FTS5 (about a microsecond each) would cost
 * more than all the rest of a search, so candidates are looked for in the headlines first, then
 * in headline and summary, and only then in all of the text.
 */
const BROAD = 5000;
/** A narrower tier is used when it gives at least this many candidates (and enough for the page). */
const TIER_ENOUGH = 100;
/**
 * Tiers rank fewer matches, so they can afford more candidates for recency to choose from: with
 * 1000, the first ten agree better with BM25 x recency over every match than 400 from all of the
 * text did (5 in 10 against 3 in 10 on the generated archive's words of over 5000 matches).
 */
const TIER_CANDIDATES = 1000;
const TIERS = ['{headline} : ', '{headline summary} : ', ''] as const;

/** Each word becomes an FTS5 string, so nothing a reader types is read as query syntax. */
function matchExpression(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

export class SqliteSearch implements SearchRepository, SearchIndexWriter {
  /** With `readers`, queries run in its worker threads; without, on this thread. */
  constructor(private readonly db: Kysely<Database>, private readonly readers: ReaderPool | null = null) {}

  async write(tx: unknown, articleId: number, doc: SearchDocument): Promise<void> {
    const t = tx as Transaction<Database>;
    await sql`DELETE FROM article_fts WHERE rowid = ${articleId}`.execute(t);
    await sql`INSERT INTO article_fts(rowid, headline, summary, body, people) VALUES (${articleId}, ${doc.headline}, ${doc.summary}, ${doc.body}, ${doc.people})`.execute(t);
  }

  query(q: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    return this.readers ? this.readers.run('search', q) : this.rank(q);
  }

  /**
   * Two steps: FTS5 picks the best BM25 matches (its ORDER BY rank never leaves the index), and
   * those are filtered (published, not embargoed, channel, dates) and re-ranked with recency.
   * When the filters leave too few for the page asked for, every match is scored instead.
   */
  private async rank(q: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    if (q.terms.length === 0) return { hits: [], total: 0 };
    const filters = searchFilters(q);
    const match = matchExpression(q.terms);
    const want = q.offset + q.limit;
    const total = q.channels?.length || q.from || q.to ? await this.count(match, filters) : await this.countPublic(match, q.asOf);
    if (total === 0 || q.offset >= total) return { hits: [], total };
    const asOf = Date.parse(q.asOf);
    const score = (rel: number, publishedAt: string) => {
      const days = Math.max(0, (asOf - Date.parse(publishedAt)) / 86_400_000);
      return rel * (RECENCY.floor + (1 - RECENCY.floor) / (1 + days / RECENCY.days));
    };
    const limit = Math.max(total > BROAD ? TIER_CANDIDATES : CANDIDATES, want * 4);
    const enough = Math.min(want, total);
    let scored: Scored[] = [];
    for (const tier of total > BROAD ? TIERS : TIERS.slice(-1)) {
      // Candidates ranked inside FTS5, then the filters and recency on just those (looked up by
      // primary key: NOT INDEXED keeps the planner from scanning the status index instead).
      const candidates = (await sql<{ id: number; rel: number }>`SELECT rowid AS id, -rank AS rel FROM article_fts WHERE article_fts MATCH ${`${tier}(${match})`} ORDER BY rank LIMIT ${limit}`.execute(this.db)).rows;
      const rel = new Map(candidates.map((c) => [Number(c.id), Number(c.rel)]));
      scored = [];
      if (candidates.length) {
        const rows = (await sql<{ id: number; published_at: string }>`SELECT a.id, a.published_at FROM articles a NOT INDEXED WHERE a.id IN (${sql.join([...rel.keys()])}) AND ${filters}`.execute(this.db)).rows;
        scored = rows.map((r) => ({ id: Number(r.id), score: score(rel.get(Number(r.id))!, r.published_at) }));
      }
      if (tier === '') {
        // The filters left too few and there were more matches than candidates: score every match.
        if (scored.length < enough && candidates.length === limit) scored = await this.scoreAll(match, filters, score);
        break;
      }
      if (candidates.length >= Math.min(TIER_ENOUGH, limit) && scored.length >= enough) break;
    }
    scored.sort((x, y) => y.score - x.score || y.id - x.id);
    return { hits: await withArticles(this.db, scored.slice(q.offset, want)), total };
  }

  private async scoreAll(match: string, filters: ReturnType<typeof sql.join>, score: (rel: number, publishedAt: string) => number): Promise<Scored[]> {
    const rows = (await sql<{ id: number; rel: number; published_at: string }>`
      WITH m AS MATERIALIZED (SELECT rowid AS id, -rank AS rel FROM article_fts WHERE article_fts MATCH ${match})
      SELECT a.id, m.rel, a.published_at FROM m JOIN articles a ON a.id = m.id WHERE ${filters}`.execute(this.db)).rows;
    return rows.map((r) => ({ id: Number(r.id), score: score(Number(r.rel), r.published_at) }));
  }

  /**
   * Without filters, the matches less those not public: FTS5 counts without scoring, and the
   * articles that are not public are few and found through the status index.
   */
  private async countPublic(match: string, asOf: string): Promise<number> {
    const r = await sql<{ all: number; hidden: number }>`
      SELECT (SELECT count(*) FROM article_fts WHERE article_fts MATCH ${match}) AS "all",
             (SELECT count(*) FROM article_fts WHERE article_fts MATCH ${match} AND rowid IN (
                SELECT id FROM articles WHERE status IN (${sql.join(NOT_PUBLISHED)})
                UNION ALL SELECT id FROM articles WHERE status = 'published' AND published_at > ${asOf}
             )) AS hidden`.execute(this.db);
    return Number(r.rows[0]?.all ?? 0) - Number(r.rows[0]?.hidden ?? 0);
  }

  private async count(match: string, filters: ReturnType<typeof sql.join>): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM articles a WHERE a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ${match}) AND ${filters}`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  reindex(afterId: number, limit: number): Promise<number> {
    return reindexPage(this.db, this, afterId, limit);
  }

  related(q: RelatedQuery): Promise<Array<{ id: number; score: number }>> {
    return this.readers ? this.readers.run('related', q) : this.relatedHere(q);
  }

  /**
   * Any of the words, ranked inside FTS5 (its bm25 weighs a rare word above a common one), then
   * the best candidates kept if public and not the article itself, looked up by primary key.
   */
  async relatedHere(q: RelatedQuery): Promise<Array<{ id: number; score: number }>> {
    const terms = [...new Set(q.terms)].filter(Boolean);
    if (terms.length === 0 || q.limit < 1) return [];
    const match = terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
    // One more than needed: the article itself is nearly always the best match of its own words.
    const candidates = (await sql<{ id: number; rel: number }>`SELECT rowid AS id, -rank AS rel FROM article_fts WHERE article_fts MATCH ${match} ORDER BY rank LIMIT ${RELATED_CANDIDATES + 1}`.execute(this.db)).rows;
    const rel = new Map(candidates.map((c) => [Number(c.id), Number(c.rel)]));
    rel.delete(q.excludeId);
    if (rel.size === 0) return [];
    const preferred = q.preferChannels.length
      ? sql`EXISTS (SELECT 1 FROM article_channels ac WHERE ac.article_id = a.id AND ac.channel_slug IN (${sql.join(q.preferChannels)}))`
      : sql`0`;
    const rows = (await sql<{ id: number; published_at: string; preferred: number }>`
      SELECT a.id, a.published_at, ${preferred} AS preferred FROM articles a NOT INDEXED
      WHERE a.id IN (${sql.join([...rel.keys()])}) AND a.status = 'published' AND a.published_at <= ${q.asOf}`.execute(this.db)).rows;
    return orderRelated(rows.map((r) => ({ id: Number(r.id), relevance: rel.get(Number(r.id))!, publishedAt: r.published_at, preferred: Number(r.preferred) === 1 })), q.asOf, q.limit);
  }
}
