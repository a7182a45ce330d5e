import type { ArticleInput } from '../domain/article.ts';
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

export function searchDocument(a: ArticleInput): SearchDocument {
  const s = a.language;
  const doc = {
    headline: indexTokens(a.headline, s),
    summary: indexTokens(a.summary ?? '', s),
    body: indexTokens(htmlToText(a.bodyHtml.replace(/<\/(p|h2|h3|h4|li|figcaption|blockquote)>/g, '\n')), s),
    people: indexTokens([a.sourceName, a.byline, a.editorName, a.responsibleEditorName].filter(Boolean).join(' '), s),
  };
  const count = (x: string) => (x ? x.split(' ').length : 0);
  return { ...doc, length: count(doc.headline) + count(doc.summary) + count(doc.body) + count(doc.people) };
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
