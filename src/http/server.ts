import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { notModifiedHeaders, type CachedPage, type PageCache } from './page-cache.ts';
import { requestIdOf, routeOf, type RequestObserver } from './request-log.ts';

/**
 * The request handler. A GET for a page already rendered is answered from the cache's bytes
 * before any routing; everything else goes to the Hono app. Every request gets an id (its own
 * X-Request-Id if it came with a usable one), sent back in that header and named in its log line.
 */
export function requestHandler(app: Hono, cache: PageCache, observe?: RequestObserver): (req: IncomingMessage, res: ServerResponse) => void {
  const listener = getRequestListener(app.fetch);
  return (req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now();
    const id = requestIdOf(req.headers['x-request-id']);
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
      const page = cache.get(req.url);
      if (page) {
        if (page.onServe && req.method === 'GET') page.onServe(req.headers);
        const notModified = req.headers['if-none-match'] === page.etag;
        const status = notModified ? 304 : page.status;
        // Node checks each header again when headers set one by one meet a writeHead's; a list
        // made once per page goes out as it is, with the id in its last place.
        const headers = rawHeaders(page, notModified);
        headers[headers.length - 1] = id;
        res.writeHead(status, headers);
        res.end(notModified || req.method === 'HEAD' ? undefined : page.body);
        observe?.(req.method, 'cached', status, performance.now() - start, id, req.url);
        return;
      }
    }
    res.setHeader('x-request-id', id);
    if (observe) {
      // 499, as nginx logs it: the client went away before the answer was sent.
      res.once('close', () => observe(req.method ?? 'GET', routeOf(req), res.writableFinished ? res.statusCode : 499, performance.now() - start, id, req.url ?? '/'));
    }
    void listener(req, res);
  };
}

const raw = new WeakMap<CachedPage, { full: string[]; notModified: string[] }>();

/** A page's headers as name, value, name, value …, ending with x-request-id and a place for its value. */
function rawHeaders(page: CachedPage, notModified: boolean): string[] {
  let r = raw.get(page);
  if (!r) {
    const flat = (h: Record<string, string>) => [...Object.entries(h).flat(), 'x-request-id', ''];
    r = { full: flat(page.headers), notModified: flat(notModifiedHeaders(page)) };
    raw.set(page, r);
  }
  return notModified ? r.notModified : r.full;
}

/** A server that listens before it has a handler, so the address it got can go into the app. */
export function createHttpServer(): Server {
  return createServer();
}
