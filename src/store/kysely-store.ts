import type { Kysely, Selectable } from 'kysely';
import { randomBytes } from 'node:crypto';
import type { Database } from './schema.ts';
import type { BackupRepository, ContentChange, ThrottleRepository, FrontPageRepository, MediaRepository, ViewRepository, TipRepository, RightsRepository, ClaimRepository, SearchRepository, TermRepository, ArticleRepository, AuditRepository, ChannelRepository, SessionRepository, SettingsRepository, Store, UserRepository } from './ports.ts';
import { migrationProvider, type DialectTraits } from './migrations.ts';
import { schemaMigrator } from './migrator.ts';
import type { Channel, ChannelInput } from '../domain/channel.ts';
import { siteSettingsSchema, type SiteSettings } from '../domain/site-settings.ts';
import type { Script } from '../domain/variant.ts';
import { bumpContentVersion } from './kysely-journal.ts';
import { KyselyArticles } from './kysely-articles.ts';
import { KyselyUsers, KyselySessions } from './kysely-users.ts';
import { KyselyAudit } from './kysely-audit.ts';
import { KyselyThrottle } from './kysely-throttle.ts';
import { KyselyTerms } from './kysely-terms.ts';
import type { SearchIndexWriter } from './search-document.ts';
import { KyselyRights, KyselyClaims } from './kysely-rights.ts';
import { KyselyTips } from './kysely-tips.ts';
import { KyselyFrontPage } from './kysely-front-page.ts';
import { KyselyMedia } from './kysely-media.ts';
import { KyselyBackup } from './kysely-backup.ts';
import { KyselyViews } from './kysely-views.ts';

/**
 * The store over Kysely. Both dialects share this code; what differs is declared in
 * `DialectTraits` and in the small files that open each database.
 */
export class KyselyStore implements Store {
  readonly settings: SettingsRepository;
  readonly channels: ChannelRepository;
  readonly articles: ArticleRepository;
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly throttle: ThrottleRepository;
  readonly audit: AuditRepository;
  readonly terms: TermRepository;
  readonly search: SearchRepository;
  readonly rights: RightsRepository;
  readonly claims: ClaimRepository;
  readonly tips: TipRepository;
  readonly frontPage: FrontPageRepository;
  readonly media: MediaRepository;
  readonly views: ViewRepository;
  readonly backup: BackupRepository;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly traits: DialectTraits,
    search: SearchRepository & SearchIndexWriter,
  ) {
    this.settings = new KyselySettings(db);
    this.channels = new KyselyChannels(db);
    this.articles = new KyselyArticles(db, traits, search);
    this.search = search;
    this.rights = new KyselyRights(db);
    this.claims = new KyselyClaims(db);
    this.tips = new KyselyTips(db);
    this.frontPage = new KyselyFrontPage(db);
    this.media = new KyselyMedia(db);
    this.views = new KyselyViews(db, this.articles);
    this.backup = new KyselyBackup(db, dialect, migrationProvider(traits));
    this.users = new KyselyUsers(db);
    this.sessions = new KyselySessions(db);
    this.throttle = new KyselyThrottle(db, traits.skipLocked);
    this.audit = new KyselyAudit(db);
    this.terms = new KyselyTerms(db);
  }

  async migrate(): Promise<void> {
    const migrator = await schemaMigrator(this.db, this.dialect, migrationProvider(this.traits));
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async contentChanges(afterVersion: number, limit: number): Promise<ContentChange[]> {
    const rows = await this.db.selectFrom('content_changes').selectAll().where('version', '>', afterVersion).orderBy('version').limit(limit).execute();
    return rows.map((r) => (r.article_id === null ? { version: Number(r.version), all: true as const } : { version: Number(r.version), articleId: Number(r.article_id), channels: JSON.parse(r.channels) as string[] }));
  }

  async contentVersion(): Promise<number> {
    const row = await this.db.selectFrom('content_version').select('version').where('id', '=', 1).executeTakeFirst();
    return Number(row?.version ?? 0);
  }
}

class KyselySettings implements SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<SiteSettings | null> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', 'site').executeTakeFirst();
    return row ? siteSettingsSchema.parse(JSON.parse(row.value)) : null;
  }

  async secret(name: string): Promise<string> {
    const key = `secret:${name}`;
    await this.db
      .insertInto('settings')
      .values({ key, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return (await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow()).value;
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
    reviewLevels: row.review_levels,
    navVisible: Number(row.nav_visible) !== 0,
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
      review_levels: input.reviewLevels,
      // Left out, a new channel is shown and a renamed one keeps its choice.
      ...(input.navVisible === undefined ? {} : { nav_visible: input.navVisible ? 1 : 0 }),
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
