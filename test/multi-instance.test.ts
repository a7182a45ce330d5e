import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startServer, type Running } from '../src/main.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { seedDemoUsers } from '../src/services/demo-users.ts';
import { testConfig } from './support/test-site.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';
import { signIn } from './support/newsroom-people.ts';
import { startPurgeReceiver } from './support/purge-receiver.ts';
import { waitFor } from './support/wait.ts';

const reachable = await postgresReachable();
const skip = reachable === true ? false : `PostgreSQL is not reachable: ${reachable}`;

/** Two instances on one throwaway schema, each with connections named after it (to end them). */
async function twoInstances(env: Record<string, string>): Promise<{ a: Running; b: Running; appB: string; admin: pg.Client; stop(): Promise<void> }> {
  const tag = `${process.pid}_${Date.now()}`;
  const schema = `heitu_instances_${tag}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const sites: Running[] = [];
  for (const name of ['a', 'b']) {
    const store = openPostgresStore(postgresTestUrl, { schema, max: 4, applicationName: `heitu_instance_${name}_${tag}` });
    await store.migrate();
    if (await seedDemoSite(store)) await seedDemoUsers(store);
    sites.push(await startServer(testConfig({ HEITU_LOG_LEVEL: 'silent', ...env }), store));
  }
  return {
    a: sites[0]!,
    b: sites[1]!,
    appB: `heitu_instance_b_${tag}`,
    admin,
    async stop() {
      await Promise.all(sites.map((s) => s.stop()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function metric(site: Running, name: string): Promise<number> {
  const text = await (await fetch(`${site.url}/metrics`)).text();
  return [...text.matchAll(new RegExp(`^${name.replace(/[{}"]/g, (c) => `\\${c}`)} (\\S+)$`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
}

/** Changes the hotline through `writer` and times until `reader`'s cached home page shows it. */
async function staleGoneAfter(writer: Running, reader: Running, hotline: string): Promise<number> {
  const admin = await signIn(writer.url, 'admin');
  const home = `${reader.url}/zh-hant/`;
  await (await fetch(home)).arrayBuffer();
  assert.doesNotMatch(await (await fetch(home)).text(), new RegExp(hotline));
  await admin.ok('PUT', '/settings', { hotline });
  const t0 = performance.now();
  await waitFor(async () => (await (await fetch(home)).text()).includes(hotline), 4000);
  return performance.now() - t0;
}

test('a write on one instance drops the stale page on the other at once by notification, and the listener survives losing its connection', { skip }, async () => {
  const pair = await twoInstances({});
  try {
    await waitFor(async () => (await metric(pair.b, 'heitu_content_listener_connected')) === 1);
    // Cached on the second instance first: the fast path answers it until the change arrives.
    const first = await staleGoneAfter(pair.a, pair.b, '0431-11110001');
    // The safety poll is 5 s: only the notification can explain this.
    assert.ok(first < 1000, `stale page gone after ${Math.round(first)} ms`);
    assert.ok((await metric(pair.b, 'heitu_content_catch_ups_total{trigger="notify"}')) >= 1);

    // What a restart of PostgreSQL or a failover does to the second instance's connections.
    const ended = await pair.admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [pair.appB]);
    assert.ok(ended.rowCount! >= 1);
    await waitFor(async () => (await metric(pair.b, 'heitu_content_listener_reconnects_total')) >= 1 && (await metric(pair.b, 'heitu_content_listener_connected')) === 1, 5000);
    const again = await staleGoneAfter(pair.a, pair.b, '0431-11110002');
    assert.ok(again < 1000, `after reconnecting, stale page gone after ${Math.round(again)} ms`);
  } finally {
    await pair.stop();
  }
});

test('without notifications (HEITU_CONTENT_LISTEN=0) the poll alone still drops the stale page', { skip }, async () => {
  const pair = await twoInstances({ HEITU_CONTENT_LISTEN: '0', HEITU_CONTENT_POLL_MS: '300' });
  try {
    const ms = await staleGoneAfter(pair.a, pair.b, '0431-22220001');
    assert.ok(ms < 2000, `${Math.round(ms)} ms`);
    assert.equal(await metric(pair.b, 'heitu_content_catch_ups_total{trigger="notify"}'), 0);
    assert.ok((await metric(pair.b, 'heitu_content_catch_ups_total{trigger="poll"}')) >= 1);
    assert.equal(await metric(pair.b, 'heitu_content_listener_connected'), 0);
  } finally {
    await pair.stop();
  }
});

test('of two instances, one purges the CDN for a change, not both', { skip }, async () => {
  const receiver = await startPurgeReceiver();
  const pair = await twoInstances({ HEITU_PURGE_URL: receiver.url });
  try {
    await waitFor(async () => (await metric(pair.a, 'heitu_content_listener_connected')) === 1 && (await metric(pair.b, 'heitu_content_listener_connected')) === 1);
    await (await signIn(pair.b.url, 'admin')).ok('PUT', '/settings', { hotline: '0431-33330001' });
    await waitFor(async () => receiver.received.length > 0);
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(receiver.received.map((r) => r.body), [{ keys: ['site'] }]);
    const purged = (await metric(pair.a, 'heitu_cdn_purge_requests_total{outcome="ok"}')) + (await metric(pair.b, 'heitu_cdn_purge_requests_total{outcome="ok"}'));
    assert.equal(purged, 1);
  } finally {
    await pair.stop();
    await receiver.stop();
  }
});
