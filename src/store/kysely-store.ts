import { Migrator, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { ArticleRepository, ChannelRepository, ListOptions, SettingsRepository, Store } from './ports.ts';
import { migrationProvider, type DialectTraits } from './migrations.ts';
import type { Article, ArticleInput, ArticleSummary, ArticleStatus, RightsClass } from '../domain/article.ts';
import type { Channel, ChannelInput } from '../domain/channel.ts';
import { siteSettingsSchema, type SiteSettings } from '../domain/site-settings.ts';
import type { Script } from '../domain/variant.ts';
import { DomainError } from '../domain/errors.ts';
import { randomUUID } from 'node:crypto';

type ArticleRow = Selectable<Database['articles']>;
type Db = Kysely<Database> | Transaction<Database>;

/**
 * The store over Kysely. Both dialects share this code; what differs is declared in
 * `DialectTraits` and in the small files that open each database.
 */
export class KyselyStore implements Store {
  readonly settings: SettingsRepository;
  readonly channels: ChannelRepository;
  readonly articles: ArticleRepository;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly traits: DialectTraits,
  ) {
    this.settings = new KyselySettings(db);
    this.channels = new KyselyChannels(db);
    this.articles = new KyselyArticles(db);
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.traits) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async contentVersion(): Promise<number> {
    const row = await this.db.selectFrom('content_version').select('version').where('id', '=', 1).executeTakeFirst();
    return Number(row?.version ?? 0);
  }
}

async function bumpContentVersion(db: Db): Promise<void> {
  await db
    .updateTable('content_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}

class KyselySettings implements SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<SiteSettings | null> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', 'site').executeTakeFirst();
    return row ? siteSettingsSchema.parse(JSON.parse(row.value)) : null;
  }

  async put(settings: SiteSettings): Promise<void> {
    const value = JSON.stringify(siteSettingsSchema.parse(settings));
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('settings')
        .values({ key: 'site', value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      await bumpContentVersion(tx);
    });
  }
}

function toChannel(row: Selectable<Database['channels']>): Channel {
  return {
    id: Number(row.id),
    slug: row.slug,
    name: row.name,
    language: row.language as Script,
    kind: row.kind as Channel['kind'],
    parentSlug: row.parent_slug,
    position: row.position,
  };
}

class KyselyChannels implements ChannelRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<Channel[]> {
    const rows = await this.db.selectFrom('channels').selectAll().orderBy('position').orderBy('id').execute();
    return rows.map(toChannel);
  }

  async bySlug(slug: string): Promise<Channel | null> {
    const row = await this.db.selectFrom('channels').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row ? toChannel(row) : null;
  }

  async upsert(input: ChannelInput): Promise<Channel> {
    const values = {
      slug: input.slug,
      name: input.name,
      language: input.language,
      kind: input.kind,
      parent_slug: input.parentSlug,
      position: input.position,
    };
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('channels')
        .values(values)
        .onConflict((oc) => oc.column('slug').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      await bumpContentVersion(tx);
      return toChannel(row);
    });
  }
}

function articleValues(input: ArticleInput) {
  return {
    language: input.language,
    headline: input.headline,
    original_headline: input.originalHeadline,
    summary: input.summary,
    dateline_place: input.dateline.place,
    dateline_source: input.dateline.source,
    dateline_date: input.dateline.date,
    dateline_kind: input.dateline.kind,
    dateline_text: input.dateline.text,
    body_html: input.bodyHtml,
    byline: input.byline,
    source_name: input.sourceName,
    rights_class: input.rightsClass,
    editor_name: input.editorName,
    responsible_editor_name: input.responsibleEditorName,
    status: input.status,
    published_at: input.publishedAt,
  };
}

class KyselyArticles implements ArticleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: ArticleInput): Promise<Article> {
    const now = new Date().toISOString();
    const id = await this.db.transaction().execute(async (tx) => {
      await this.checkChannels(tx, input.channels);
      const row = await tx
        .insertInto('articles')
        .values({ ...articleValues(input), uri: input.uri ?? `urn:uuid:${randomUUID()}`, revision: 1, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const articleId = Number(row.id);
      await this.writeLinks(tx, articleId, input);
      await bumpContentVersion(tx);
      return articleId;
    });
    return (await this.byId(id))!;
  }

  async update(id: number, input: ArticleInput, expectedRevision: number): Promise<Article> {
    await this.db.transaction().execute(async (tx) => {
      await this.checkChannels(tx, input.channels);
      const values = articleValues(input);
      const result = await tx
        .updateTable('articles')
        .set({ ...values, ...(input.uri ? { uri: input.uri } : {}), revision: expectedRevision + 1, updated_at: new Date().toISOString() })
        .where('id', '=', id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        const current = await tx.selectFrom('articles').select('revision').where('id', '=', id).executeTakeFirst();
        if (!current) throw new DomainError('NOT_FOUND', `article ${id} does not exist`);
        throw new DomainError(
          'ARTICLE_STALE_REVISION',
          `article ${id} is at revision ${current.revision}, not ${expectedRevision}: someone else saved it first`,
          'revision',
        );
      }
      await tx.deleteFrom('article_channels').where('article_id', '=', id).execute();
      await tx.deleteFrom('article_tags').where('article_id', '=', id).execute();
      await this.writeLinks(tx, id, input);
      await bumpContentVersion(tx);
    });
    return (await this.byId(id))!;
  }

  async byId(id: number): Promise<Article | null> {
    if (!Number.isSafeInteger(id) || id < 1) return null;
    const row = await this.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.hydrate(row) : null;
  }

  async byUri(uri: string): Promise<Article | null> {
    const row = await this.db.selectFrom('articles').selectAll().where('uri', '=', uri).executeTakeFirst();
    return row ? this.hydrate(row) : null;
  }

  /** Published, public by `asOf`, and in the channel when one is named. */
  private published(options: Omit<ListOptions, 'limit' | 'offset'>) {
    const q = this.db
      .selectFrom('articles')
      .where('status', '=', 'published')
      .where('published_at', '<=', options.asOf);
    return options.channel
      ? q.innerJoin('article_channels', 'article_channels.article_id', 'articles.id').where('article_channels.channel_slug', '=', options.channel)
      : q;
  }

  async listPublished(options: ListOptions): Promise<ArticleSummary[]> {
    const q = this.published(options).select(['articles.id', 'language', 'headline', 'summary', 'source_name', 'published_at']);
    const rows = await q
      .orderBy('published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(options.limit)
      .offset(options.offset ?? 0)
      .execute();
    const channels = await this.channelsOf(rows.map((r) => Number(r.id)));
    return rows.map((r) => ({
      id: Number(r.id),
      language: r.language as Script,
      headline: r.headline,
      summary: r.summary,
      sourceName: r.source_name,
      publishedAt: r.published_at!,
      channels: channels.get(Number(r.id)) ?? [],
    }));
  }

  async countPublished(options: Omit<ListOptions, 'limit' | 'offset'>): Promise<number> {
    const q = this.published(options).select((eb) => eb.fn.countAll().as('n'));
    const row = await q.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async idsAfter(afterId: number, limit: number): Promise<number[]> {
    const rows = await this.db.selectFrom('articles').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
    return rows.map((r) => Number(r.id));
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async checkChannels(tx: Db, slugs: string[]): Promise<void> {
    if (slugs.length === 0) return;
    const found = await tx.selectFrom('channels').select('slug').where('slug', 'in', slugs).execute();
    const known = new Set(found.map((r) => r.slug));
    const missing = slugs.filter((s) => !known.has(s));
    if (missing.length) throw new DomainError('VALIDATION_FAILED', `unknown channel: ${missing.join(', ')}`, 'channels');
  }

  private async writeLinks(tx: Db, articleId: number, input: ArticleInput): Promise<void> {
    const channels = [...new Set(input.channels)];
    const tags = [...new Set(input.tags)];
    if (channels.length) {
      await tx
        .insertInto('article_channels')
        .values(channels.map((slug, position) => ({ article_id: articleId, channel_slug: slug, position })))
        .execute();
    }
    if (tags.length) {
      await tx
        .insertInto('article_tags')
        .values(tags.map((tag, position) => ({ article_id: articleId, tag, position })))
        .execute();
    }
  }

  private async channelsOf(ids: number[]): Promise<Map<number, string[]>> {
    const map = new Map<number, string[]>();
    if (ids.length === 0) return map;
    const rows = await this.db
      .selectFrom('article_channels')
      .select(['article_id', 'channel_slug'])
      .where('article_id', 'in', ids)
      .orderBy('article_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const id = Number(r.article_id);
      map.set(id, [...(map.get(id) ?? []), r.channel_slug]);
    }
    return map;
  }

  private async hydrate(row: ArticleRow): Promise<Article> {
    const id = Number(row.id);
    const [channels, tags] = await Promise.all([
      this.channelsOf([id]),
      this.db.selectFrom('article_tags').select('tag').where('article_id', '=', id).orderBy('position').execute(),
    ]);
    return {
      id,
      uri: row.uri,
      language: row.language as Script,
      headline: row.headline,
      originalHeadline: row.original_headline,
      summary: row.summary,
      dateline: {
        place: row.dateline_place,
        source: row.dateline_source,
        date: row.dateline_date,
        kind: row.dateline_kind,
        text: row.dateline_text,
      },
      bodyHtml: row.body_html,
      byline: row.byline,
      sourceName: row.source_name,
      rightsClass: row.rights_class as RightsClass,
      editorName: row.editor_name,
      responsibleEditorName: row.responsible_editor_name,
      channels: channels.get(id) ?? [],
      tags: tags.map((t) => t.tag),
      status: row.status as ArticleStatus,
      publishedAt: row.published_at,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
