import { isbot } from 'isbot';
import type { ViewCount } from '../store/ports.ts';
import { formatLocalDate } from '../domain/time.ts';

/** A request's headers, as Node gives them or as a fetch Request holds them. */
export type HeaderSource = Headers | Readonly<Record<string, string | string[] | undefined>>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * A request for a page the reader may never look at: a browser's prefetch or prerender
 * (Sec-Purpose, and the older Purpose, X-Purpose and X-Moz headers).
 */
function isPrefetch(headers: HeaderSource): boolean {
  for (const name of ['sec-purpose', 'purpose', 'x-purpose', 'x-moz']) {
    const v = header(headers, name);
    if (v && /prefetch|prerender|preview/i.test(v)) return true;
  }
  return false;
}

/**
 * Counts are kept per quarter of an hour (UTC) and given their local day only when written:
 * every zone's offset, and every change of it, falls on a quarter hour, so a quarter lies in one
 * local day whatever the zone, and no date is worked out while a reader waits.
 */
const QUARTER_MS = 15 * 60_000;
/** The wait after a first failed write, and the longest. */
const BACKOFF_MS = 15_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export interface ViewCounterOptions {
  /** Where a batch goes (the store's views.add). */
  write(batch: ViewCount[]): Promise<void>;
  /** The site's zone, read when a batch is written (the settings may change it). */
  timeZone(): Promise<string>;
  /** Most (quarter hour, article) pairs held in memory; past it new articles are not counted until a write. */
  maxKeys?: number;
  now?: () => number;
  /** Told when a write fails (the counts are kept for the next one) or counts had to be dropped. */
  onProblem?: (what: 'write_failed' | 'dropped', detail: { error?: unknown; dropped?: number }) => void;
}

/**
 * 點擊排行's counter. A view costs a few map operations and no I/O: counts are kept in memory
 * and written in batches that add to what the database holds, so several instances add up.
 * Bots (isbot on the User-Agent), requests without one and prefetches are not counted, and
 * nothing about the reader is kept: no address, cookie or User-Agent, only article and time.
 */
export class ViewCounter {
  /** Counts by quarter hour, then by article. */
  private readonly quarters = new Map<number, Map<number, number>>();
  private currentQuarter = -1;
  private current: Map<number, number> | null = null;
  private keys = 0;
  private writing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /**
   * After a failed write, the next is not tried before this instant (doubling up to five minutes).
   * On SQLite a locked database holds a write for its busy timeout on the event loop: retrying at
   * every tick, or at every new key once full, would stall every page for seconds at a time.
   */
  private retryAt = 0;
  private failures = 0;
  /** What isbot said of recent User-Agents: most requests come from a few hundred browsers. */
  private readonly botCache = new Map<string, boolean>();
  private readonly maxKeys: number;
  private readonly now: () => number;
  /** Counted but not yet written, and dropped for want of room (since the start). */
  readonly stats = { counted: 0, written: 0, dropped: 0, ignored: 0 };

  constructor(private readonly options: ViewCounterOptions) {
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Counts a view of an article page if a person asked for it. */
  hit(articleId: number, headers: HeaderSource): void {
    const ua = header(headers, 'user-agent');
    if (!ua || this.isBot(ua) || isPrefetch(headers)) {
      this.stats.ignored++;
      return;
    }
    this.add(articleId, Math.floor(this.now() / QUARTER_MS), 1);
  }

  /** Views counted and not yet written. */
  get pending(): number {
    let n = 0;
    for (const m of this.quarters.values()) for (const v of m.values()) n += v;
    return n;
  }

  /**
   * Writes what is held as one batch. On failure the counts go back (as far as there is room),
   * so an outage of the database loses nothing until the cap. One write at a time: a call while
   * one runs waits for it, then writes what came meanwhile.
   */
  async flush(): Promise<void> {
    // An earlier write's failure is its caller's to hear; its counts are already back in memory.
    while (this.writing) await this.writing.catch(() => {});
    if (this.keys === 0) return;
    const taken = new Map(this.quarters);
    this.quarters.clear();
    this.current = null;
    this.currentQuarter = -1;
    this.keys = 0;
    this.writing = this.write(taken).finally(() => (this.writing = null));
    await this.writing;
  }

  /** Writes every `intervalMs` from now on (the timer does not keep the process alive). */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flushWhenDue(), intervalMs);
    this.timer.unref();
  }

  /** A write, unless the last one failed too recently (a shutdown's last write does not wait). */
  private flushWhenDue(): Promise<void> {
    if (this.now() < this.retryAt) return Promise.resolve();
    return this.flush().catch(() => {});
  }

  /** Stops the timer and writes what is held (a graceful shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private isBot(ua: string): boolean {
    let bot = this.botCache.get(ua);
    if (bot === undefined) {
      if (this.botCache.size >= 1000) this.botCache.clear();
      bot = isbot(ua);
      this.botCache.set(ua, bot);
    }
    return bot;
  }

  /** Adds to a count in memory; false when a new key found no room. */
  private add(articleId: number, quarter: number, n: number): boolean {
    let counts = this.current;
    if (quarter !== this.currentQuarter || !counts) {
      counts = this.quarters.get(quarter) ?? null;
      if (!counts) {
        counts = new Map();
        this.quarters.set(quarter, counts);
      }
      this.current = counts;
      this.currentQuarter = quarter;
    }
    const had = counts.get(articleId);
    if (had !== undefined) {
      counts.set(articleId, had + n);
      this.stats.counted += n;
      return true;
    }
    if (this.keys >= this.maxKeys) {
      this.stats.dropped += n;
      // Full: write now rather than at the next tick, so the room comes back soon.
      if (!this.writing) void this.flushWhenDue();
      return false;
    }
    counts.set(articleId, n);
    this.keys++;
    this.stats.counted += n;
    return true;
  }

  private async write(taken: Map<number, Map<number, number>>): Promise<void> {
    try {
      const zone = await this.options.timeZone();
      const batch: ViewCount[] = [];
      for (const [quarter, counts] of taken) {
        const day = formatLocalDate(new Date(quarter * QUARTER_MS).toISOString(), zone);
        for (const [articleId, views] of counts) batch.push({ articleId, day, views });
      }
      await this.options.write(batch);
      this.stats.written += batch.reduce((n, v) => n + v.views, 0);
      this.failures = 0;
      this.retryAt = 0;
    } catch (error) {
      // Back into memory, beside what was counted meanwhile, as far as the cap allows.
      let dropped = 0;
      for (const [quarter, counts] of taken) {
        for (const [articleId, views] of counts) {
          this.stats.counted -= views;
          if (!this.add(articleId, quarter, views)) dropped += views;
        }
      }
      this.failures++;
      this.retryAt = this.now() + Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (this.failures - 1));
      this.options.onProblem?.('write_failed', { error });
      if (dropped) this.options.onProblem?.('dropped', { dropped });
      throw error;
    }
  }
}
