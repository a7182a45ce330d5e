import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, AuditEntry, AuditNote, AuditRepository } from './ports.ts';
import { appendAudit } from './kysely-journal.ts';

export class KyselyAudit implements AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  append(ctx: Actx, note: AuditNote & { articleId?: number | null }): Promise<void> {
    return appendAudit(this.db, ctx, note);
  }

  async list(options: { articleId?: number; limit: number; beforeId?: number; hidePrefixes?: readonly string[] }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (options.articleId !== undefined) q = q.where('article_id', '=', options.articleId);
    if (options.beforeId !== undefined) q = q.where('id', '<', options.beforeId);
    // Compared as a prefix rather than with LIKE, so no action name is read as a pattern.
    for (const prefix of options.hidePrefixes ?? []) q = q.where((eb) => eb(eb.fn('substr', ['action', eb.val(1), eb.val(prefix.length)]), '<>', prefix));
    const rows = await q.orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actorId: r.actor_id === null ? null : Number(r.actor_id),
      actorLogin: r.actor_login,
      action: r.action,
      articleId: r.article_id === null ? null : Number(r.article_id),
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      ip: r.ip,
    }));
  }

  async count(options: { action: string; since: string; actorLogin?: string; ip?: string }): Promise<number> {
    let q = this.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', options.action)
      .where('at', '>=', options.since);
    if (options.actorLogin !== undefined) q = q.where('actor_login', '=', options.actorLogin);
    if (options.ip !== undefined) q = q.where('ip', '=', options.ip);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }
}
