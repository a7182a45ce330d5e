import { VARIANTS } from '../domain/variant.ts';
import { headerTag, SITE_TAG } from './page-cache.ts';
import { tagsOf, type Invalidation } from './content-watch.ts';
import { log } from '../logger.ts';

export interface PurgeTarget {
  /** Where the purge requests go (POST, JSON). */
  url: string;
  /** `keys`: `{"keys":[…]}` with the Surrogate-Key/Cache-Tag names; `urls`: `{"urls":[…]}` absolute. */
  mode: 'keys' | 'urls';
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string | undefined;
}

export interface PurgeOptions {
  /** Where readers reach the site: URLs to purge start with it. */
  publicUrl: string;
  /** Changes within this long go out in one request. */
  batchMs?: number;
  /** The most keys or URLs in one request (CDN APIs cap it; 30 is within all common ones). */
  chunk?: number;
  /** Attempts per request, with a doubling wait between them from `retryMs`. */
  attempts?: number;
  retryMs?: number;
  /** Whether this instance is the one that purges (one instance per site does). */
  lead?: () => Promise<boolean>;
  /** The changes after a version, for purging what a purger that went away may have left. */
  changesSince?: (version: number) => Promise<Invalidation>;
  onResult?: (outcome: 'ok' | 'failed' | 'retried', items: number) => void;
  fetch?: typeof fetch;
}

const FEEDS = ['feed.xml', 'atom.xml', 'feed.json'];

/** The keys a CDN has the pages that show this change under (the Surrogate-Key names). */
export function purgeKeysOf(what: Invalidation): string[] {
  if (what.all) return [SITE_TAG];
  return [...new Set(what.articles.flatMap(tagsOf))].map(headerTag);
}

/**
 * The URLs, without the site's address, where pages that show this change are found whichever
 * instance made them: the article in each variant, the home pages, the channel pages (first
 * page) and the feeds. Deeper pages (a channel's later pages, topics, searches, article sitemaps)
 * are purged when this instance held them; otherwise they expire by their max-age.
 */
export function purgePathsOf(what: Invalidation): string[] {
  const channels = what.all ? [] : [...new Set(what.articles.flatMap((a) => a.channels))];
  const paths = ['/sitemap.xml', '/news-sitemap.xml', ...FEEDS.map((f) => `/${f}`), ...channels.flatMap((c) => FEEDS.map((f) => `/channels/${c}/${f}`))];
  for (const v of VARIANTS) {
    paths.push(`/${v}/`, ...FEEDS.map((f) => `/${v}/${f}`));
    if (!what.all) for (const a of what.articles) paths.push(`/${v}/articles/${a.articleId}`);
    for (const c of channels) paths.push(`/${v}/channels/${c}`, ...FEEDS.map((f) => `/${v}/channels/${c}/${f}`));
  }
  return paths;
}

/**
 * Tells a CDN what to drop. Changes are gathered for `batchMs` and sent as one set, in chunks;
 * a request that fails is tried again a few times and then given up with a log line (pages then
 * expire by their max-age). Nothing here is awaited by a reader's request.
 */
export class CdnPurge {
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly sending = new Set<Promise<void>>();
  /** The version from which changes may not have been purged, while another instance purges. */
  private owedFrom: number | null = null;
  private firstFrom: number | null = null;
  private readonly batchMs: number;
  private readonly chunk: number;
  private readonly attempts: number;
  private readonly retryMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly target: PurgeTarget, private readonly options: PurgeOptions) {
    this.batchMs = options.batchMs ?? 200;
    this.chunk = options.chunk ?? 30;
    this.attempts = options.attempts ?? 4;
    this.retryMs = options.retryMs ?? 500;
    this.fetch = options.fetch ?? fetch;
  }

  /**
   * A change caught up on, after version `from`; `cachedPaths` are the pages this instance held
   * that show it (for the URL form).
   */
  changed(what: Invalidation, from: number, cachedPaths: readonly string[] = []): void {
    this.add(what, cachedPaths);
    this.firstFrom ??= from;
    this.timer ??= setTimeout(() => this.track(this.flush()), this.batchMs);
  }

  private add(what: Invalidation, cachedPaths: readonly string[]): void {
    const items = this.target.mode === 'keys' ? purgeKeysOf(what) : [...purgePathsOf(what), ...cachedPaths].map((p) => this.options.publicUrl + p);
    for (const i of items) this.pending.add(i);
  }

  private track(p: Promise<void>): void {
    this.sending.add(p);
    void p.finally(() => this.sending.delete(p));
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const from = this.firstFrom;
    this.firstFrom = null;
    if (this.options.lead && !(await this.options.lead())) {
      // Another instance purges these. Should it go away, whoever takes over purges again from here.
      this.owedFrom = from;
      this.pending.clear();
      return;
    }
    if (this.owedFrom !== null && this.options.changesSince) {
      const since = this.owedFrom;
      this.owedFrom = null;
      try {
        this.add(await this.options.changesSince(since), []);
      } catch (e) {
        log.warn({ err: e instanceof Error ? e.message : String(e) }, 'cdn purge: cannot read the changes another instance may not have purged');
      }
    }
    const items = [...this.pending];
    this.pending.clear();
    const key = this.target.mode;
    const sends: Promise<void>[] = [];
    for (let i = 0; i < items.length; i += this.chunk) sends.push(this.send({ [key]: items.slice(i, i + this.chunk) }, items.slice(i, i + this.chunk).length));
    await Promise.all(sends);
  }

  private async send(body: Record<string, string[]>, count: number): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.target.token) headers['authorization'] = `Bearer ${this.target.token}`;
    for (let attempt = 1; ; attempt++) {
      let why: string;
      let final = false;
      try {
        const res = await this.fetch(this.target.url, { method: 'POST', headers, body: JSON.stringify(body), signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer().catch(() => {});
        if (res.ok) {
          this.options.onResult?.('ok', count);
          return;
        }
        why = `HTTP ${res.status}`;
        // A refusal (bad token, bad body) will not change by asking again; overload or an outage may.
        final = res.status < 500 && res.status !== 429 && res.status !== 408;
      } catch (e) {
        why = e instanceof Error ? e.message : String(e);
      }
      if (final || attempt >= this.attempts) {
        this.options.onResult?.('failed', count);
        log.error({ err: why, items: count, attempts: attempt }, 'cdn purge: gave up; those pages expire by their max-age');
        return;
      }
      this.options.onResult?.('retried', count);
      log.warn({ err: why, attempt }, 'cdn purge: failed, trying again');
      await new Promise((r) => setTimeout(r, this.retryMs * 2 ** (attempt - 1)).unref());
    }
  }

  /** Sends what is gathered now, and waits a little for what is being sent: at shutdown. */
  async stop(waitMs = 3000): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.track(this.flush());
    }
    // A CDN that does not answer must not hold up a restart; what is left expires by max-age.
    await Promise.race([Promise.all([...this.sending]), new Promise((r) => setTimeout(r, waitMs).unref())]);
  }
}
