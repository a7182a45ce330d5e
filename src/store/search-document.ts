import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { SearchQuery } from './ports.ts';
import { articleInputSchema, type ArticleInput } from '../domain/article.ts';
import { indexTokens } from '../text/search-tokens.ts';
import { htmlToText } from '../text/sanitize.ts';

/** What the index holds for one article, field by field, in the search tokeniser's words. */
export interface SearchDocument {
  headline: string;
  summary: string;
  body: string;
  /** Source, byline and the editors' names. */
  people: string;
  /** Number of words, for BM25's length normalisation. */
  length: number;
}

function bodyText(a: ArticleInput): string {
  return htmlToText(a.bodyHtml.replace(/<\/(p|h2|h3|h4|li|figcaption|blockquote)>/g, '\n'));
}

function assemble(a: ArticleInput, body: string): SearchDocument {
  const s = a.language;
  const doc = {
    headline: indexTokens(a.headline, s),
    summary: indexTokens(a.summary ?? '', s),
    body,
    people: indexTokens([a.sourceName, a.byline, a.editorName, a.responsibleEditorName].filter(Boolean).join(' '), s),
  };
  const count = (x: string) => (x ? x.split(' ').length : 0);
  return { ...doc, length: count(doc.headline) + count(doc.summary) + count(doc.body) + count(doc.people) };
}

export function searchDocument(a: ArticleInput): SearchDocument {
  return assemble(a, indexTokens(bodyText(a), a.language));
}

/**
 * The same document, for writes made while serving: the body is tokenised some paragraphs at a
 * time, giving the event loop back between them (jieba on the longest accepted body takes most
 * of a second). Runs end at line ends, where no word or character pair crosses.
 */
export async function searchDocumentYielding(a: ArticleInput): Promise<SearchDocument> {
  const tokens: string[] = [];
  let run = '';
  for (const line of bodyText(a).split('\n')) {
    run += `${line}\n`;
    if (run.length < 4000) continue;
    tokens.push(indexTokens(run, a.language));
    run = '';
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  tokens.push(indexTokens(run, a.language));
  return assemble(a, tokens.filter(Boolean).join(' '));
}

/** How an article write keeps the index in step, inside the same transaction. */
export interface SearchIndexWriter {
  write(tx: unknown, articleId: number, doc: SearchDocument): Promise<void>;
}

/** BM25 constants shared by both dialects (FTS5's defaults). */
export const BM25 = { k1: 1.2, b: 0.75 };
/** Field weights: a word in the headline counts ten times one in the body. */
export const FIELD_WEIGHTS = { headline: 10, summary: 5, body: 1, people: 2 };
/** Relevance is scaled by 0.6–1.0 with age: a month-old article keeps 80% of its score. */
export const RECENCY = { floor: 0.6, days: 30 };

/** The filters every search applies, in SQL both dialects read the same way (`a` is articles). */
export function searchFilters(q: SearchQuery) {
  return sql.join(
    [
      sql`a.status = 'published'`,
      sql`a.published_at <= ${q.asOf}`,
      ...(q.from ? [sql`a.published_at >= ${q.from}`] : []),
      ...(q.to ? [sql`a.published_at <= ${q.to}`] : []),
      ...(q.channels?.length ? [sql`EXISTS (SELECT 1 FROM article_channels ac WHERE ac.article_id = a.id AND ac.channel_slug IN (${sql.join(q.channels)}))`] : []),
    ],
    sql` AND `,
  );
}

/** Enough of an article row for its search document. */
function rowToInput(r: Selectable<Database['articles']>): ArticleInput {
  return articleInputSchema.parse({
    language: r.language, headline: r.headline, summary: r.summary, bodyHtml: r.body_html, byline: r.byline, sourceName: r.source_name,
    editorName: r.editor_name, responsibleEditorName: r.responsible_editor_name, rightsClass: r.rights_class,
  });
}

/** Rebuilds the index for the next page of articles after `afterId`; returns the last id done, or 0. */
export async function reindexPage(db: Kysely<Database>, writer: SearchIndexWriter, afterId: number, limit: number): Promise<number> {
  const rows = await db.selectFrom('articles').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  if (rows.length === 0) return 0;
  await db.transaction().execute(async (tx) => {
    for (const r of rows) await writer.write(tx, Number(r.id), searchDocument(rowToInput(r)));
  });
  return Number(rows[rows.length - 1]!.id);
}
