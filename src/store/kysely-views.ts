import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { ArticleRepository, MostReadSummary, ViewCount, ViewRepository } from './ports.ts';
import { DomainError } from '../domain/errors.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Rows per INSERT: three parameters each, far below either database's limit on parameters. */
const CHUNK = 500;

/** The batch with one row per article and day, in key order. */
function merged(batch: readonly ViewCount[]): ViewCount[] {
  const byKey = new Map<string, ViewCount>();
  for (const v of batch) {
    if (!Number.isSafeInteger(v.articleId) || v.articleId < 1 || !DAY.test(v.day) || !Number.isSafeInteger(v.views) || v.views < 1) {
      throw new DomainError('VALIDATION_FAILED', `not a count of readings: ${JSON.stringify(v)}`);
    }
    const key = `${v.articleId}|${v.day}`;
    const had = byKey.get(key);
    byKey.set(key, had ? { ...had, views: had.views + v.views } : { ...v });
  }
  // PostgreSQL refuses an upsert that meets one row twice; and two instances writing rows in the
  // same order wait for each other instead of deadlocking.
  return [...byKey.values()].sort((a, b) => a.articleId - b.articleId || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

export class KyselyViews implements ViewRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly articles: Pick<ArticleRepository, 'publicSummaries'>,
  ) {}

  async add(batch: readonly ViewCount[]): Promise<void> {
    const rows = merged(batch);
    if (rows.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx
          .insertInto('article_views')
          .values(rows.slice(i, i + CHUNK).map((r) => ({ article_id: r.articleId, day: r.day, views: r.views })))
          // Adds to the stored count rather than replacing it, in the database: nothing read first.
          .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet({ views: sql<number>`article_views.views + excluded.views` }))
          .execute();
      }
    });
  }

  async top(query: { sinceDay: string; channel?: string; limit: number; asOf: string }): Promise<MostReadSummary[]> {
    if (!DAY.test(query.sinceDay)) throw new DomainError('VALIDATION_FAILED', `not a day: ${query.sinceDay}`);
    const limit = Math.max(0, Math.min(100, Math.floor(query.limit)));
    if (limit === 0) return [];
    // Summed and ordered first, from the index on (day, article), then joined to the articles by
    // key in that order until `limit` public ones are found. Joined the other way, SQLite walks every
    // published article of the archive; with a one-sided range on the day it reads every day kept
    // rather than the index (its planner guesses a one-sided range keeps a quarter of the rows).
    const sums = this.db
      .selectFrom('article_views')
      .select(['article_id', (eb) => eb.fn.sum<number | string>('views').as('total')])
      .where('day', '>=', query.sinceDay)
      .where('day', '<=', '9999-12-31')
      .groupBy('article_id')
      .orderBy('total', 'desc')
      .orderBy('article_id', 'desc')
      .as('t');
    // CROSS JOIN keeps SQLite reading the sums first; PostgreSQL plans it as any join.
    let q = this.db
      .selectFrom(sums)
      .crossJoin('articles as a')
      .select(['t.article_id', 't.total'])
      .whereRef('a.id', '=', 't.article_id')
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', query.asOf);
    if (query.channel !== undefined) {
      const channel = query.channel;
      q = q.where((eb) => eb.exists(eb.selectFrom('article_channels as ac').select('ac.article_id').whereRef('ac.article_id', '=', 't.article_id').where('ac.channel_slug', '=', channel)));
    }
    const rows = await q.orderBy('t.total', 'desc').orderBy('t.article_id', 'desc').limit(limit).execute();
    const views = new Map(rows.map((r) => [Number(r.article_id), Number(r.total)]));
    // What lists show of an article, read as every list reads it (and public by `asOf` once more).
    const summaries = await this.articles.publicSummaries([...views.keys()], query.asOf);
    return summaries.map((s) => ({ ...s, views: views.get(s.id) ?? 0 }));
  }

  async prune(beforeDay: string): Promise<number> {
    if (!DAY.test(beforeDay)) throw new DomainError('VALIDATION_FAILED', `not a day: ${beforeDay}`);
    const r = await this.db.deleteFrom('article_views').where('day', '<', beforeDay).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
