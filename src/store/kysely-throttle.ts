import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { ThrottleRepository, ThrottleSlot } from './ports.ts';

/** Rolls the transaction back when one key is full, so no other key keeps a slot. */
class KeyFull extends Error {}

/**
 * Each key is one row, changed by a single conditional upsert: the database holds the row's lock
 * (PostgreSQL) or the write lock (SQLite) while it checks the count and adds one, so parallel
 * attempts, also from other processes, are counted one after another.
 */
export class KyselyThrottle implements ThrottleRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly skipLocked: boolean,
  ) {}

  async take(keys: Array<{ key: string; limit: number }>, now: string, windowStartsAfter: string): Promise<ThrottleSlot[] | null> {
    try {
      return await this.db.transaction().execute(async (tx) => {
        const slots: ThrottleSlot[] = [];
        // Always the same key order (as given: login, then address), so two takes cannot deadlock.
        for (const { key, limit } of keys) {
          const stale = sql<boolean>`login_throttle.window_start <= ${windowStartsAfter}`;
          const row = await tx
            .insertInto('login_throttle')
            .values({ key, window_start: now, attempts: 1 })
            .onConflict((oc) =>
              oc
                .column('key')
                .doUpdateSet({
                  attempts: sql<number>`CASE WHEN ${stale} THEN 1 ELSE login_throttle.attempts + 1 END`,
                  window_start: sql<string>`CASE WHEN ${stale} THEN ${now} ELSE login_throttle.window_start END`,
                })
                .where(sql<boolean>`${stale} OR login_throttle.attempts < ${limit}`),
            )
            .returning('window_start')
            .executeTakeFirst();
          if (!row) throw new KeyFull();
          slots.push({ key, windowStart: row.window_start });
        }
        return slots;
      });
    } catch (e) {
      if (e instanceof KeyFull) return null;
      throw e;
    }
  }

  async release(slots: ThrottleSlot[]): Promise<void> {
    for (const s of slots) {
      await this.db
        .updateTable('login_throttle')
        .set((eb) => ({ attempts: eb('attempts', '-', 1) }))
        .where('key', '=', s.key)
        .where('window_start', '=', s.windowStart)
        .where('attempts', '>', 0)
        .execute();
    }
  }

  async prune(windowStartsAfter: string): Promise<void> {
    // Rows a take holds are skipped rather than waited for: a prune must never deadlock a login.
    let stale = this.db.selectFrom('login_throttle').select('key').where('window_start', '<=', windowStartsAfter);
    if (this.skipLocked) stale = stale.forUpdate().skipLocked();
    await this.db.deleteFrom('login_throttle').where('key', 'in', stale).execute();
  }
}
