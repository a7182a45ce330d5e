/**
 * Recovery after PostgreSQL ends the server's connections (a restart of the database, a failover,
 * `pg_terminate_backend`), while a reader load and a newsroom desk run: how long until an uncached
 * read and a newsroom save succeed again, with no restart, and what was answered in between.
 * Medians of BENCH_ROUNDS (5) rounds.
 *
 *   npm run bench -- recovery
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startServer } from '../src/main.ts';
import { loadConfig } from '../src/config.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { seedDemoUsers, DEMO_USERS } from '../src/services/demo-users.ts';
import { NewsroomClient } from '../test/support/newsroom-client.ts';
import { median, repoRoot } from './support.ts';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const pgUrl = process.env['HEITU_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `heitu_bench_recovery_${process.pid}`;
const applicationName = schema;
const admin = new pg.Client({ connectionString: pgUrl });
await admin.connect();
await admin.query(`CREATE SCHEMA ${schema}`);
const store = openPostgresStore(pgUrl, { schema, max: 10, applicationName });
await store.migrate();
if (await seedDemoSite(store)) await seedDemoUsers(store);
const site = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', HEITU_LOG_LEVEL: 'silent' }), store);
const reporter = new NewsroomClient(site.url);
await reporter.login('reporter', DEMO_USERS.find((u) => u.login === 'reporter')!.password);

const readMs: number[] = [];
const saveMs: number[] = [];
const seen = new Map<number, number>();
let stop = false;
// Readers on the cached home page and on uncached searches, all the time.
const load = Promise.all(
  Array.from({ length: 4 }, async (_, i) => {
    for (let n = 0; !stop; n++) {
      const res = await fetch(`${site.url}${n % 2 ? '/zh-hans/' : `/api/search?q=${encodeURIComponent('長春')}&n=${i}-${n}`}`).catch(() => null);
      const status = res?.status ?? 0;
      seen.set(status, (seen.get(status) ?? 0) + 1);
      await res?.arrayBuffer();
    }
  }),
);

async function until(ok: () => Promise<boolean>): Promise<number> {
  const t0 = performance.now();
  while (!(await ok().catch(() => false))) await new Promise((r) => setTimeout(r, 10));
  return performance.now() - t0;
}

try {
  for (let round = 0; round < rounds; round++) {
    await new Promise((r) => setTimeout(r, 500));
    const ended = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    if (!ended.rowCount) throw new Error('the server had no connections to end');
    const [read, save] = await Promise.all([
      until(async () => (await reporter.request('GET', '/desk')).status === 200),
      until(async () => (await reporter.request('POST', '/articles', { language: 'zh-Hans', headline: `断线之后第${round}篇`, bodyHtml: '<p>正文。</p>', rightsClass: 'original', channels: ['siping'] })).status === 201),
    ]);
    readMs.push(read);
    saveMs.push(save);
  }
} finally {
  stop = true;
  await load;
  await site.stop();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}

const results = {
  rounds,
  newsroomReadRecoveryMs: { median: Math.round(median(readMs)), max: Math.round(Math.max(...readMs)) },
  newsroomSaveRecoveryMs: { median: Math.round(median(saveMs)), max: Math.round(Math.max(...saveMs)) },
  // Everything the reader load got: 200s, 503s while the database was away, never a 500 or a dropped connection (0).
  readerStatuses: Object.fromEntries([...seen].sort(([a], [b]) => a - b)),
};
console.log(JSON.stringify(results, null, 2));
mkdirSync(join(repoRoot, 'test-output', 'bench'), { recursive: true });
writeFileSync(join(repoRoot, 'test-output', 'bench', 'recovery.json'), `${JSON.stringify(results, null, 2)}\n`);
