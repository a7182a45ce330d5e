import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * Migrations for both dialects. Where they differ, the dialect declares it in `DialectTraits`
 * rather than the migration testing for a database by name.
 */
export interface DialectTraits {
  /** Column type of an auto-numbered primary key. */
  autoIdType: 'integer' | 'serial';
  /** Statements that make a table refuse UPDATE and DELETE (the audit log is append-only). */
  appendOnly(table: string): string[];
  /** Whether `SELECT … FOR UPDATE SKIP LOCKED` exists (so several instances can share jobs). */
  skipLocked: boolean;
  /** The full-text index: FTS5 on SQLite, tsvector with GIN on PostgreSQL. */
  searchSchema: string[];
  /** Adds to the full-text index what ranking needs (PostgreSQL: RUM when it can be had). */
  rankingIndex?(db: AnyDb): Promise<void>;
  /** Statements that announce each new row of content_changes to other instances (PostgreSQL: NOTIFY). */
  announceChanges?: string[];
}

/**
 * When an article became available to licensees: its publication, or its last change after that
 * (a correction, a withdrawal). The content API's order, and an index's key (0011): a change here
 * needs a new index.
 */
export const AVAILABLE_AT = 'CASE WHEN published_at > updated_at THEN published_at ELSE updated_at END';
/** What the content API ever serves: published or withdrawn after publication. */
export const EVER_PUBLIC = `status IN ('published', 'withdrawn') AND published_at IS NOT NULL`;

// Kysely's Migration type takes Kysely<any>: migrations run before the typed schema exists.
type AnyDb = Kysely<any>;

type ColumnBuilder = Parameters<Parameters<ReturnType<AnyDb['schema']['createTable']>['addColumn']>[2] & object>[0];

/** An auto-numbered primary key in the dialect's own way: integer autoincrement, or serial. */
function autoIdColumn(traits: DialectTraits) {
  const type = traits.autoIdType === 'serial' ? sql`serial` : sql`integer`;
  const pk = (c: ColumnBuilder) => (traits.autoIdType === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return [type, pk] as const;
}

function migrations(traits: DialectTraits): Record<string, Migration> {
  return {
    '0001_content': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('content_version')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('version', 'integer', (c) => c.notNull())
          .execute();
        await db.insertInto('content_version').values({ id: 1, version: 0 }).execute();
        await db.schema
          .createTable('channels')
          .addColumn('id', autoId, idPk)
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('parent_slug', 'text')
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createTable('articles')
          .addColumn('id', autoId, idPk)
          .addColumn('uri', 'text', (c) => c.notNull().unique())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('headline', 'text', (c) => c.notNull())
          .addColumn('original_headline', 'text')
          .addColumn('summary', 'text')
          .addColumn('dateline_place', 'text')
          .addColumn('dateline_source', 'text')
          .addColumn('dateline_date', 'text')
          .addColumn('dateline_kind', 'text')
          .addColumn('dateline_text', 'text')
          .addColumn('body_html', 'text', (c) => c.notNull())
          .addColumn('byline', 'text')
          .addColumn('source_name', 'text')
          .addColumn('rights_class', 'text', (c) => c.notNull())
          .addColumn('editor_name', 'text')
          .addColumn('responsible_editor_name', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('published_at', 'text')
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at', 'id']).execute();
        await db.schema
          .createTable('article_channels')
          .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('channel_slug', 'text', (c) => c.notNull().references('channels.slug').onUpdate('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('article_channels_pk', ['article_id', 'channel_slug'])
          .execute();
        await db.schema.createIndex('article_channels_channel').on('article_channels').columns(['channel_slug', 'article_id']).execute();
        await db.schema
          .createTable('article_tags')
          .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('tag', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag'])
          .execute();
      },
    },
    '0002_newsroom': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        await db.schema.alterTable('channels').addColumn('review_levels', 'integer', (c) => c.notNull().defaultTo(2)).execute();
        await db.schema.alterTable('articles').addColumn('created_by', 'integer').execute();
        await db.schema.alterTable('articles').addColumn('review_levels', 'integer', (c) => c.notNull().defaultTo(1)).execute();
        await db.schema.alterTable('articles').addColumn('status_reason', 'text').execute();
        await db.schema
          .createTable('users')
          .addColumn('id', autoId, idPk)
          .addColumn('login', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('user_roles')
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('ip', 'text')
          .execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', autoId, idPk)
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'integer')
          .addColumn('actor_login', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('article_id', 'integer')
          .addColumn('detail', 'text', (c) => c.notNull())
          .addColumn('ip', 'text')
          .execute();
        await db.schema.createIndex('audit_log_article').on('audit_log').columns(['article_id', 'id']).execute();
        await db.schema.createIndex('audit_log_action').on('audit_log').columns(['action', 'at']).execute();
        for (const statement of traits.appendOnly('audit_log')) await sql.raw(statement).execute(db);
        await db.schema
          .createTable('article_revisions')
          .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('snapshot', 'text', (c) => c.notNull())
          .addColumn('author_id', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('article_revisions_pk', ['article_id', 'revision'])
          .execute();
        await db.schema
          .createTable('review_signatures')
          .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('level', 'integer', (c) => c.notNull())
          .addColumn('user_id', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('signed_at', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('review_signatures_pk', ['article_id', 'level'])
          .execute();
        await db.schema
          .createTable('article_corrections')
          .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('article_corrections_article').on('article_corrections').columns(['article_id']).execute();
      },
    },
    '0003_script_terms': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        await db.schema.alterTable('articles').addColumn('locked_terms', 'text', (c) => c.notNull().defaultTo('[]')).execute();
        await db.schema
          .createTable('script_terms')
          .addColumn('id', autoId, idPk)
          .addColumn('hans', 'text', (c) => c.notNull().unique())
          .addColumn('hant', 'text', (c) => c.notNull())
          .addColumn('hk', 'text')
          .addColumn('note', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0004_search': {
      async up(db: AnyDb) {
        for (const statement of traits.searchSchema) await sql.raw(statement).execute(db);
      },
    },
    '0005_rights': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        await db.schema
          .createTable('licensees')
          .addColumn('id', autoId, idPk)
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('contact', 'text')
          .addColumn('certificate_no', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('agreements')
          .addColumn('id', autoId, idPk)
          .addColumn('licensee_id', 'integer', (c) => c.notNull().references('licensees.id'))
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('valid_from', 'text')
          .addColumn('valid_until', 'text')
          .addColumn('revoked_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('api_keys')
          .addColumn('id', autoId, idPk)
          .addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreements.id'))
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('prefix', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text')
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('content_access')
          .addColumn('id', autoId, idPk)
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('licensee_id', 'integer', (c) => c.notNull())
          .addColumn('agreement_id', 'integer', (c) => c.notNull())
          .addColumn('article_id', 'integer')
          .addColumn('path', 'text', (c) => c.notNull())
          .addColumn('status', 'integer', (c) => c.notNull())
          .addColumn('ip', 'text')
          .execute();
        await db.schema.createIndex('content_access_licensee').on('content_access').columns(['licensee_id', 'day']).execute();
        await db.schema.createIndex('content_access_agreement').on('content_access').columns(['agreement_id', 'day', 'article_id']).execute();
        await db.schema
          .createTable('claims')
          .addColumn('id', autoId, idPk)
          .addColumn('reference', 'text', (c) => c.notNull().unique())
          .addColumn('article_id', 'integer')
          .addColumn('article_ref', 'text', (c) => c.notNull())
          .addColumn('claimant', 'text', (c) => c.notNull())
          .addColumn('contact', 'text', (c) => c.notNull())
          .addColumn('claim', 'text', (c) => c.notNull())
          .addColumn('links', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('within_window', 'integer', (c) => c.notNull())
          .addColumn('days_after_publication', 'integer')
          .addColumn('assignee_id', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('ip', 'text')
          .execute();
        await db.schema
          .createTable('claim_files')
          .addColumn('id', autoId, idPk)
          .addColumn('claim_id', 'integer', (c) => c.notNull().references('claims.id'))
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('content_type', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('stored_as', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('articles_updated').on('articles').columns(['updated_at', 'id']).execute();
      },
    },
    '0006_tips': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        await db.schema
          .createTable('tips')
          .addColumn('id', autoId, idPk)
          .addColumn('reference', 'text', (c) => c.notNull().unique())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('contact', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('ip', 'text')
          .execute();
        await db.schema
          .createTable('tip_files')
          .addColumn('id', autoId, idPk)
          .addColumn('tip_id', 'integer', (c) => c.notNull().references('tips.id'))
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('content_type', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('stored_as', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0007_front_page': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        await db.schema
          .createTable('topics')
          .addColumn('id', autoId, idPk)
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('description', 'text')
          .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('article_ids', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0008_content_changes': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        await db.schema
          .createTable('content_changes')
          .addColumn('id', autoId, idPk)
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('article_id', 'integer')
          .addColumn('channels', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('content_changes_version').on('content_changes').columns(['version']).execute();
      },
    },
    '0009_login_throttle': {
      async up(db: AnyDb) {
        // Not the audit log: that is append-only, and counting it cannot be made atomic.
        await db.schema
          .createTable('login_throttle')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('window_start', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .execute();
      },
    },
    '0010_pending_corrections': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        // One waiting correction per article, apart from the live text until someone approves it.
        await db.schema
          .createTable('pending_corrections')
          .addColumn('id', autoId, idPk)
          .addColumn('article_id', 'integer', (c) => c.notNull().unique().references('articles.id').onDelete('cascade'))
          .addColumn('base_revision', 'integer', (c) => c.notNull())
          .addColumn('snapshot', 'text', (c) => c.notNull())
          .addColumn('note', 'text', (c) => c.notNull())
          .addColumn('author_id', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0011_licensed_feed': {
      async up(db: AnyDb) {
        // A licensee's feed, class by class in the order things became available: a narrow
        // agreement reads only what it covers.
        await sql.raw(`CREATE INDEX articles_licensed ON articles (rights_class, (${AVAILABLE_AT}), id) WHERE ${EVER_PUBLIC}`).execute(db);
      },
    },
    '0012_search_ranking': {
      async up(db: AnyDb) {
        await traits.rankingIndex?.(db);
      },
    },
    '0013_announce_changes': {
      async up(db: AnyDb) {
        // Every writer records its change in content_changes; announcing it there, at the table,
        // reaches other instances whatever code path wrote (a notification is sent at commit).
        for (const statement of traits.announceChanges ?? []) await sql.raw(statement).execute(db);
      },
    },
    '0014_media': {
      async up(db: AnyDb) {
        const [autoId, idPk] = autoIdColumn(traits);
        // Originals are files named by their hash; a row per distinct file, whoever uploaded it.
        await db.schema
          .createTable('media')
          .addColumn('id', autoId, idPk)
          .addColumn('hash', 'text', (c) => c.notNull().unique())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('width', 'integer', (c) => c.notNull())
          .addColumn('height', 'integer', (c) => c.notNull())
          .addColumn('bytes', 'integer', (c) => c.notNull())
          .addColumn('caption', 'text')
          .addColumn('credit', 'text')
          .addColumn('alt', 'text')
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('focal_x', 'integer', (c) => c.notNull().defaultTo(50))
          .addColumn('focal_y', 'integer', (c) => c.notNull().defaultTo(50))
          .addColumn('rights_class', 'text', (c) => c.notNull())
          .addColumn('copyright_holder', 'text')
          .addColumn('usage_terms', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'integer')
          .addColumn('taken_down_at', 'text')
          .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
          // A change waiting for a second person (JSON), when published articles show the picture.
          .addColumn('pending_change', 'text')
          .execute();
        await db.schema.createIndex('media_created').on('media').columns(['created_at', 'id']).execute();
        await db.schema.alterTable('articles').addColumn('lead_image_id', 'integer').execute();
        await db.schema.createIndex('articles_lead_image').on('articles').column('lead_image_id').execute();
      },
    },
    '0015_article_views': {
      async up(db: AnyDb) {
        // 點擊排行: how often each article was read on each local day of the site's zone, and
        // nothing about who read it. No foreign key: a batch of counts must never fail on one id.
        await db.schema
          .createTable('article_views')
          .addColumn('article_id', 'integer', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('views', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'day'])
          .execute();
        // "The most read since day X" reads a range of days from this index alone.
        await db.schema.createIndex('article_views_day').on('article_views').columns(['day', 'article_id', 'views']).execute();
      },
    },
    '0016_channel_navigation': {
      async up(db: AnyDb) {
        // Whether the site's navigation links a channel (1) or leaves it out (0); every channel made before is shown.
        await db.schema.alterTable('channels').addColumn('nav_visible', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      },
    },
    '0017_article_tags_by_tag': {
      async up(db: AnyDb) {
        // Tag pages look articles up by tag (in each of its written forms); the key starts with the article.
        await db.schema.createIndex('article_tags_tag').on('article_tags').columns(['tag', 'article_id']).execute();
      },
    },
  };
}

export function migrationProvider(traits: DialectTraits): MigrationProvider {
  return { getMigrations: async () => migrations(traits) };
}
