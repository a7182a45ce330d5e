import type { Store } from '../store/ports.ts';

/**
 * Publishes scheduled articles when their time comes, and cleans out expired sessions. Runs in
 * every app instance; the store makes sure each article is published by exactly one. A start
 * after downtime catches up at once, since everything overdue is due.
 */
export function startScheduler(store: Store, options: { intervalMs?: number; now?: () => Date; onPublished?: (ids: number[]) => void } = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  const now = options.now ?? (() => new Date());
  let running = false;
  let lastCleanup = 0;
  let stopped = false;

  async function tick(): Promise<number[]> {
    if (running || stopped) return [];
    running = true;
    try {
      const ids = await store.articles.publishDue(now().toISOString());
      if (ids.length) options.onPublished?.(ids);
      if (Date.now() - lastCleanup > 3_600_000) {
        lastCleanup = Date.now();
        await store.sessions.deleteExpired(now().toISOString());
      }
      return ids;
    } catch (e) {
      console.error('scheduler:', e instanceof Error ? e.message : e);
      return [];
    } finally {
      running = false;
    }
  }

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
