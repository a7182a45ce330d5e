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
    review_levels: number;
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
    created_by: number | null;
    review_levels: number;
    status_reason: string | null;
    locked_terms: string;
  };
  article_channels: { article_id: number; channel_slug: string; position: number };
  article_tags: { article_id: number; tag: string; position: number };
  article_revisions: { article_id: number; revision: number; snapshot: string; author_id: number | null; created_at: string };
  review_signatures: { article_id: number; level: number; user_id: number; name: string; signed_at: string; revision: number };
  article_corrections: { article_id: number; at: string; note: string; revision: number };
  users: { id: Generated<number>; login: string; display_name: string; password_hash: string; disabled: number; created_at: string };
  user_roles: { user_id: number; role: string };
  sessions: { id: string; user_id: number; csrf: string; created_at: string; expires_at: string; ip: string | null };
  login_throttle: { key: string; window_start: string; attempts: number };
  script_terms: { id: Generated<number>; hans: string; hant: string; hk: string | null; note: string | null; updated_at: string };
  licensees: { id: Generated<number>; name: string; contact: string | null; certificate_no: string; created_at: string };
  agreements: {
    id: Generated<number>;
    licensee_id: number;
    scope: string;
    valid_from: string | null;
    valid_until: string | null;
    revoked_at: string | null;
    created_at: string;
  };
  api_keys: { id: Generated<number>; agreement_id: number; key_hash: string; prefix: string; created_at: string; expires_at: string | null; revoked_at: string | null };
  content_access: { id: Generated<number>; at: string; day: string; licensee_id: number; agreement_id: number; article_id: number | null; path: string; status: number; ip: string | null };
  claims: {
    id: Generated<number>;
    reference: string;
    article_id: number | null;
    article_ref: string;
    claimant: string;
    contact: string;
    claim: string;
    links: string;
    status: string;
    within_window: number;
    days_after_publication: number | null;
    assignee_id: number | null;
    created_at: string;
    updated_at: string;
    ip: string | null;
  };
  claim_files: { id: Generated<number>; claim_id: number; file_name: string; content_type: string; size: number; stored_as: string };
  tips: { id: Generated<number>; reference: string; text: string; contact: string | null; status: string; created_at: string; updated_at: string; ip: string | null };
  tip_files: { id: Generated<number>; tip_id: number; file_name: string; content_type: string; size: number; stored_as: string };
  topics: { id: Generated<number>; slug: string; title: string; language: string; description: string | null; position: number; article_ids: string; updated_at: string };
  content_changes: { id: Generated<number>; version: number; article_id: number | null; channels: string };
  audit_log: {
    id: Generated<number>;
    at: string;
    actor_id: number | null;
    actor_login: string | null;
    action: string;
    article_id: number | null;
    detail: string;
    ip: string | null;
  };
}
