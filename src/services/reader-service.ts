import type { ContentChange, Store, Topic } from '../store/ports.ts';
import type { Article, ArticleSummary } from '../domain/article.ts';
import type { Channel } from '../domain/channel.ts';
import type { SiteSettings } from '../domain/site-settings.ts';
import { requireSettings } from './site-context.ts';
import type { Term } from '../text/convert.ts';
import { convertText } from '../text/convert.ts';
import { addWords } from '../text/segmenter.ts';
import { bodyMediaIds, type MediaItem } from '../domain/media.ts';
import { HOME_SIZES, selectHome } from './home-selection.ts';
import { MostRead, type MostReadLists } from './most-read.ts';
import { createReaderFurniture, type ArticleFurniture, type ListPage } from './reader-furniture.ts';

/**
 * The pictures a page shows, by media id: read in one batch per page, and only those that may be
 * shown (a picture taken down is missing here, so every page leaves it out).
 */
export type Pictures = ReadonlyMap<number, MediaItem>;

export interface SiteFrame {
  settings: SiteSettings;
  channels: Channel[];
  regions: Channel[];
  /** The site's conversion dictionary. */
  terms: Term[];
}

export interface HomeData extends SiteFrame {
  /** Lead pictures (and, for articles, body pictures) of what the page shows. */
  pictures: Pictures;
  /** 頭條, 推薦 and 專題 as the editors set them; only what is public now. */
  lead: ArticleSummary | null;
  recommended: ArticleSummary[];
  /** `offered`: the topic has public stories, listed here or shown above (home-selection.ts). */
  topics: Array<{ topic: Topic; articles: ArticleSummary[]; offered: boolean }>;
  latest: ArticleSummary[];
  blocks: Array<{ channel: Channel; articles: ArticleSummary[] }>;
  /** 點擊排行, site-wide. */
  mostRead: MostReadLists;
}

export interface TopicData extends SiteFrame {
  /** Lead pictures (and, for articles, body pictures) of what the page shows. */
  pictures: Pictures;
  topic: Topic;
  articles: ArticleSummary[];
}

export interface ChannelData extends SiteFrame {
  /** Lead pictures (and, for articles, body pictures) of what the page shows. */
  pictures: Pictures;
  channel: Channel;
  articles: ArticleSummary[];
  page: number;
  pages: number;
  /** 點擊排行 of this channel. */
  mostRead: MostReadLists;
}

export interface ArticleData extends SiteFrame {
  /**
   * The lead and body pictures. Optional so a page can be rendered from a draft (the newsroom's
   * preview) without them: a picture not here is left out of the page.
   */
  pictures?: Pictures;
  article: Article;
  /** 相關新聞 and 上一篇/下一篇; a preview has none. */
  furniture?: ArticleFurniture;
}

/** A tag's articles, or all news (滾動新聞), a page at a time. */
export interface ListData extends SiteFrame, ListPage {
  pictures: Pictures;
}

/** What the reader site needs, and nothing it may not show: drafts, withdrawn and future articles stay hidden. */
export interface FeedData extends SiteFrame {
  /** Lead pictures (and, for articles, body pictures) of what the page shows. */
  pictures: Pictures;
  channel: Channel | null;
  articles: Article[];
}

export interface ReaderService {
  /** Changes whenever anything a reader can see may have changed. */
  version(): Promise<number>;
  /** What changed after a version (see Store.contentChanges). */
  changes(after: number, limit: number): Promise<ContentChange[]>;
  frame(): Promise<SiteFrame>;
  home(): Promise<HomeData>;
  channel(slug: string, page: number): Promise<ChannelData | null>;
  topic(slug: string): Promise<TopicData | null>;
  article(id: number): Promise<ArticleData | null>;
  /** Sitemap pages: public articles in id order. */
  sitemapPage(afterId: number, limit: number): Promise<Array<{ id: number; updatedAt: string; publishedAt: string }>>;
  /** Public articles of the last `hours`, newest first, at most `limit`. */
  recent(hours: number, limit: number): Promise<ArticleSummary[]>;
  /** The latest published articles, whole, for feeds: site-wide or one channel's. */
  feed(channelSlug: string | null): Promise<FeedData | null>;
  /** Library pictures by id, in one batch, without those taken down (a draft's, for its preview). */
  pictures(ids: Iterable<number | null>): Promise<Pictures>;
  /** What the article page shows around the story (see reader-furniture.ts). */
  furniture(article: Article): Promise<ArticleFurniture>;
  /** Public articles with this tag in any script, newest first; null past the end or when none has it. */
  tagged(tag: string, page: number): Promise<ListData | null>;
  /** Every public article, newest first; null past the end. */
  allArticles(page: number): Promise<ListData | null>;
  /** 點擊排行: article views counted in memory and written in batches, and the rankings read from them. */
  mostRead: MostRead;
}

export const FEED_SIZE = 30;

export const CHANNEL_PAGE_SIZE = 20;

export function createReaderService(store: Store, now: () => Date = () => new Date()): ReaderService {
  // Settings and channels are tiny and read on every page: keep them until content changes.
  let frameCache: { version: number; frame: SiteFrame } | null = null;

  async function frame(): Promise<SiteFrame> {
    const version = await store.contentVersion();
    if (frameCache?.version === version) return frameCache.frame;
    const [settings, channels, siteTerms] = await Promise.all([requireSettings(store), store.channels.list(), store.terms.list()]);
    const terms = siteTerms.map((t) => ({ hans: t.hans, hant: t.hant, hk: t.hk }));
    // The segmenter should keep the site's own names whole (長白山保護開發區, a person's name).
    addWords([...channels.map((c) => convertText(c.name, c.language, 'zh-Hans')), ...terms.map((t) => t.hans)]);
    const f = { settings, channels, regions: channels.filter((c) => c.kind === 'region'), terms };
    frameCache = { version, frame: f };
    return f;
  }

  async function pictures(ids: Iterable<number | null>): Promise<Pictures> {
    const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
    if (wanted.length === 0) return new Map();
    const items = await store.media.byIds(wanted);
    return new Map(items.filter((m) => !m.takenDownAt).map((m) => [m.id, m]));
  }
  const leadIds = (list: ReadonlyArray<{ leadImageId: number | null }>) => list.map((a) => a.leadImageId);
  const mostRead = new MostRead(store, async () => (await frame()).settings.timeZone, now);
  const furniture = createReaderFurniture(store, now);
  const listData = async (list: ListPage | null): Promise<ListData | null> => (list ? { ...(await frame()), ...list, pictures: await pictures(leadIds(list.articles)) } : null);

  return {
    version: () => store.contentVersion(),
    changes: (after, limit) => store.contentChanges(after, limit),
    frame,
    pictures,
    mostRead,
    furniture: async (article) => furniture.furniture(article, (await frame()).channels),
    tagged: async (tag, page) => listData(await furniture.tagged(tag, page, (await frame()).terms)),
    allArticles: async (page) => listData(await furniture.all(page)),
    async home() {
      const f = await frame();
      const asOf = now().toISOString();
      const slots = await store.frontPage.slots();
      // Each story shows once (home-selection.ts): every list reads as many more as could be left out of it.
      const above = 1 + slots.recommendedIds.length;
      const ts = await store.frontPage.topics();
      const extra = above + ts.reduce((n, t) => n + Math.min(t.articleIds.length, HOME_SIZES.topic), 0);
      const [candidateLead, candidateRecommended, candidateTopics, candidateLatest, candidateBlocks] = await Promise.all([
        slots.headlineId ? store.articles.publicSummaries([slots.headlineId], asOf).then((x) => x[0] ?? null) : Promise.resolve(null),
        store.articles.publicSummaries(slots.recommendedIds, asOf),
        Promise.all(ts.map(async (topic) => ({ topic, articles: await store.articles.publicSummaries(topic.articleIds.slice(0, HOME_SIZES.topic + extra), asOf) }))),
        store.articles.listPublished({ limit: HOME_SIZES.latest + extra, asOf }),
        Promise.all(f.regions.map(async (channel) => ({ channel, articles: await store.articles.listPublished({ channel: channel.slug, limit: HOME_SIZES.block + 1, asOf }) }))),
      ]);
      const { lead, recommended, topics, latest, blocks } = selectHome({ lead: candidateLead, recommended: candidateRecommended, topics: candidateTopics, latest: candidateLatest, blocks: candidateBlocks });
      const shown = [...(lead ? [lead] : []), ...recommended, ...topics.flatMap((t) => t.articles), ...latest, ...blocks.flatMap((b) => b.articles)];
      return { ...f, lead, recommended, topics, latest, blocks, pictures: await pictures(leadIds(shown)), mostRead: await mostRead.lists(null) };
    },
    async topic(slug) {
      const topic = await store.frontPage.topic(slug);
      if (!topic) return null;
      const articles = await store.articles.publicSummaries(topic.articleIds, now().toISOString());
      return { ...(await frame()), topic, articles, pictures: await pictures(leadIds(articles)) };
    },
    async channel(slug, page) {
      const f = await frame();
      const channel = f.channels.find((c) => c.slug === slug);
      if (!channel) return null;
      const asOf = now().toISOString();
      const total = await store.articles.countPublished({ channel: slug, asOf });
      const pages = Math.max(1, Math.ceil(total / CHANNEL_PAGE_SIZE));
      if (page > pages) return null;
      const articles = await store.articles.listPublished({ channel: slug, limit: CHANNEL_PAGE_SIZE, offset: (page - 1) * CHANNEL_PAGE_SIZE, asOf });
      return { ...f, channel, articles, page, pages, pictures: await pictures(leadIds(articles)), mostRead: await mostRead.lists(slug) };
    },
    sitemapPage: (afterId, limit) => store.articles.publicPage(afterId, limit, now().toISOString()),
    async recent(hours, limit) {
      const since = new Date(now().getTime() - hours * 3_600_000).toISOString();
      const list = await store.articles.listPublished({ limit, asOf: now().toISOString() });
      return list.filter((a) => a.publishedAt >= since);
    },
    async feed(slug) {
      const f = await frame();
      const channel = slug ? (f.channels.find((c) => c.slug === slug) ?? null) : null;
      if (slug && !channel) return null;
      const list = await store.articles.listPublished({ limit: FEED_SIZE, asOf: now().toISOString(), ...(channel ? { channel: channel.slug } : {}) });
      const articles = (await Promise.all(list.map((a) => store.articles.byId(a.id)))).filter((a): a is Article => !!a);
      return { ...f, channel, articles, pictures: await pictures(articles.flatMap((a) => [a.leadImageId, ...bodyMediaIds(a.bodyHtml)])) };
    },
    async article(id) {
      const article = await store.articles.byId(id);
      if (!article || article.status !== 'published' || !article.publishedAt || article.publishedAt > now().toISOString()) return null;
      return { ...(await frame()), article, pictures: await pictures([article.leadImageId, ...bodyMediaIds(article.bodyHtml)]) };
    },
  };
}
