import type { Store } from '../store/ports.ts';
import type { Target } from '../domain/variant.ts';
import { DomainError } from '../domain/errors.ts';
import { localDayToUtc } from '../domain/time.ts';
import { queryTokens, snippet } from '../text/search-tokens.ts';
import type { SafeHtml } from '../text/safe-html.ts';
import { requireSettings } from './site-context.ts';

export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 100;

export interface SearchRequest {
  q: string;
  target: Target;
  channel?: string | undefined;
  region?: string | undefined;
  /** Local calendar days in the site's zone, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

export interface SearchResult {
  id: number;
  /** The headline in the reader's script with the query words marked. */
  headline: SafeHtml;
  /** The headline as plain text, in the reader's script. */
  headlineText: string;
  /** A passage of the article with the query words marked. */
  snippet: SafeHtml;
  publishedAt: string;
  channels: string[];
  /** The article's lead picture, read with the hit (the results page shows it). */
  leadImageId: number | null;
}

export function createSearchService(store: Store, now: () => Date = () => new Date()) {
  return {
    async search(r: SearchRequest): Promise<{ results: SearchResult[]; total: number; page: number; pages: number; words: string[] }> {
      const q = r.q.trim();
      if (!q) throw new DomainError('SEARCH_QUERY_EMPTY', 'enter something to search for', 'q');
      if ([...q].length > MAX_QUERY_LENGTH) throw new DomainError('SEARCH_QUERY_TOO_LONG', `a search is at most ${MAX_QUERY_LENGTH} characters`, 'q');
      const bad = (property: string) => new DomainError('VALIDATION_FAILED', `${property} is not a date (YYYY-MM-DD)`, property);
      // The site's time zone is needed only to read dates.
      const zone = r.from || r.to ? (await requireSettings(store)).timeZone : null;
      const from = r.from ? localDayToUtc(r.from, zone!) : undefined;
      const to = r.to ? localDayToUtc(r.to, zone!, true) : undefined;
      if (from === null) throw bad('from');
      if (to === null) throw bad('to');
      const channels = [r.channel, r.region].filter((c): c is string => !!c);
      for (const c of channels) if (!(await store.channels.bySlug(c))) throw new DomainError('VALIDATION_FAILED', `no channel ${c}`, 'channel');
      const { words, terms } = queryTokens(q);
      const empty = { results: [], total: 0, page: r.page, pages: 0, words };
      if (terms.length === 0) return empty;
      // Channel and region together mean both: ask for one and keep what is also in the other.
      // Each hit comes with what its result shows, so the search is the only read.
      const { hits, total } = await store.search.query({
        terms, asOf: now().toISOString(), limit: SEARCH_PAGE_SIZE, offset: (r.page - 1) * SEARCH_PAGE_SIZE,
        ...(channels.length ? { channels: [channels[0]!] } : {}),
        ...(from ? { from } : {}), ...(to ? { to } : {}),
      });
      const results = hits
        .filter((h) => channels.length < 2 || h.article.channels.includes(channels[1]!))
        .map(({ id, article: a }) => {
          const headline = snippet(a.headline, a.language, words, r.target, 200);
          return {
            id,
            headline: headline.html,
            headlineText: headline.text,
            snippet: snippet([a.summary, a.bodyText].filter(Boolean).join(' '), a.language, words, r.target).html,
            publishedAt: a.publishedAt,
            channels: a.channels,
            leadImageId: a.leadImageId,
          };
        });
      return { results, total, page: r.page, pages: Math.ceil(total / SEARCH_PAGE_SIZE), words };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
