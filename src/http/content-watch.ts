import type { PageCache } from './page-cache.ts';
import type { ContentChange } from '../services/newsroom-views.ts';
import { log } from '../logger.ts';

/** The cache tags a change of one article touches: its page, the lists it is or was in. */
export function tagsOf(change: { articleId: number; channels: string[] }): string[] {
  return [`a:${change.articleId}`, 'home', 'sitemap', 'topics', 'search', ...change.channels.map((c) => `c:${c}`)];
}

/** What a catch-up found changed: some articles, or everything (settings, channels, the dictionary). */
export type Invalidation = { all: true } | { all: false; articles: Array<{ articleId: number; channels: string[] }> };

/** What a run of changes means for cached pages: everything when it cannot be told exactly (too many, or a gap). */
export function invalidationOf(changes: ContentChange[], after: number, limit: number): Invalidation {
  const complete = changes.length > 0 && changes.length < limit && changes[0]!.version === after + 1;
  if (!complete || changes.some((c) => 'all' in c)) return { all: true };
  return { all: false, articles: changes.filter((c): c is Extract<ContentChange, { articleId: number }> => 'articleId' in c) };
}

export type Trigger = 'notify' | 'poll';

export interface ContentWatchOptions {
  /** How often to look without being told; the only way on SQLite, a safety net with notifications. */
  intervalMs?: number;
  /** Told before the pages are dropped, while the cache still knows which it held. */
  onChange?: (what: Invalidation, from: number, to: number) => void;
  onCatchUp?: (trigger: Trigger, pagesDropped: number) => void;
}

export interface ContentWatch {
  /** Look now (a notification said something changed) instead of at the next interval. */
  check(trigger?: Trigger): void;
  stop(): void;
}

const LIMIT = 1000;

/**
 * Drops cached pages when content changes, also when another process or instance made the
 * change: it reads what changed since it last looked, and drops exactly the pages that show it
 * (everything, for a change of settings, channels or the dictionary). It looks once per interval,
 * and at once when told to (a PostgreSQL notification); a look asked for while one runs is made
 * right after it, so a change that committed during a look is never left to the next interval.
 */
export function watchContent(
  source: { version(): Promise<number>; changes(after: number, limit: number): Promise<ContentChange[]> },
  cache: PageCache,
  options: ContentWatchOptions = {},
): ContentWatch {
  let last: number | null = null;
  let running = false;
  let again: Trigger | null = null;
  let stopped = false;
  const tick = async (trigger: Trigger) => {
    if (stopped) return;
    if (running) {
      if (again !== 'notify') again = trigger;
      return;
    }
    running = true;
    try {
      const v = await source.version();
      if (last !== null && v !== last) {
        const what = invalidationOf(await source.changes(last, LIMIT), last, LIMIT);
        try {
          options.onChange?.(what, last, v);
        } catch (e) {
          log.error({ err: e }, 'content watch: a change listener failed');
        }
        let dropped = 0;
        if (what.all) {
          dropped = cache.size;
          cache.clear();
        } else {
          for (const c of what.articles) dropped += cache.invalidate(tagsOf(c));
        }
        options.onCatchUp?.(trigger, dropped);
      }
      last = v;
    } catch (e) {
      log.warn({ err: e instanceof Error ? e.message : String(e) }, 'content watch: cannot read the content version');
    } finally {
      running = false;
      if (again) {
        const next = again;
        again = null;
        void tick(next);
      }
    }
  };
  void tick('poll');
  const timer = setInterval(() => void tick('poll'), options.intervalMs ?? 1000);
  timer.unref();
  return {
    check: (trigger = 'notify') => void tick(trigger),
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
