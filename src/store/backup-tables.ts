/**
 * Which tables a backup holds, in an order that loads without breaking a foreign key (parents
 * first), each with the columns that order its rows uniquely, so it is read a page at a time.
 * A table with no such key (`key: null`) is small and read whole.
 */
export const BACKUP_TABLES = [
  { name: 'settings', key: ['key'] },
  { name: 'channels', key: ['id'] },
  { name: 'users', key: ['id'] },
  { name: 'user_roles', key: ['user_id', 'role'] },
  { name: 'media', key: ['id'] },
  { name: 'articles', key: ['id'] },
  { name: 'article_channels', key: ['article_id', 'channel_slug'] },
  { name: 'article_tags', key: ['article_id', 'tag'] },
  { name: 'article_revisions', key: ['article_id', 'revision'] },
  { name: 'review_signatures', key: ['article_id', 'level'] },
  { name: 'article_corrections', key: null },
  { name: 'pending_corrections', key: ['id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'script_terms', key: ['id'] },
  { name: 'licensees', key: ['id'] },
  { name: 'agreements', key: ['id'] },
  { name: 'api_keys', key: ['id'] },
  { name: 'content_access', key: ['id'] },
  { name: 'claims', key: ['id'] },
  { name: 'claim_files', key: ['id'] },
  { name: 'tips', key: ['id'] },
  { name: 'tip_files', key: ['id'] },
  { name: 'topics', key: ['id'] },
  // Counts of readings per article and day (no reader in them): the 點擊排行 after a restore.
  { name: 'article_views', key: ['article_id', 'day'] },
] as const satisfies readonly { name: string; key: readonly string[] | null }[];

export type BackupTable = (typeof BACKUP_TABLES)[number]['name'];

/**
 * Tables a backup leaves out on purpose, and why. Every other table in the database must be in
 * BACKUP_TABLES: a test fails on one that is in neither, so a new table cannot be forgotten.
 */
export const NOT_BACKED_UP: Record<string, string> = {
  sessions: 'sign-ins are live credentials; after a restore everyone signs in again',
  login_throttle: 'counts of recent failed sign-ins, meaningful only for minutes',
  content_version: 'the cache-invalidation counter; a restored site starts with empty caches',
  content_changes: 'the cache-invalidation journal, as above',
};

/** The search index is rebuilt from the articles after a restore, in the target dialect's own form. */
export function isDerivedSearchTable(name: string): boolean {
  return /^article_(fts|search)/.test(name) || name.startsWith('search_');
}

export function isBackupTable(name: string): name is BackupTable {
  return BACKUP_TABLES.some((t) => t.name === name);
}

/** Whether a table is one Heitu makes: backed up, left out on purpose, the search index, or the migrations' own. */
export function isHeituTable(name: string): boolean {
  return isBackupTable(name) || name in NOT_BACKED_UP || isDerivedSearchTable(name) || name.startsWith('kysely_migration');
}
