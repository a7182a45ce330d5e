import { createHash } from 'node:crypto';

/** A page ready to send: bytes encoded once, with their ETag. */
export interface CachedPage {
  status: number;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
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

/**
 * Rendered pages by request path. Rendering happens on a miss, never per request; the server
 * looks here before routing. Bounded in bytes, oldest out first, so a crawl of the archive
 * cannot grow memory without end.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  /** What each page shows (an article, a channel's list, the home page …), so a change drops only those pages. */
  private readonly tagged = new Map<string, Set<string>>();
  private bytes = 0;
  /**
   * `headersFor` adds what every response of this type carries (security headers): a cached page
   * is sent by the server before any routing or middleware, so it must hold them itself.
   */
  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly headersFor: (contentType: string) => Record<string, string> = () => ({}),
  ) {}

  get(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  set(key: string, page: CachedPage, tags: readonly string[] = []): void {
    // Pages are found by URL alone, before any routing: one that differs by a request header
    // (it says so in Vary) would reach readers it was not made for.
    if (page.headers['vary']) return;
    this.delete(key);
    for (const t of tags) {
      let keys = this.tagged.get(t);
      if (!keys) this.tagged.set(t, (keys = new Set()));
      keys.add(key);
    }
    while (this.bytes + page.body.length > this.maxBytes && this.pages.size > 0) {
      this.delete(this.pages.keys().next().value!);
    }
    this.pages.set(key, { ...page, headers: { ...this.headersFor(page.headers['content-type'] ?? ''), ...page.headers } });
    this.bytes += page.body.length;
  }

  clear(): void {
    this.pages.clear();
    this.tagged.clear();
    this.bytes = 0;
  }

  /** Drops every page that shows any of these things; returns how many. */
  invalidate(tags: readonly string[]): number {
    let n = 0;
    for (const t of tags) {
      for (const key of this.tagged.get(t) ?? []) {
        if (this.pages.has(key)) n++;
        this.delete(key);
      }
      this.tagged.delete(t);
    }
    return n;
  }

  private delete(key: string): void {
    const old = this.pages.get(key);
    if (old) {
      this.pages.delete(key);
      this.bytes -= old.body.length;
    }
  }

  get size(): number {
    return this.pages.size;
  }
}
