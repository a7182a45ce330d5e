import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { SearchQuery, SearchRepository, SearchHit } from '../ports.ts';
import { FIELD_WEIGHTS, RECENCY, searchDocument, type SearchDocument, type SearchIndexWriter } from '../search-document.ts';
import { articleInputSchema } from '../../domain/article.ts';

export const SQLITE_SEARCH_SCHEMA = [
  // Contentless: the words live only in the index; the text stays in `articles`.
  `CREATE VIRTUAL TABLE article_fts USING fts5(headline, summary, body, people, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`,
];

/** Each word becomes an FTS5 string, so nothing a reader types is read as query syntax. */
function matchExpression(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

export class SqliteSearch implements SearchRepository, SearchIndexWriter {
  constructor(private readonly db: Kysely<Database>) {}

  async write(tx: unknown, articleId: number, doc: SearchDocument): Promise<void> {
    const t = tx as Transaction<Database>;
    await sql`DELETE FROM article_fts WHERE rowid = ${articleId}`.execute(t);
    await sql`INSERT INTO article_fts(rowid, headline, summary, body, people) VALUES (${articleId}, ${doc.headline}, ${doc.summary}, ${doc.body}, ${doc.people})`.execute(t);
  }

  async query(q: SearchQuery): Promise<{ hits: SearchHit[]; total: number }> {
    if (q.terms.length === 0) return { hits: [], total: 0 };
    const filters = sql.join(
      [
        sql`a.status = 'published'`,
        sql`a.published_at <= ${q.asOf}`,
        ...(q.from ? [sql`a.published_at >= ${q.from}`] : []),
        ...(q.to ? [sql`a.published_at <= ${q.to}`] : []),
        ...(q.channels?.length ? [sql`EXISTS (SELECT 1 FROM article_channels ac WHERE ac.article_id = a.id AND ac.channel_slug IN (${sql.join(q.channels)}))`] : []),
      ],
      sql` AND `,
    );
    const match = matchExpression(q.terms);
    const w = FIELD_WEIGHTS;
    // bm25() is negative (smaller is better); the recency factor scales it by age in days.
    // bm25() only works in a plain query over the FTS table, so it is computed first, then joined.
    const rows = await sql<{ id: number; score: number; total: number }>`
      WITH m AS (
        SELECT rowid AS id, -bm25(article_fts, ${w.headline}, ${w.summary}, ${w.body}, ${w.people}) AS rel
        FROM article_fts WHERE article_fts MATCH ${match}
      )
      SELECT a.id AS id,
             m.rel * (${RECENCY.floor} + ${1 - RECENCY.floor} / (1.0 + max(0.0, julianday(${q.asOf}) - julianday(a.published_at)) / ${RECENCY.days})) AS score,
             count(*) OVER () AS total
      FROM m JOIN articles a ON a.id = m.id
      WHERE ${filters}
      ORDER BY score DESC, a.id DESC
      LIMIT ${q.limit} OFFSET ${q.offset}`.execute(this.db);
    const total = rows.rows[0]?.total ?? (q.offset > 0 ? await this.count(match, filters) : 0);
    return { hits: rows.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) })), total: Number(total) };
  }

  private async count(match: string, filters: ReturnType<typeof sql.join>): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM articles a WHERE a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ${match}) AND ${filters}`.execute(this.db);
    return Number(r.rows[0]?.n ?? 0);
  }

  async reindex(afterId: number, limit: number): Promise<number> {
    const rows = await this.db.selectFrom('articles').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
    if (rows.length === 0) return 0;
    await this.db.transaction().execute(async (tx) => {
      for (const r of rows) await this.write(tx, Number(r.id), searchDocument(rowToInput(r)));
    });
    return Number(rows[rows.length - 1]!.id);
  }
}

/** Enough of an article for its search document. */
export function rowToInput(r: Selectable<Database['articles']>) {
  return articleInputSchema.parse({
    language: r.language, headline: r.headline, summary: r.summary, bodyHtml: r.body_html, byline: r.byline, sourceName: r.source_name,
    editorName: r.editor_name, responsibleEditorName: r.responsible_editor_name, rightsClass: r.rights_class,
  });
}
