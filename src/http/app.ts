import { Hono } from 'hono';
import type { ReaderService } from '../services/reader-service.ts';
import { mountReaderSite } from './reader-site/reader-routes.ts';
import { PageCache } from './page-cache.ts';

export interface HttpDeps {
  reader: ReaderService;
}

/** All of Heitu's HTTP surface in one Hono app; the page cache is shared with the fast path. */
export function createHttpApp(deps: HttpDeps, cache = new PageCache()): { app: Hono; cache: PageCache } {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  mountReaderSite(app, deps.reader, cache);
  return { app, cache };
}
