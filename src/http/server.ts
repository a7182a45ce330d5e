import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { notModifiedHeaders, type PageCache } from './page-cache.ts';
import type { ContentChange } from '../services/newsroom-views.ts';

/**
 * The request handler. A GET for a page already rendered is answered from the cache's bytes
 * before any routing; everything else goes to the Hono app.
 */
export function requestHandler(app: Hono, cache: PageCache): (req: IncomingMessage, res: ServerResponse) => void {
  const listener = getRequestListener(app.fetch);
  return (req: IncomingMessage, res: ServerResponse) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
      const page = cache.get(req.url);
      if (page) {
        if (req.headers['if-none-match'] === page.etag) {
          res.writeHead(304, notModifiedHeaders(page));
          res.end();
        } else {
          res.writeHead(page.status, page.headers);
          res.end(req.method === 'HEAD' ? undefined : page.body);
        }
        return;
      }
    }
    void listener(req, res);
  };
}

/** A server that listens before it has a handler, so the address it got can go into the app. */
export function createHttpServer(): Server {
  return createServer();
}

/** The cache tags a change of one article touches: its page, the lists it is or was in. */
export function tagsOf(change: { articleId: number; channels: string[] }): string[] {
  return [`a:${change.articleId}`, 'home', 'sitemap', 'topics', 'search', ...change.channels.map((c) => `c:${c}`)];
}

/**
 * Drops cached pages when content changes, also when another process or instance made the
 * change: once per interval it reads what changed since it last looked, and drops exactly the
 * pages that show it (everything, for a change of settings, channels or the dictionary).
 */
export function watchContent(
  source: { version(): Promise<number>; changes(after: number, limit: number): Promise<ContentChange[]> },
  cache: PageCache,
  intervalMs = 1000,
): { stop(): void } {
  let last: number | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const v = await source.version();
      if (last !== null && v !== last) {
        const changes = await source.changes(last, 1000);
        const complete = changes.length > 0 && changes.length < 1000 && changes[0]!.version === last + 1;
        if (!complete || changes.some((c) => 'all' in c)) cache.clear();
        else for (const c of changes) if ('articleId' in c) cache.invalidate(tagsOf(c));
      }
      last = v;
    } catch (e) {
      console.error('content watch: cannot read the content version:', e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
