import { RECENCY } from './search-document.ts';

/** A public article that shares words with the one being read, as either dialect scored it. */
export interface RelatedCandidate {
  id: number;
  /** Text relevance (BM25 with the field weights); higher is closer. */
  relevance: number;
  publishedAt: string;
  /** In one of the reader's article's regions. */
  preferred: boolean;
}

/**
 * 相關新聞 in the order both dialects give them: the article's own regions first, then the rest;
 * within each, relevance scaled by age as search does (a year-old story on the same words yields
 * to this week's), ties by the newer id.
 */
export function orderRelated(candidates: readonly RelatedCandidate[], asOf: string, limit: number): Array<{ id: number; score: number }> {
  const now = Date.parse(asOf);
  const scored = candidates.map((c) => {
    const days = Math.max(0, (now - Date.parse(c.publishedAt)) / 86_400_000);
    return { id: c.id, preferred: c.preferred, score: c.relevance * (RECENCY.floor + (1 - RECENCY.floor) / (1 + days / RECENCY.days)) };
  });
  scored.sort((x, y) => Number(y.preferred) - Number(x.preferred) || y.score - x.score || y.id - x.id);
  return scored.slice(0, Math.max(0, limit)).map(({ id, score }) => ({ id, score }));
}

/** How many of the best text matches are looked at for the few shown. */
export const RELATED_CANDIDATES = 200;
