import { Hono } from 'hono';
import type { ReaderService } from '../services/reader-service.ts';
import type { AuthService } from '../services/auth-service.ts';
import type { NewsroomService } from '../services/newsroom-service.ts';
import type { UserAdminService } from '../services/user-admin-service.ts';
import type { TermService } from '../services/term-service.ts';
import type { SearchService } from '../services/search-service.ts';
import type { ContentApiService } from '../services/content-api-service.ts';
import type { RightsService } from '../services/rights-service.ts';
import type { ClaimsService } from '../services/claims-service.ts';
import type { TipsService } from '../services/tips-service.ts';
import type { FrontPageService } from '../services/front-page-service.ts';
import type { SettingsService } from '../services/settings-service.ts';
import type { MediaService } from '../services/media-service.ts';
import { mediaApi } from './newsroom/media-api.ts';
import { mountMedia } from './media-routes.ts';
import { mountContentApi } from './content-api/content-api-routes.ts';
import { mountReaderSite, readerRefusal, FILE_FORMS } from './reader-site/reader-routes.ts';
import { PageCache } from './page-cache.ts';
import { securityHeaders } from './security-headers.ts';
import { mountApi, openApiDocument, peerOf } from './api-registry.ts';
import { clientAddress, parseTrustedProxies, type TrustedProxies } from './client-address.ts';
import { newsroomApi } from './newsroom/newsroom-api.ts';
import { mountNewsroomUi } from './newsroom/newsroom-ui.ts';
import { guardRequests, type RequestLimits } from './request-guard.ts';
import { errorBody, isDatabaseUnavailable, RETRY_AFTER_SECONDS, statusOf } from './error-mapper.ts';
import type { Metrics } from './metrics.ts';
import { mountMetrics } from './metrics-route.ts';
import { noteRoute } from './request-log.ts';

export interface HttpDeps {
  reader: ReaderService;
  auth: AuthService;
  newsroom: NewsroomService;
  users: UserAdminService;
  terms: TermService;
  search: SearchService;
  content: ContentApiService;
  rights: RightsService;
  claims: ClaimsService;
  tips: TipsService;
  frontPage: FrontPageService;
  settings: SettingsService;
  media: MediaService;
  rightsPolicy: (agreementId: number) => Promise<Record<string, unknown> | null>;
  secureCookies: boolean;
  /** Where readers reach the site: canonical and alternate links are absolute. */
  publicUrl: string;
  /** Throws unless the database answers with the migrated schema. */
  ready: () => Promise<void>;
  /** How large a request may be (settings), enforced before any route reads it. */
  limits: RequestLimits;
  /** The site's own proxies, whose X-Forwarded-For names the reader. */
  trustedProxies?: TrustedProxies;
  /** Called after every change made through the newsroom API (the cache looks for changes at once). */
  afterWrite?: () => void;
  /** Serve /metrics from these (HEITU_METRICS_TOKEN as `token`). */
  metrics?: { metrics: Metrics; token: string | undefined };
}

export const NEWSROOM_API = '/newsroom/api';

/** Where answers are JSON: the newsroom API, the content and search APIs, rights policies. */
function isApiPath(path: string): boolean {
  return path.startsWith(`${NEWSROOM_API}/`) || path.startsWith('/api/') || path.startsWith('/rights/policies/') || path === '/healthz' || path === '/readyz' || path === '/metrics';
}

/** All of Heitu's HTTP surface in one Hono app; the page cache is shared with the fast path. */
export function createHttpApp(deps: HttpDeps, cache?: PageCache): { app: Hono; cache: PageCache } {
  const app = new Hono();
  const headers = { hsts: deps.publicUrl.startsWith('https:') };
  const pages = cache ?? new PageCache(undefined, (type) => securityHeaders(type, headers));
  // Outermost, so the route it notes for the request log is the one that answered.
  app.use('*', noteRoute());
  const trusted = deps.trustedProxies ?? parseTrustedProxies(undefined);
  app.use('*', async (c, next) => {
    c.set('clientIp', clientAddress(peerOf(c), c.req.header('x-forwarded-for'), trusted));
    await next();
  });
  // Every response, whatever route made it; a route's own value wins (downloads are sandboxed harder).
  app.use('*', async (c, next) => {
    await next();
    const missing = Object.entries(securityHeaders(c.res.headers.get('content-type'), headers)).filter(([name]) => !c.res.headers.has(name));
    try {
      for (const [name, value] of missing) c.res.headers.set(name, value);
    } catch {
      // Some responses (redirects made by the platform) come with immutable headers.
      const res = new Response(c.res.body, c.res);
      for (const [name, value] of missing) res.headers.set(name, value);
      c.res = res;
    }
  });
  // Before every route, so that none, present or future, reads a body or a query unchecked.
  const readerPage = readerRefusal(deps.reader, deps.publicUrl);
  app.use(
    '*',
    guardRequests({
      limits: deps.limits,
      takesFiles: (c) => c.req.method === 'POST' && (FILE_FORMS.test(c.req.path) || c.req.path === `${NEWSROOM_API}/media`),
      refuse: (c, e) => (isApiPath(c.req.path) ? c.json(errorBody(e), statusOf(e) as 400, { 'cache-control': 'no-store' }) : readerPage(c, e)),
      // The script switch only picks one of the site's own pages by its `to`, and sends anything else home.
      queryExempt: (c, name) => name === 'to' && c.req.path.startsWith('/variant/'),
    }),
  );
  app.get('/healthz', (c) => c.json({ ok: true }));
  if (deps.metrics) mountMetrics(app, deps.metrics.metrics, deps.metrics.token);
  // Ready for traffic: the database answers and holds the migrated schema (a load balancer's check).
  app.get('/readyz', async (c) => {
    try {
      await deps.ready();
      return c.json({ ready: true }, 200, { 'cache-control': 'no-store' });
    } catch (e) {
      // Public: says what is wrong, never where the database is (a connection error names its address).
      const reason = isDatabaseUnavailable(e) ? 'the database cannot be reached' : e instanceof Error ? e.message : String(e);
      return c.json({ ready: false, reason }, 503, { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });
    }
  });

  const api = [...newsroomApi(deps), ...mediaApi(deps.media)];
  const openapi = openApiDocument(NEWSROOM_API, 'Heitu newsroom API', api);
  app.get(`${NEWSROOM_API}/openapi.json`, (c) => c.json(openapi));
  mountApi(app, NEWSROOM_API, api, deps.auth, deps.afterWrite);
  app.all(`${NEWSROOM_API}/*`, (c) => c.json({ errors: [{ code: 'NOT_FOUND', message: 'no such API route' }] }, 404));
  mountNewsroomUi(app, deps.reader);
  mountContentApi(app, deps.content, deps.rightsPolicy);
  mountMedia(app, deps.media);

  mountReaderSite(app, deps.reader, pages, deps.publicUrl, { search: deps.search, rights: deps.rights, claims: deps.claims, tips: deps.tips, media: deps.media });
  return { app, cache: pages };
}
