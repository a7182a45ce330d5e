/**
 * Backup and restore of a large site, through the `heitu` command as an operator runs it:
 * - `heitu backup` of a generated archive (default 100k articles, each with one revision);
 * - `heitu restore` of that file into an empty SQLite file and into an empty PostgreSQL schema
 *   (the move to PostgreSQL), each including the rebuild of the search index.
 *
 *   BENCH_ARTICLES=100000 npm run bench -- backup
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openSqliteStore } from '../src/store/sqlite/open-sqlite.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { insertArchive } from './corpus.ts';
import { repoRoot } from './support.ts';

const count = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const pgUrl = process.env['HEITU_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const results: Record<string, unknown> = { articles: count };
const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-backup-'));

function heitu(args: string[], env: Record<string, string>): { seconds: number; parts?: { rows: number; index: number } } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'heitu.mjs'), ...args], { env: { ...process.env, HEITU_DEMO: '0', ...env }, encoding: 'utf8', cwd: repoRoot });
  if (r.status !== 0) throw new Error(`heitu ${args.join(' ')} failed: ${r.stderr}`);
  console.error(r.stderr.trim());
  const parts = /rows ([\d.]+) s, search index ([\d.]+) s/.exec(r.stderr);
  return { seconds: (performance.now() - t0) / 1000, ...(parts ? { parts: { rows: Number(parts[1]), index: Number(parts[2]) } } : {}) };
}

const source = join(dir, 'source');
const store = openSqliteStore(join(source, 'heitu.sqlite'));
try {
  await store.migrate();
  await seedDemoSite(store);
  await insertArchive(store, count);
  // A saved article has its first revision; the archive's rows get one of the same size.
  await sql`INSERT INTO article_revisions (article_id, revision, snapshot, author_id, created_at) SELECT id, 1, headline || summary || body_html, NULL, created_at FROM articles WHERE id NOT IN (SELECT article_id FROM article_revisions)`.execute(store.db);
} finally {
  await store.close();
}
results['databaseMB'] = round(statSync(join(source, 'heitu.sqlite')).size / 1048576);

const file = join(dir, 'site.heitu-backup');
results['backupSeconds'] = round(heitu(['backup', file], { HEITU_DATA_DIR: source }).seconds);
results['backupMB'] = round(statSync(file).size / 1048576);

const sqliteTarget = join(dir, 'restored');
const toSqlite = heitu(['restore', file], { HEITU_DATA_DIR: sqliteTarget });
results['restoreSqlite'] = { seconds: round(toSqlite.seconds), ...toSqlite.parts };

const schema = `heitu_bench_restore_${process.pid}`;
const admin = new pg.Client({ connectionString: pgUrl });
try {
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const toPostgres = heitu(['restore', file], { HEITU_DATA_DIR: join(dir, 'pg'), DATABASE_URL: url });
  results['restorePostgres'] = { seconds: round(toPostgres.seconds), ...toPostgres.parts };
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
} catch (e) {
  results['restorePostgres'] = `not measured: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
} finally {
  await admin.end().catch(() => {});
}

console.log(JSON.stringify(results, null, 2));
mkdirSync(join(repoRoot, 'test-output', 'bench'), { recursive: true });
writeFileSync(join(repoRoot, 'test-output', 'bench', 'backup.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
