import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { PageCache } from './page-cache.ts';

/**
 * The HTTP server. A GET for a page already rendered is answered from the cache's bytes before
 * any routing; everything else goes to the Hono app.
 */
export function createHttpServer(app: Hono, cache: PageCache): Server {
  const listener = getRequestListener(app.fetch);
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
      const page = cache.get(req.url);
      if (page) {
        if (req.headers['if-none-match'] === page.etag) {
          res.writeHead(304, { etag: page.etag, 'cache-control': page.headers['cache-control']! });
          res.end();
        } else {
          res.writeHead(page.status, page.headers);
          res.end(req.method === 'HEAD' ? undefined : page.body);
        }
        return;
      }
    }
    void listener(req, res);
  });
}

/**
 * Drops cached pages when content changes, also when another process or instance made the
 * change. Checks a version number in the database once per interval.
 */
export function watchContent(version: () => Promise<number>, cache: PageCache, intervalMs = 1000): { stop(): void } {
  let last: number | null = null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const v = await version();
      if (last !== null && v !== last) cache.clear();
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
