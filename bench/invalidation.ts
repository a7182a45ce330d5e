/**
 * `npm run bench -- invalidation`: two `heitu serve` processes on one PostgreSQL schema. A change
 * of settings is written through the first (the newsroom API); the second's cached home page is
 * read back to back until it shows the change. Once with LISTEN/NOTIFY (safety poll 5 s), once
 * polling only (HEITU_CONTENT_LISTEN=0, the 1 s poll).
 *
 *   BENCH_ROUNDS=15 HEITU_TEST_DATABASE_URL=postgres://… npm run bench -- invalidation
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { spawnServer, median, repoRoot, type Proc } from './support.ts';
import { NewsroomClient } from '../test/support/newsroom-client.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 15);
const baseUrl = process.env['HEITU_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const heitu = [join(repoRoot, 'bin/heitu.mjs'), 'serve'];
const schema = `heitu_bench_invalidation_${process.pid}`;

const admin = new pg.Client({ connectionString: baseUrl });
try {
  await admin.connect();
} catch (e) {
  console.log(JSON.stringify({ skipped: `PostgreSQL at ${baseUrl} is not reachable: ${e instanceof Error ? e.message : e}` }));
  process.exit(0);
}
await admin.query(`CREATE SCHEMA ${schema}`);
// Both processes reach the same schema through the URL, as two deployed instances would.
const url = new URL(baseUrl);
url.searchParams.set('options', `-c search_path=${schema}`);
const env = { DATABASE_URL: url.toString(), HEITU_LOG_LEVEL: 'warn' };

interface Round {
  /** From sending the write to the second instance answering with the new page. */
  fromWrite: number;
  /** From the first instance's answer (the change committed) to the same. */
  fromCommit: number;
}

async function measure(mode: Record<string, string>): Promise<Round[]> {
  // One after the other: the first creates the schema and the demo site.
  const a = await spawnServer(heitu, { ...env, ...mode });
  const b = await spawnServer(heitu, { ...env, ...mode });
  const procs: Proc[] = [a, b];
  try {
    const writer = new NewsroomClient(a.url);
    const login = await writer.login('admin', DEMO_USERS.find((u) => u.login === 'admin')!.password);
    if (login.status !== 200) throw new Error(`admin cannot sign in: ${login.code}`);
    // Let the listener connect and the first poll pass before timing anything.
    await new Promise((r) => setTimeout(r, 1500));
    const page = `${b.url}/zh-hant/`;
    const out: Round[] = [];
    for (let i = 0; i < rounds; i++) {
      const hotline = `0431-${String(Date.now()).slice(-8)}`;
      await (await fetch(page)).arrayBuffer();
      const t0 = performance.now();
      const committed = writer.ok('PUT', '/settings', { hotline }).then(() => performance.now());
      while (!(await (await fetch(page)).text()).includes(hotline)) {
        // Back to back: a cached page is a fraction of a millisecond.
      }
      const t2 = performance.now();
      out.push({ fromWrite: t2 - t0, fromCommit: t2 - (await committed) });
      // Out of step with the poll, so polling rounds land anywhere in its interval.
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
    return out;
  } finally {
    await Promise.all(procs.map((p) => p.stop()));
  }
}

const summary = (rs: Round[], key: keyof Round) => {
  const xs = rs.map((r) => r[key]).sort((x, y) => x - y);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { median: round(median(xs)), p90: round(xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!), max: round(xs[xs.length - 1]!) };
};

const results: Record<string, unknown> = { rounds };
try {
  const listen = await measure({});
  const poll = await measure({ HEITU_CONTENT_LISTEN: '0' });
  results['listenNotifyMs'] = { fromWrite: summary(listen, 'fromWrite'), fromCommit: summary(listen, 'fromCommit') };
  results['pollOnly1sMs'] = { fromWrite: summary(poll, 'fromWrite'), fromCommit: summary(poll, 'fromCommit') };
  results['how'] = 'two heitu serve processes on one PostgreSQL schema; PUT /newsroom/api/settings on the first, the second\'s cached /zh-hant/ read back to back until it shows the change; fromCommit starts at the first\'s answer, so it can be below zero when the notification wins';
} finally {
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
}

console.log(JSON.stringify(results, null, 2));
mkdirSync(join(repoRoot, 'test-output/bench'), { recursive: true });
writeFileSync(join(repoRoot, 'test-output/bench/invalidation.json'), JSON.stringify(results, null, 2));
