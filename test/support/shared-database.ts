import pg from 'pg';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAndPrepareStore, startServer, type Running } from '../../src/main.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.ts';
import { seedDemoSite } from '../../src/services/demo-site.ts';
import { seedDemoUsers } from '../../src/services/demo-users.ts';
import { testConfig } from './test-site.ts';
import { postgresTestUrl } from './postgres.ts';

export interface SharedSites {
  /** Servers, each with a store of its own, as separate processes would have. */
  sites: Running[];
  stop(): Promise<void>;
}

/** Demo sites sharing one SQLite file. */
export async function sqliteSites(count: number): Promise<SharedSites> {
  const file = join(mkdtempSync(join(tmpdir(), 'heitu-shared-')), 'heitu.sqlite');
  const sites: Running[] = [];
  for (let i = 0; i < count; i++) {
    const config = testConfig({ DATABASE_URL: `sqlite:${file}` });
    sites.push(await startServer(config, await openAndPrepareStore(config)));
  }
  return { sites, stop: async () => void (await Promise.all(sites.map((s) => s.stop()))) };
}

/** Demo sites sharing one throwaway schema of the test PostgreSQL. */
export async function postgresSites(count: number): Promise<SharedSites> {
  const schema = `heitu_shared_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const sites: Running[] = [];
  for (let i = 0; i < count; i++) {
    const store = openPostgresStore(postgresTestUrl, { schema, max: 4 });
    await store.migrate();
    if (await seedDemoSite(store)) await seedDemoUsers(store);
    sites.push(await startServer(testConfig(), store));
  }
  return {
    sites,
    async stop() {
      await Promise.all(sites.map((s) => s.stop()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
