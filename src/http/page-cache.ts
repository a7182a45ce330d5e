import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** A page ready to send: bytes encoded once, with their ETag. */
export interface CachedPage {
  status: number;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
  /** Told of each GET it answers, wherever it is sent from (an article's page counts a view). */
  onServe?: (headers: Headers | IncomingHttpHeaders) => void;
}

export function encodePage(status: number, contentType: string, text: string | Buffer, cacheControl: string): CachedPage {
  const body = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
  return {
    status,
    body,
    etag,
    headers: {
      'content-type': contentType,
      'content-length': String(body.length),
      etag,
      'cache-control': cacheControl,
    },
  };
}

/**
 * The headers of a 304 for this page: the validators and the caching rules a 200 would carry
 * (RFC 9110 15.4.5), so a cache that revalidates keeps keying the page the same way.
 */
export function notModifiedHeaders(page: CachedPage): Record<string, string> {
  // Everything but the body's own type and length: the security headers too, so a cache that
  // revalidates updates what it keeps.
  const { 'content-type': _type, 'content-length': _length, ...headers } = page.headers;
  return headers;
}

/** What every cached page shows besides its own tags: the site's frame (name, menus, settings). */
export const SITE_TAG = 'site';

/**
 * A tag as a CDN header carries it: Surrogate-Key separates by spaces and Cache-Tag by commas, so
 * anything but letters, digits and `:._-` is percent-encoded (slugs and ids never need it).
 */
export function headerTag(tag: string): string {
  return tag.replace(/[^A-Za-z0-9:._-]/g, (ch) => encodeURIComponent(ch).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** What a kept page costs: its bytes and its key (an address can be long; UTF-16 in memory). */
const sizeOf = (key: string, page: CachedPage): number => page.body.length + key.length * 2;

/**
 * Rendered pages by request path. Rendering happens on a miss, never per request; the server
 * looks here before routing. Bounded in bytes, oldest out first, so a crawl of the archive
 * cannot grow memory without end.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  /** What each page shows (an article, a channel's list, the home page …), so a change drops only those pages. */
  private readonly tagged = new Map<string, Set<string>>();
  /** The tags each kept page was stored under, so a page pushed out leaves no key behind in `tagged`. */
  private readonly tagsOfKey = new Map<string, readonly string[]>();
  private bytes = 0;
  /** Counted here, read by the metrics: answered from the cache, and rendered then kept. */
  readonly stats = { hits: 0, stores: 0 };
  /**
   * `headersFor` adds what every response of this type carries (security headers): a cached page
   * is sent by the server before any routing or middleware, so it must hold them itself.
   */
  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly headersFor: (contentType: string) => Record<string, string> = () => ({}),
  ) {}

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) this.stats.hits++;
    return page;
  }

  set(key: string, page: CachedPage, tags: readonly string[] = []): void {
    // Pages are found by URL alone, before any routing: one that differs by a request header
    // (it says so in Vary) would reach readers it was not made for.
    if (page.headers['vary']) return;
    // Only pages: an error answer (a refused search) would let anyone fill the cache with a
    // different address each time, and is cheap to make again.
    if (page.status !== 200) return;
    // A CDN in front keeps the page under what it shows, to drop it by those names when they
    // change. Set on the page itself: the route sends this same object on the miss.
    const named = [...tags, SITE_TAG].map(headerTag);
    page.headers['surrogate-key'] = named.join(' ');
    page.headers['cache-tag'] = named.join(',');
    this.stats.stores++;
    this.delete(key);
    const size = sizeOf(key, page);
    while (this.bytes + size > this.maxBytes && this.pages.size > 0) {
      this.delete(this.pages.keys().next().value!);
    }
    const unique = [...new Set(tags)];
    for (const t of unique) {
      let keys = this.tagged.get(t);
      if (!keys) this.tagged.set(t, (keys = new Set()));
      keys.add(key);
    }
    this.tagsOfKey.set(key, unique);
    this.pages.set(key, { ...page, headers: { ...this.headersFor(page.headers['content-type'] ?? ''), ...page.headers } });
    this.bytes += size;
  }

  clear(): void {
    this.pages.clear();
    this.tagged.clear();
    this.tagsOfKey.clear();
    this.bytes = 0;
  }

  /** Drops every page that shows any of these things; returns how many. */
  invalidate(tags: readonly string[]): number {
    let n = 0;
    for (const t of tags) {
      for (const key of [...(this.tagged.get(t) ?? [])]) {
        if (this.pages.has(key)) n++;
        this.delete(key);
      }
    }
    return n;
  }

  /** The keys (paths) of the pages that show any of these things: what a URL-purging CDN needs. */
  keysFor(tags: readonly string[]): string[] {
    const keys = new Set<string>();
    for (const t of tags) for (const key of this.tagged.get(t) ?? []) if (this.pages.has(key)) keys.add(key);
    return [...keys];
  }

  keys(): string[] {
    return [...this.pages.keys()];
  }

  get bytesUsed(): number {
    return this.bytes;
  }

  /** How many page keys the tag index holds: never more than the pages kept (the metrics show it). */
  get indexedKeys(): number {
    let n = 0;
    for (const keys of this.tagged.values()) n += keys.size;
    return n;
  }

  private delete(key: string): void {
    const old = this.pages.get(key);
    if (old) {
      this.pages.delete(key);
      this.bytes -= sizeOf(key, old);
    }
    for (const t of this.tagsOfKey.get(key) ?? []) {
      const keys = this.tagged.get(t);
      keys?.delete(key);
      if (keys?.size === 0) this.tagged.delete(t);
    }
    this.tagsOfKey.delete(key);
  }

  get size(): number {
    return this.pages.size;
  }
}
