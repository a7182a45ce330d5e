import type { Generated } from 'kysely';

/** Table shapes as Kysely sees them. Times are UTC ISO-8601 text in both dialects. */
export interface Database {
  settings: { key: string; value: string };
  content_version: { id: number; version: number };
  channels: {
    id: Generated<number>;
    slug: string;
    name: string;
    language: string;
    kind: string;
    parent_slug: string | null;
    position: number;
  };
  articles: {
    id: Generated<number>;
    uri: string;
    language: string;
    headline: string;
    original_headline: string | null;
    summary: string | null;
    dateline_place: string | null;
    dateline_source: string | null;
    dateline_date: string | null;
    dateline_kind: string | null;
    dateline_text: string | null;
    body_html: string;
    byline: string | null;
    source_name: string | null;
    rights_class: string;
    editor_name: string | null;
    responsible_editor_name: string | null;
    status: string;
    published_at: string | null;
    revision: number;
    created_at: string;
    updated_at: string;
  };
  article_channels: { article_id: number; channel_slug: string; position: number };
  article_tags: { article_id: number; tag: string; position: number };
}
