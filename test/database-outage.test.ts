import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { startServer, buildApp } from '../src/main.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { seedDemoSite } from '../src/services/demo-site.ts';
import { seedDemoUsers } from '../src/services/demo-users.ts';
import { testConfig } from './support/test-site.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';
import { signIn, draftBody } from './support/newsroom-people.ts';
import { waitFor } from './support/wait.ts';

const reachable = await postgresReachable();
const skip = reachable === true ? false : `PostgreSQL is not reachable: ${reachable}`;

test('ending the server\'s database connections does not kill it: cached pages go on, and it reconnects by itself', { skip }, async () => {
  const schema = `heitu_outage_${process.pid}_${Date.now()}`;
  const applicationName = `heitu_outage_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = openPostgresStore(postgresTestUrl, { schema, max: 4, applicationName });
  await store.migrate();
  if (await seedDemoSite(store)) await seedDemoUsers(store);
  const site = await startServer(testConfig(), store);
  try {
    const cached = await fetch(`${site.url}/zh-hans/articles/1`);
    assert.equal(cached.status, 200);
    const reporter = await signIn(site.url, 'reporter');
    await reporter.ok('GET', '/desk');

    // What a restart of PostgreSQL or a failover does to the server's connections.
    const ended = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    assert.ok(ended.rowCount! >= 1, 'the server had connections to end');

    // The page readers already had is served as before.
    assert.equal((await fetch(`${site.url}/zh-hans/articles/1`)).status, 200);
    // Within a few seconds, reading and writing work again, with no restart.
    await waitFor(async () => (await fetch(`${site.url}/zh-hans/channels/yanbian?after-outage`)).status === 200, 5000);
    const statuses: number[] = [];
    await waitFor(async () => {
      const r = await reporter.request('POST', '/articles', draftBody({ headline: '断线之后' }));
      statuses.push(r.status);
      return r.status === 201 && r.json['headline'] === '断线之后';
    }, 5000);
    assert.equal((await fetch(`${site.url}/readyz`)).status, 200);
    // Anything refused on the way was a 503 to try again, never a 500.
    assert.ok(statuses.every((s) => s === 201 || s === 503), statuses.join(','));
  } finally {
    await site.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});

test('ending the connections while requests hold them (inside transactions, between queries) does not kill it either', { skip }, async () => {
  const schema = `heitu_outage_load_${process.pid}_${Date.now()}`;
  const applicationName = `heitu_outage_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = openPostgresStore(postgresTestUrl, { schema, max: 6, applicationName });
  await store.migrate();
  if (await seedDemoSite(store)) await seedDemoUsers(store);
  const site = await startServer(testConfig(), store);
  const statuses = new Map<number, number>();
  let stop = false;
  try {
    const reporter = await signIn(site.url, 'reporter');
    // Saves (transactions of several queries), searches and desk reads, all the time.
    const load = Promise.all([
      (async () => {
        for (let i = 0; !stop; i++) {
          const r = await reporter.request('POST', '/articles', draftBody({ headline: `负载中的稿件${i}` }));
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
      })(),
      ...[0, 1, 2].map(async (k) => {
        for (let i = 0; !stop; i++) {
          const res = await fetch(`${site.url}/api/search?q=${encodeURIComponent('长春')}&k=${k}-${i}`);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          await res.arrayBuffer();
        }
      }),
    ]);
    for (let round = 0; round < 8; round++) {
      await new Promise((r) => setTimeout(r, 150));
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    }
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await load;
    await waitFor(async () => (await reporter.request('POST', '/articles', draftBody({ headline: '负载之后' }))).status === 201, 5000);
    assert.deepEqual([...statuses.keys()].filter((s) => s !== 200 && s !== 201 && s !== 503), [], JSON.stringify([...statuses]));
    assert.ok((statuses.get(503) ?? 0) > 0, 'some requests met the ended connections');
  } finally {
    stop = true;
    await site.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});

test('while the database cannot be reached, requests get 503 with Retry-After, not 500', { skip }, async () => {
  // A database nobody listens on: what the server sees during an outage.
  const store = openPostgresStore('postgres://postgres@127.0.0.1:1/test', { max: 1 });
  const { app } = buildApp(testConfig(), store);
  try {
    for (const [path, init] of [
      ['/zh-hans/', {}],
      ['/zh-hant/articles/1', {}],
      ['/api/content/v1/items', { headers: { authorization: 'Bearer htk_nothing' } }],
      ['/readyz', {}],
    ] as const) {
      const res = await app.request(path, init);
      assert.equal(res.status, 503, path);
      assert.equal(res.headers.get('retry-after'), '5', path);
      // Public answers say the database is away, never where it is.
      assert.doesNotMatch(await res.text(), /127\.0\.0\.1:1|ECONNREFUSED/, path);
    }
    // Alive, though not ready: a supervisor should not restart it for an outage of the database.
    assert.equal((await app.request('/healthz')).status, 200);
  } finally {
    await store.close();
  }
});
