import type { Store } from '../store/ports.ts';
import { log } from '../logger.ts';

/** The scheduler's jobs, as metrics and logs name them. */
export type JobName = 'publish_due' | 'session_cleanup';

export interface SchedulerOptions {
  intervalMs?: number;
  now?: () => Date;
  onPublished?: (ids: number[]) => void;
  /** Told after every run of a job: which, whether it went through, and how long it took. */
  onRun?: (job: JobName, outcome: 'ok' | 'error', ms: number) => void;
}

/**
 * Publishes scheduled articles when their time comes, and cleans out expired sessions. Runs in
 * every app instance; the store makes sure each article is published by exactly one. A start
 * after downtime catches up at once, since everything overdue is due.
 */
export function startScheduler(store: Store, options: SchedulerOptions = {}) {
  const intervalMs = options.intervalMs ?? 1000;
  const now = options.now ?? (() => new Date());
  let running = false;
  let lastCleanup = 0;
  let stopped = false;

  async function run<T>(job: JobName, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      const r = await work();
      options.onRun?.(job, 'ok', performance.now() - t0);
      return r;
    } catch (e) {
      options.onRun?.(job, 'error', performance.now() - t0);
      throw e;
    }
  }

  let current: Promise<number[]> | null = null;
  function tick(): Promise<number[]> {
    if (running || stopped) return Promise.resolve([]);
    current = runOnce().finally(() => (current = null));
    return current;
  }

  async function runOnce(): Promise<number[]> {
    running = true;
    try {
      const ids = await run('publish_due', () => store.articles.publishDue(now().toISOString()));
      if (ids.length) {
        log.info({ job: 'publish_due', articles: ids }, 'scheduler: published scheduled articles');
        options.onPublished?.(ids);
      }
      if (Date.now() - lastCleanup > 3_600_000) {
        lastCleanup = Date.now();
        await run('session_cleanup', () => store.sessions.deleteExpired(now().toISOString()));
      }
      return ids;
    } catch (e) {
      log.error({ err: e instanceof Error ? e.message : String(e) }, 'scheduler: a job failed');
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
    /** Starts nothing more; resolves when a run in progress has finished (its transaction committed or rolled back). */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
