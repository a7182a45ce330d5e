import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, AuditNote } from './ports.ts';

/** What every write records beside its change, inside the same transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Writes one audit entry inside the caller's transaction, so the entry and the change land together. */
export async function appendAudit(db: Db, ctx: Actx, note: AuditNote & { articleId?: number | null }): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor_id: ctx.actorId,
      actor_login: ctx.actorLogin,
      action: note.action,
      article_id: note.articleId ?? null,
      detail: JSON.stringify(note.detail ?? {}),
      ip: ctx.ip ?? null,
    })
    .execute();
}

/**
 * Moves the content version so every instance refreshes its cached pages, and says what changed:
 * one article (with the channels it was and is in), or, without an article, everything. On
 * PostgreSQL a trigger on content_changes (migration 0013) notifies the instances listening: a
 * notification made in a transaction is delivered when it commits, so none arrives before the
 * change can be read, and none for a change rolled back.
 */
export async function bumpContentVersion(db: Db, article?: { id: number; channels: string[] }): Promise<void> {
  const row = await db
    .updateTable('content_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('content_changes')
    .values({ version: Number(row.version), article_id: article?.id ?? null, channels: JSON.stringify(article ? [...new Set(article.channels)] : []) })
    .execute();
}
