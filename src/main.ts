import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { Store } from './store/ports.ts';
import { openStore } from './store/open-store.ts';
import { createReaderService } from './services/reader-service.ts';
import { seedDemoSite } from './services/demo-site.ts';
import { ensureDefaultSettings } from './services/default-settings.ts';
import { createHttpApp } from './http/app.ts';
import { createHttpServer, requestHandler, watchContent } from './http/server.ts';
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
import { createSettingsService } from './services/settings-service.ts';
import { join } from 'node:path';
import { seedDemoUsers } from './services/demo-users.ts';
import { startScheduler } from './jobs/scheduler.ts';

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

/** Every service wired to HTTP, without a server: what `serve` listens with and `export-site` renders with. */
export function buildApp(config: Config, s: Store) {
  const reader = createReaderService(s);
  const newsroom = createNewsroomService(s);
  const { app, cache } = createHttpApp({
    reader,
    auth: createAuthService(s),
    newsroom,
    users: createUserAdminService(s),
    terms: createTermService(s),
    search: createSearchService(s),
    content: createContentApiService(s, config.publicUrl),
    rights: createRightsService(s),
    rightsPolicy: (id) => rightsPolicy(s, config.publicUrl, id),
    // Evidence lives beside the database, never under anything served.
    claims: createClaimsService(s, newsroom, join(config.dataDir, 'uploads', 'claims'), config.limits.uploadFileBytes),
    tips: createTipsService(s, join(config.dataDir, 'uploads', 'tips'), config.limits.uploadFileBytes),
    frontPage: createFrontPageService(s),
    settings: createSettingsService(s),
    secureCookies: config.publicUrl.startsWith('https:'),
    publicUrl: config.publicUrl,
    ready: async () => {
      // The settings row lives in a migrated table and is written on first start.
      if (!(await s.settings.get())) throw new Error('the site has no settings');
    },
    limits: { ...config.limits, uploadFiles: MAX_FILES },
  });
  return { app, cache, reader };
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
  const { app, cache, reader } = buildApp({ ...config, publicUrl }, s);
  server.on('request', requestHandler(app, cache));
  const watch = watchContent(reader, cache);
  const scheduler = startScheduler(s);
  return {
    server,
    store: s,
    url: `http://${host}:${addr.port}`,
    publicUrl,
    async stop() {
      watch.stop();
      scheduler.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await s.close();
    },
  };
}
