import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { Store } from './store/ports.ts';
import { openStore } from './store/open-store.ts';
import { createReaderService } from './services/reader-service.ts';
import { seedDemoSite } from './services/demo-site.ts';
import { ensureDefaultSettings } from './services/default-settings.ts';
import { createHttpApp } from './http/app.ts';
import { parseTrustedProxies } from './http/client-address.ts';
import { createHttpServer, requestHandler } from './http/server.ts';
import { invalidationOf, tagsOf, watchContent, type Invalidation } from './http/content-watch.ts';
import { Metrics, timed } from './http/metrics.ts';
import { requestObserver } from './http/request-log.ts';
import { CdnPurge } from './http/cdn-purge.ts';
import type { PageCache } from './http/page-cache.ts';
import { isDomainError } from './domain/errors.ts';
import { log } from './logger.ts';
import { poolOf } from './store/postgres/open-postgres.ts';
import { listenForContent, type ContentListener } from './store/postgres/postgres-notify.ts';
import { createAuthService } from './services/auth-service.ts';
import { createNewsroomService } from './services/newsroom-service.ts';
import { createUserAdminService } from './services/user-admin-service.ts';
import { createTermService } from './services/term-service.ts';
import { createSearchService } from './services/search-service.ts';
import { createContentApiService } from './services/content-api-service.ts';
import { createRightsService } from './services/rights-service.ts';
import { rightsPolicy } from './services/rights-policy.ts';
import { createClaimsService, MAX_FILES } from './services/claims-service.ts';
import { createTipsService } from './services/tips-service.ts';
import { createFrontPageService } from './services/front-page-service.ts';
import { createMediaService } from './services/media-service.ts';
import { createSettingsService } from './services/settings-service.ts';
import { join } from 'node:path';
import { seedDemoUsers } from './services/demo-users.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { atLocalMidnight } from './http/local-midnight.ts';
import { mostReadTag } from './http/reader-site/most-read.ts';

export interface Running {
  server: Server;
  store: Store;
  url: string;
  /** Where readers reach the site (HEITU_PUBLIC_URL, or the address listened on). */
  publicUrl: string;
  stop(): Promise<void>;
}

/** Opens the store the settings name, prepares it, and wires services to HTTP. */
export async function openAndPrepareStore(config: Config, options: { seed?: boolean } = {}): Promise<Store> {
  const store = openStore(config);
  try {
    await store.migrate();
    if (options.seed === false) {
      // Only the schema: a reading tool must not decide what the site starts with.
    } else if (config.demo) {
      if (await seedDemoSite(store)) await seedDemoUsers(store);
    } else {
      // Without the demo an empty database still gets settings, so the site renders (empty) at once.
      await ensureDefaultSettings(store);
    }
  } catch (e) {
    await store.close().catch(() => {});
    throw e;
  }
  return store;
}

/**
 * Every service wired to HTTP, without a server: what `serve` listens with and `export-site`
 * renders with. With `metrics`, searches are timed and the app answers /metrics.
 */
export function buildApp(config: Config, s: Store, metrics?: Metrics, options: { draining?: () => boolean; afterWrite?: () => void } = {}) {
  const reader = createReaderService(s);
  const newsroom = createNewsroomService(s);
  const search = createSearchService(s);
  const { app, cache } = createHttpApp({
    reader,
    auth: createAuthService(s),
    newsroom,
    users: createUserAdminService(s),
    terms: createTermService(s),
    search: metrics ? { ...search, search: timed(search.search, (seconds, e) => metrics.search(seconds, e === null ? 'ok' : isDomainError(e) ? 'refused' : 'error')) } : search,
    content: createContentApiService(s, config.publicUrl),
    rights: createRightsService(s),
    rightsPolicy: (id) => rightsPolicy(s, config.publicUrl, id),
    // Evidence lives beside the database, never under anything served.
    claims: createClaimsService(s, newsroom, join(config.dataDir, 'uploads', 'claims'), config.limits.uploadFileBytes),
    tips: createTipsService(s, join(config.dataDir, 'uploads', 'tips'), config.limits.uploadFileBytes),
    frontPage: createFrontPageService(s),
    settings: createSettingsService(s),
    // Pictures are uploads too (backed up with them): originals by hash, renditions made from them.
    media: createMediaService(s, join(config.dataDir, 'uploads', 'media'), { maxFileBytes: config.limits.uploadFileBytes }),
    secureCookies: config.publicUrl.startsWith('https:'),
    publicUrl: config.publicUrl,
    ready: async () => {
      // A load balancer takes an instance that is shutting down out of rotation at once.
      if (options.draining?.()) throw new Error('shutting down');
      // The settings row lives in a migrated table and is written on first start.
      if (!(await s.settings.get())) throw new Error('the site has no settings');
    },
    trustedProxies: parseTrustedProxies(config.trustedProxies),
    ...(options.afterWrite ? { afterWrite: options.afterWrite } : {}),
    limits: { ...config.limits, uploadFiles: MAX_FILES },
    ...(metrics ? { metrics: { metrics, token: config.metricsToken } } : {}),
  });
  return { app, cache, reader };
}

/** What the page cache, the database pool and the content listener report when scraped. */
function trackState(metrics: Metrics, cache: PageCache, s: Store, listener: ContentListener | null): void {
  metrics.counter('heitu_page_cache_hits_total', 'Requests answered from the page cache', () => cache.stats.hits);
  metrics.counter('heitu_page_cache_misses_total', 'Pages rendered because they were not in the page cache, then kept', () => cache.stats.stores);
  metrics.gauge('heitu_page_cache_pages', 'Pages in the page cache', () => cache.size);
  metrics.gauge('heitu_page_cache_bytes', 'Bytes of pages in the page cache', () => cache.bytesUsed);
  const pool = poolOf(s);
  if (pool) {
    metrics.gauge('heitu_db_pool_connections', 'PostgreSQL pool connections: total open, idle, and requests waiting for one', () => [
      [{ state: 'total' }, pool.totalCount],
      [{ state: 'idle' }, pool.idleCount],
      [{ state: 'waiting' }, pool.waitingCount],
    ], ['state']);
  }
  if (listener) {
    metrics.gauge('heitu_content_listener_connected', '1 while the PostgreSQL connection listening for content changes is up', () => (listener.connected ? 1 : 0));
    metrics.counter('heitu_content_listener_reconnects_total', 'Listening connections lost and made again', () => listener.reconnects);
  }
}

export async function startServer(config: Config, store?: Store): Promise<Running> {
  const s = store ?? (await openAndPrepareStore(config));
  const server = createHttpServer();
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  // With PORT=0 the port is known only now; links then carry the real one.
  const publicUrl = config.port === 0 ? config.publicUrl.replace(/:0$/, `:${addr.port}`) : config.publicUrl;
  if (config.logLevel) log.level = config.logLevel;
  const metrics = new Metrics();
  let draining = false;
  // Known once the cache watch starts below; a write before then has nothing to refresh.
  let checkNow: (() => void) | null = null;
  const { app, cache, reader } = buildApp({ ...config, publicUrl }, s, metrics, { draining: () => draining, afterWrite: () => checkNow?.() });
  server.on('request', requestHandler(app, cache, requestObserver(metrics)));

  // On PostgreSQL a notification says at once that content changed; the poll stays as a safety net.
  const pool = config.contentWatch.listen ? poolOf(s) : undefined;
  let listener: ContentListener | null = null;
  const purge = config.purge
    ? new CdnPurge(config.purge, {
        publicUrl,
        // One instance purges for the whole site: the one holding the lock on PostgreSQL; with
        // SQLite there is one server.
        ...(pool ? { lead: async () => (listener ? listener.lead() : false) } : {}),
        changesSince: async (v: number) => invalidationOf(await reader.changes(v, 1000), v, 1000),
        onResult: (outcome, n) => metrics.purge(outcome, n),
      })
    : null;
  const watch = watchContent(reader, cache, {
    intervalMs: config.contentWatch.pollMs ?? (pool ? 5000 : 1000),
    onCatchUp: (trigger, dropped) => metrics.caughtUp(trigger, dropped),
    ...(purge ? { onChange: (what: Invalidation, from: number) => purge.changed(what, from, config.purge?.mode === 'urls' ? pagesShowing(cache, what) : []) } : {}),
  });
  if (pool) listener = listenForContent(pool, () => watch.check('notify'));
  // This instance's own writes count as a notification: its pages follow them at once.
  checkNow = () => watch.check('notify');
  trackState(metrics, cache, s, listener);
  const scheduler = startScheduler(s, { onRun: (job, outcome, ms) => metrics.jobRun(job, outcome, ms / 1000), onPublished: () => checkNow?.() });
  // Lists name the year only when it is not the current one: pages made last year go when the site's day turns.
  const midnight = atLocalMidnight(async () => (await reader.frame()).settings.timeZone, () => cache.clear());
  // 點擊排行: views written in batches; the pages showing a ranking are made again when its order changes.
  reader.mostRead.start({ ...config.views, onChange: (channels) => cache.invalidate(channels.map(mostReadTag)) });
  const views = reader.mostRead.views.stats;
  metrics.counter('heitu_article_views_written_total', 'Article views written to the database (點擊排行)', () => views.written);
  metrics.counter('heitu_article_views_ignored_total', 'Article page requests not counted as views: bots, prefetches, no User-Agent', () => views.ignored);
  metrics.counter('heitu_article_views_dropped_total', 'Article views lost because the counts held in memory were at their cap', () => views.dropped);
  metrics.gauge('heitu_article_views_pending', 'Article views counted and not yet written', () => reader.mostRead.views.pending);
  return {
    server,
    store: s,
    url: `http://${host}:${addr.port}`,
    publicUrl,
    async stop() {
      draining = true;
      watch.stop();
      midnight.stop();
      const jobs = scheduler.stop();
      // No new connections; requests in flight finish, each connection closing once it is idle.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), config.shutdownMs)));
      if ((await Promise.race([closed.then(() => 'drained' as const), late])) === 'late') {
        log.warn({ graceMs: config.shutdownMs }, 'drain: requests still running after the grace period; their connections are cut');
        server.closeAllConnections();
        await closed;
      } else {
        log.info('drain: every request in flight was answered');
      }
      clearTimeout(timer);
      clearInterval(sweep);
      await jobs;
      // Once no request can count another view: what is held goes to the database.
      await reader.mostRead.stop().catch((e: unknown) => log.error({ err: e instanceof Error ? e.message : String(e) }, 'most read: the last views could not be written'));
      await Promise.all([listener?.stop(), purge?.stop()]);
      await s.close();
    },
  };
}

/** The pages this instance holds that show a change: for a CDN that purges by URL. */
function pagesShowing(cache: PageCache, what: Invalidation): string[] {
  return what.all ? cache.keys() : cache.keysFor(what.articles.flatMap(tagsOf));
}
