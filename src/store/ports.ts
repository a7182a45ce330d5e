import type { Article, ArticleInput, ArticleSummary } from '../domain/article.ts';
import type { Channel, ChannelInput } from '../domain/channel.ts';
import type { SiteSettings } from '../domain/site-settings.ts';

/**
 * The one storage interface. It imports nothing but domain types; `sqlite/` and `postgres/`
 * implement it, and only the composition roots (main, cli, tests) choose which.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  settings: SettingsRepository;
  channels: ChannelRepository;
  articles: ArticleRepository;
  /** A number that changes whenever content changes, from any process sharing the database. */
  contentVersion(): Promise<number>;
}

export interface SettingsRepository {
  get(): Promise<SiteSettings | null>;
  put(settings: SiteSettings): Promise<void>;
}

export interface ChannelRepository {
  list(): Promise<Channel[]>;
  bySlug(slug: string): Promise<Channel | null>;
  /** Creates or renames by slug. */
  upsert(input: ChannelInput): Promise<Channel>;
}

export interface ListOptions {
  channel?: string;
  limit: number;
  offset?: number;
  /** Only articles published at or before this instant (UTC ISO). */
  asOf: string;
}

export interface ArticleRepository {
  /** Inserts article, channels and tags in one transaction. Unknown channel slugs are refused. */
  create(input: ArticleInput): Promise<Article>;
  /**
   * Replaces an article's content when `expectedRevision` is still current; otherwise throws
   * ARTICLE_STALE_REVISION and changes nothing.
   */
  update(id: number, input: ArticleInput, expectedRevision: number): Promise<Article>;
  byId(id: number): Promise<Article | null>;
  byUri(uri: string): Promise<Article | null>;
  listPublished(options: ListOptions): Promise<ArticleSummary[]>;
  countPublished(options: Omit<ListOptions, 'limit' | 'offset'>): Promise<number>;
  /** Every article id in id order, a page at a time (for export without loading the archive). */
  idsAfter(afterId: number, limit: number): Promise<number[]>;
  count(): Promise<number>;
}
