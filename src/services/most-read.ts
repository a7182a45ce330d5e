import type { Store } from '../store/ports.ts';
import type { ArticleSummary } from '../domain/article.ts';
import { formatLocalDate } from '../domain/time.ts';
import { ViewCounter, type HeaderSource } from './view-counter.ts';
import { log } from '../logger.ts';

/** 點擊排行 of a page: today's and this week's (the last seven local days) most read. */
export interface MostReadLists {
  today: ArticleSummary[];
  week: ArticleSummary[];
}

/** How many each list shows. */
export const MOST_READ_SIZE = 10;
/** Ranked a few more than shown, so a list stays full when one of them is withdrawn before the next ranking. */
const RANKED = MOST_READ_SIZE + 5;
/** Days of counts kept; older ones are deleted now and then. */
const KEEP_DAYS = 60;
const PRUNE_EVERY_MS = 6 * 3_600_000;

interface Ranking {
  today: number[];
  week: number[];
}

/** `YYYY-MM-DD` moved by whole days (calendar arithmetic, no zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface MostReadSchedule {
  /** How often counts are written. */
  flushMs: number;
  /** How often rankings are read again from the database. */
  rankMs: number;
  /** Told which rankings changed order, so that the pages showing them are made again. */
  onChange(channels: Array<string | null>): void;
}

/**
 * Views counted on this instance, and rankings read from the counts of every instance. Pages show
 * the rankings as last read (at most `rankMs` old), so a page needs making again only when an
 * order changed; the articles themselves are read when the page is made, so a withdrawn one is
 * gone and a corrected headline is current at once.
 */
export class MostRead {
  readonly views: ViewCounter;
  /** By scope: '' for the site, else the channel's slug; only scopes some page has shown. */
  private readonly rankings = new Map<string, Ranking>();
  private rankTimer: NodeJS.Timeout | null = null;
  private refreshing: Promise<unknown> | null = null;
  private lastPrune = 0;

  constructor(
    private readonly store: Store,
    private readonly timeZone: () => Promise<string>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.views = new ViewCounter({
      write: (batch) => store.views.add(batch),
      timeZone,
      onProblem: (what, detail) =>
        log.warn({ what, dropped: detail.dropped, err: detail.error instanceof Error ? detail.error.message : detail.error }, 'most read: counts not written; kept for the next write'),
    });
  }

  /** Counts a view of an article page (see ViewCounter.hit): no I/O, nothing awaited. */
  hit(articleId: number, headers: HeaderSource): void {
    this.views.hit(articleId, headers);
  }

  /** The lists a page shows: site-wide (null) or one channel's. */
  async lists(channel: string | null): Promise<MostReadLists> {
    const key = channel ?? '';
    let ranking = this.rankings.get(key);
    if (!ranking) {
      ranking = await this.rank(channel);
      this.rankings.set(key, ranking);
    }
    const summaries = await this.store.articles.publicSummaries([...new Set([...ranking.today, ...ranking.week])], this.now().toISOString());
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const pick = (ids: number[]) => ids.flatMap((id) => byId.get(id) ?? []).slice(0, MOST_READ_SIZE);
    return { today: pick(ranking.today), week: pick(ranking.week) };
  }

  /** Reads every ranking shown so far again; returns the scopes whose order changed. */
  async refresh(): Promise<Array<string | null>> {
    const changed: Array<string | null> = [];
    for (const [key, old] of [...this.rankings]) {
      const channel = key === '' ? null : key;
      const fresh = await this.rank(channel);
      if (!same(old.today, fresh.today) || !same(old.week, fresh.week)) changed.push(channel);
      this.rankings.set(key, fresh);
    }
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      const today = formatLocalDate(this.now().toISOString(), await this.timeZone());
      await this.store.views.prune(addDays(today, -KEEP_DAYS));
    }
    return changed;
  }

  /** Writes counts and reads rankings on timers (which do not keep the process alive). */
  start(schedule: MostReadSchedule): void {
    this.views.start(schedule.flushMs);
    if (this.rankTimer) return;
    this.rankTimer = setInterval(() => {
      if (this.refreshing) return;
      this.refreshing = this.refresh()
        .then((changed) => {
          if (changed.length) schedule.onChange(changed);
        })
        .catch((e: unknown) => log.warn({ err: e instanceof Error ? e.message : String(e) }, 'most read: rankings not read; the pages keep the last ones'))
        .finally(() => (this.refreshing = null));
    }, schedule.rankMs);
    this.rankTimer.unref();
  }

  /** Stops the timers and writes the counts held (a graceful shutdown). */
  async stop(): Promise<void> {
    if (this.rankTimer) clearInterval(this.rankTimer);
    this.rankTimer = null;
    await this.refreshing;
    await this.views.stop();
  }

  private async rank(channel: string | null): Promise<Ranking> {
    const asOf = this.now().toISOString();
    const today = formatLocalDate(asOf, await this.timeZone());
    const scope = channel === null ? {} : { channel };
    const [day, week] = await Promise.all([
      this.store.views.top({ sinceDay: today, limit: RANKED, asOf, ...scope }),
      this.store.views.top({ sinceDay: addDays(today, -6), limit: RANKED, asOf, ...scope }),
    ]);
    return { today: day.map((a) => a.id), week: week.map((a) => a.id) };
  }
}
