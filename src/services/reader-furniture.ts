import type { Store } from '../store/ports.ts';
import type { Article, ArticleSummary } from '../domain/article.ts';
import type { Channel } from '../domain/channel.ts';
import type { Script } from '../domain/variant.ts';
import { convertText, type Term } from '../text/convert.ts';
import { keyTerms } from '../text/key-terms.ts';
import { htmlToText } from '../text/sanitize.ts';

/** What an article page shows around the story: 相關新聞, 上一篇 and 下一篇. */
export interface ArticleFurniture {
  related: ArticleSummary[];
  /** Published just before this one in its first channel (older). */
  previous: ArticleSummary | null;
  /** Published just after this one in its first channel (newer). */
  next: ArticleSummary | null;
  /**
   * False when the related articles could not be looked up just now (the search readers were
   * busy): the page is still shown, but must not be kept as if it were whole.
   */
  complete: boolean;
}

/** A page of a list (a tag's articles, all news), newest first. */
export interface ListPage {
  articles: ArticleSummary[];
  page: number;
  pages: number;
  total: number;
}

export const RELATED_COUNT = 6;
export const LIST_PAGE_SIZE = 20;
/** The words of the story looked for in others. */
const RELATED_TERMS = 8;

/**
 * Every form a tag may be written in: as given, and its Simplified, Traditional and Hong Kong
 * forms whichever script it came in. Tags are stored as their article was written, so 长春 and
 * 長春 are one tag only when both are looked for.
 */
export function tagForms(tag: string, terms: readonly Term[] = []): string[] {
  const hans = convertText(tag, 'zh-Hant', 'zh-Hans', terms);
  const fromHans = (['zh-Hant', 'zh-HK'] as const).map((to) => convertText(hans, 'zh-Hans', to, terms));
  const fromTag = (['zh-Hant', 'zh-HK'] as const).map((to) => convertText(tag, 'zh-Hans', to, terms));
  return [...new Set([tag, hans, ...fromHans, ...fromTag])];
}

/**
 * The channels of an article's regions: its region channels and the region a topic channel of it
 * belongs to, with every topic channel of those regions (長春汽車 is news from 長春 too).
 */
export function regionsOf(article: Pick<Article, 'channels'>, channels: readonly Channel[]): string[] {
  const bySlug = new Map(channels.map((c) => [c.slug, c]));
  const regions = new Set<string>();
  for (const slug of article.channels) {
    const c = bySlug.get(slug);
    if (c?.kind === 'region') regions.add(c.slug);
    const parent = c?.parentSlug ? bySlug.get(c.parentSlug) : undefined;
    if (parent?.kind === 'region') regions.add(parent.slug);
  }
  return [...regions, ...channels.filter((c) => c.parentSlug !== null && regions.has(c.parentSlug) && !regions.has(c.slug)).map((c) => c.slug)];
}

/** A database that cannot answer just now (readers busy, a search over its time). */
const isBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'ETIMEDOUT';
};

/** The reader site's article furniture and the lists beside the channel pages. */
export function createReaderFurniture(store: Store, now: () => Date) {
  async function related(article: Article, channels: readonly Channel[], asOf: string): Promise<{ related: ArticleSummary[]; complete: boolean }> {
    const terms = keyTerms({ headline: article.headline, summary: article.summary, body: htmlToText(article.bodyHtml) }, article.language, RELATED_TERMS);
    if (terms.length === 0) return { related: [], complete: true };
    try {
      const hits = await store.search.related({ terms, excludeId: article.id, preferChannels: regionsOf(article, channels), asOf, limit: RELATED_COUNT });
      // Read back through the public summaries: a story withdrawn since the search is left out.
      const list = await store.articles.publicSummaries(hits.map((h) => h.id).filter((id) => id !== article.id), asOf);
      return { related: list, complete: true };
    } catch (e) {
      if (!isBusy(e)) throw e;
      return { related: [], complete: false };
    }
  }

  async function page(total: number, pageNo: number, read: (offset: number) => Promise<ArticleSummary[]>): Promise<ListPage | null> {
    const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
    if (pageNo < 1 || pageNo > pages) return null;
    return { articles: await read((pageNo - 1) * LIST_PAGE_SIZE), page: pageNo, pages, total };
  }

  return {
    async furniture(article: Article, channels: readonly Channel[]): Promise<ArticleFurniture> {
      const asOf = now().toISOString();
      const first = article.channels[0];
      const [r, around] = await Promise.all([
        related(article, channels, asOf),
        first && article.publishedAt ? store.articles.neighbours({ id: article.id, publishedAt: article.publishedAt }, first, asOf) : Promise.resolve({ previous: null, next: null }),
      ]);
      return { ...r, ...around };
    },

    /** A tag's page, in any of its forms; null past the last page, or when no public article has it. */
    async tagged(tag: string, pageNo: number, terms: readonly Term[]): Promise<ListPage | null> {
      const asOf = now().toISOString();
      const tags = tagForms(tag, terms);
      const total = await store.articles.countTagged({ tags, asOf });
      if (total === 0) return null;
      return page(total, pageNo, (offset) => store.articles.listTagged({ tags, asOf, limit: LIST_PAGE_SIZE, offset }));
    },

    /** 滾動新聞: every public article, newest first; page 1 exists even on an empty site. */
    async all(pageNo: number): Promise<ListPage | null> {
      const asOf = now().toISOString();
      const total = await store.articles.countPublished({ asOf });
      return page(total, pageNo, (offset) => store.articles.listPublished({ limit: LIST_PAGE_SIZE, offset, asOf }));
    },
  };
}

export type ReaderFurniture = ReturnType<typeof createReaderFurniture>;
