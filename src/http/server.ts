import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { notModifiedHeaders, type PageCache } from './page-cache.ts';
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
    res.setHeader('x-request-id', id);
    if ((req.method === 'GET' || req.method === 'HEAD') && req.url) {
      const page = cache.get(req.url);
      if (page) {
        let status = page.status;
        if (req.headers['if-none-match'] === page.etag) {
          status = 304;
          res.writeHead(304, notModifiedHeaders(page));
          res.end();
        } else {
          res.writeHead(page.status, page.headers);
          res.end(req.method === 'HEAD' ? undefined : page.body);
        }
        observe?.(req.method, 'cached', status, performance.now() - start, id, req.url);
        return;
      }
    }
    if (observe) {
      // 499, as nginx logs it: the client went away before the answer was sent.
      res.once('close', () => observe(req.method ?? 'GET', routeOf(req), res.writableFinished ? res.statusCode : 499, performance.now() - start, id, req.url ?? '/'));
    }
    void listener(req, res);
  };
}

/** A server that listens before it has a handler, so the address it got can go into the app. */
export function createHttpServer(): Server {
  return createServer();
}
