import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, byClass, textOf } from './support/test-site.ts';
import type { Running } from '../src/main.ts';
import type { Store } from '../src/store/ports.ts';
import { createRightsService } from '../src/services/rights-service.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { openStore } from '../src/store/open-store.ts';
import { testConfig } from './support/test-site.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';
import pg from 'pg';

/**
 * The public verification (point 4 of the statement) answers a reader who types a licensee's
 * name in another script than it was registered in: a fake agent cannot hide behind 繁/简.
 */
const SYSTEM = { actorId: null, actorLogin: 'test' };
const SCOPE = { rights: ['original'], uses: ['reprint'], attribution: '來源:黑土網' };

let site: Running;
let certificate: string;

before(async () => {
  site = await startTestSite();
  const rights = createRightsService(site.store);
  certificate = (await rights.addLicensee({ name: '图们江晨报', scope: SCOPE }, SYSTEM)).certificateNo;
  await rights.addLicensee({ name: '長白山旅遊週刊', certificateNo: 'HTL-TEST-0002', scope: SCOPE }, SYSTEM);
});
after(() => site.stop());

async function verify(variant: string, q: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${site.url}/${variant}/licensees/verify?${new URLSearchParams({ q })}`);
  return { status: res.status, html: await res.text() };
}
const names = (html: string) => [...html.matchAll(/<section class="verify-result"[^>]*><h2>([^<]*)/g)].map((m) => m[1]!.trim());

test('a Traditional query finds a licensee registered in Simplified, named in the reader\'s script', async () => {
  const hant = await verify('zh-hant', '圖們江晨報');
  assert.equal(hant.status, 200);
  assert.deepEqual(names(hant.html), ['圖們江晨報']);
  assert.match(hant.html, /data-authorised="true"/);
  assert.doesNotMatch(hant.html, /未獲本網授權/);
  // The same query on a Simplified page: the name as Simplified readers write it.
  assert.deepEqual(names((await verify('zh-hans', '圖們江晨報')).html), ['图们江晨报']);
  // A part of the name is enough, in either script.
  assert.deepEqual(names((await verify('zh-hk', '們江晨')).html), ['圖們江晨報']);
});

test('a Simplified query finds a licensee registered in Traditional', async () => {
  assert.deepEqual(names((await verify('zh-hans', '长白山旅游周刊')).html), ['长白山旅游周刊']);
  assert.deepEqual(names((await verify('zh-hant', '长白山旅游')).html), ['長白山旅遊週刊']);
});

test('the certificate number still finds the licensee, whatever the page', async () => {
  assert.deepEqual(names((await verify('zh-hant', certificate)).html), ['圖們江晨報']);
  assert.match((await verify('zh-hans', certificate)).html, new RegExp(certificate));
  assert.deepEqual(names((await verify('zh-hans', 'HTL-TEST-0002')).html), ['长白山旅游周刊']);
});

test('LIKE wildcards in a query are text: they find nothing', async () => {
  for (const q of ['%', '_', '%晨%', '圖_江', '\\']) {
    const r = await verify('zh-hant', q);
    assert.equal(r.status, 200, q);
    assert.deepEqual(names(r.html), [], q);
    assert.match(r.html, /class="notice verify-none"/, q);
  }
});

test('the not-authorised answer keeps the query as the reader typed it, around it the reader\'s script', async () => {
  const hans = textOf(byClass((await verify('zh-hans', '鬆花江時報')).html, 'notice verify-none')!);
  assert.match(hans, /^「鬆花江時報」未获本网授权/);
  const hant = textOf(byClass((await verify('zh-hant', '松花江时报')).html, 'notice verify-none')!);
  assert.match(hant, /^「松花江时报」未獲本網授權/);
});

const reachable = await postgresReachable();
describe('findLicensees on PostgreSQL', { skip: reachable === true ? false : `PostgreSQL is not reachable: ${reachable}` }, () => {
  const schema = `heitu_verify_${process.pid}_${Date.now()}`;
  let admin: pg.Client;
  let store: Store;
  before(async () => {
    admin = new pg.Client({ connectionString: postgresTestUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    store = openPostgresStore(postgresTestUrl, { schema, max: 2 });
    await store.migrate();
  });
  after(async () => {
    await store?.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  test('either script, the certificate number, and wildcards as text', async () => {
    await store.rights.createLicensee({ name: '图们江晨报', contact: null, certificateNo: 'HTL-PG-1' }, SYSTEM);
    await store.rights.createLicensee({ name: '羣眾日報', contact: null, certificateNo: 'HTL-PG-2' }, SYSTEM);
    await store.rights.createLicensee({ name: '百分%之百', contact: null, certificateNo: 'HTL-PG-3' }, SYSTEM);
    const found = async (q: string) => (await store.rights.findLicensees(q)).map((l) => l.name);
    assert.deepEqual(await found('圖們江晨報'), ['图们江晨报']);
    assert.deepEqual(await found('图们江'), ['图们江晨报']);
    // Registered in the Hong Kong form, asked for in the Taiwan or the Simplified one.
    assert.deepEqual(await found('群眾日報'), ['羣眾日報']);
    assert.deepEqual(await found('群众日报'), ['羣眾日報']);
    assert.deepEqual(await found('HTL-PG-1'), ['图们江晨报']);
    assert.deepEqual(await found('%'), ['百分%之百']);
    assert.deepEqual(await found('_'), []);
    assert.deepEqual(await found('圖_江'), []);
    assert.deepEqual(await found('分%之'), ['百分%之百']);
  });
});

test('findLicensees on SQLite: the same cases as on PostgreSQL', async () => {
  const store = openStore(testConfig());
  await store.migrate();
  try {
    await store.rights.createLicensee({ name: '羣眾日報', contact: null, certificateNo: 'HTL-SQ-2' }, SYSTEM);
    await store.rights.createLicensee({ name: '百分%之百', contact: null, certificateNo: 'HTL-SQ-3' }, SYSTEM);
    const found = async (q: string) => (await store.rights.findLicensees(q)).map((l) => l.name);
    assert.deepEqual(await found('群众日'), ['羣眾日報']);
    assert.deepEqual(await found('%'), ['百分%之百']);
    assert.deepEqual(await found('_'), []);
  } finally {
    await store.close();
  }
});
