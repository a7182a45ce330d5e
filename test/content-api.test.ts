import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { runCli } from './support/cli.ts';
import type { Running } from '../src/main.ts';
import { articleInputSchema } from '../src/domain/article.ts';
import { validateNinjs } from '../src/domain/ninjs/ninjs-schema.ts';
import { createRightsService } from '../src/services/rights-service.ts';
import { createNewsroomService } from '../src/services/newsroom-service.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { KyselyStore } from '../src/store/kysely-store.ts';

let site: Running;
const SYSTEM = { actorId: null, actorLogin: 'test' };
const ids: Record<string, number> = {};
let regionKey = '';
let excerptKey = '';
let expiredKey = '';
let regionAgreement = 0;

before(async () => {
  site = await startTestSite();
  const mk = async (name: string, over: Record<string, unknown>) => {
    const a = await site.store.articles.create(
      articleInputSchema.parse({
        language: 'zh-Hans', headline: `授权测试:${name}`, bodyHtml: '<p>第一段。</p><p>第二段。</p>', rightsClass: 'reprint', sourceName: '延边晨报',
        channels: ['yanbian'], status: 'published', publishedAt: new Date(Date.now() - 3_600_000).toISOString(), ...over,
      }),
      SYSTEM,
    );
    ids[name] = a.id;
  };
  await mk('yanbian-reprint', {});
  await mk('yanbian-exclusive', { rightsClass: 'exclusive', sourceName: '黑土网' });
  await mk('yanbian-original', { rightsClass: 'original', sourceName: '黑土网' });
  await mk('changchun-reprint', { channels: ['changchun'] });
  await mk('yanbian-reprint-2', {});
  await mk('yanbian-reprint-draft', { status: 'draft', publishedAt: null });
  const rights = createRightsService(site.store);
  const region = await rights.addLicensee({ name: '延边新闻合作社', scope: { channels: ['yanbian'], rights: ['reprint'], uses: ['reprint'], attribution: '來源:黑土網', validFrom: '2020-01-01T00:00:00Z' } }, SYSTEM);
  regionKey = region.apiKey;
  regionAgreement = region.agreementId;
  excerptKey = (await rights.addLicensee({ name: '摘要网', scope: { rights: ['original', 'exclusive'], uses: ['excerpt', 'archive'], attribution: '來源:黑土網' } }, SYSTEM)).apiKey;
  expiredKey = (await rights.addLicensee({ name: '过期传媒', certificateNo: 'EXP-001', scope: { rights: ['original'], uses: ['reprint'], attribution: 'x', validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' } }, SYSTEM)).apiKey;
});
after(() => site.stop());

const call = async (path: string, key: string | null) => {
  const res = await fetch(`${site.url}/api/content/v1${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { errors?: Array<{ code: string }> } };
};

async function fullSync(key: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let cursor = '';
  for (;;) {
    const r = await call(`/items?limit=50${cursor ? `&cursor=${cursor}` : ''}`, key);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const page = r.body['items'] as Array<Record<string, unknown>>;
    items.push(...page);
    cursor = String(r.body['next']);
    if (page.length < 50) return items;
  }
}

test('a licensee scoped to one region and to reprints receives only that: never an exclusive or another region', async () => {
  const items = await fullSync(regionKey);
  const uris = new Set(items.map((i) => i['uri']));
  const byId = async (name: string) => (await site.store.articles.byId(ids[name]!))!.uri;
  assert.ok(uris.has(await byId('yanbian-reprint')) && uris.has(await byId('yanbian-reprint-2')));
  for (const name of ['yanbian-exclusive', 'yanbian-original', 'changchun-reprint', 'yanbian-reprint-draft']) assert.ok(!uris.has(await byId(name)), name);
  for (const item of items) {
    const genres = (item['genres'] as Array<{ uri: string }>).map((g) => g.uri);
    assert.deepEqual(genres, ['urn:heitu:rights-class:reprint']);
    assert.ok((item['subjects'] as Array<{ uri?: string }>).some((s) => s.uri === 'urn:heitu:channel:yanbian'));
  }
});

test('enumerating ids reveals nothing outside the agreement', async () => {
  const max = (await site.store.articles.idsAfter(0, 10_000)).at(-1)! + 3;
  const allowed = new Set([ids['yanbian-reprint'], ids['yanbian-reprint-2']]);
  const demo = await site.store.articles.listPublished({ channel: 'yanbian', limit: 100, asOf: new Date().toISOString() });
  for (const d of demo) {
    const a = (await site.store.articles.byId(d.id))!;
    if (a.rightsClass === 'reprint') allowed.add(a.id);
  }
  for (let id = 1; id <= max; id++) {
    const r = await call(`/items/${id}`, regionKey);
    if (allowed.has(id)) {
      assert.equal(r.status, 200, `item ${id}`);
      continue;
    }
    assert.ok(r.status === 403 || r.status === 404, `item ${id}: ${r.status}`);
    assert.equal(r.body['headlines'], undefined);
    assert.ok(['LICENCE_OUT_OF_SCOPE', 'NOT_FOUND'].includes(r.body.errors![0]!.code));
  }
});

test('items are valid ninjs 3.1 and carry the rights they travel under', async () => {
  const r = await call(`/items/${ids['yanbian-reprint']}`, regionKey);
  assert.equal(validateNinjs(r.body, '3.1'), null);
  assert.equal(r.body['copyrightHolder'], '延边晨报');
  assert.match(String(r.body['copyrightNotice']), /^© \d{4} 延边晨报; distributed by 黑土網示範編輯部; licensing and sales: 黑土網內容授權中心$/);
  assert.match(String(r.body['usageTerms']), /來源:黑土網/);
  const link = (r.body['rightsInfo'] as { linkedRights: string }).linkedRights;
  assert.match(link, new RegExp(`/rights/policies/${regionAgreement}$`));
  const policy = await fetch(link.replace(/^http:\/\/127\.0\.0\.1:\d+/, site.url));
  assert.match(policy.headers.get('content-type') ?? '', /application\/ld\+json/);
  const p = (await policy.json()) as Record<string, unknown>;
  assert.equal(p['@type'], 'Agreement');
  assert.deepEqual(p['@context'], ['http://www.w3.org/ns/odrl.jsonld', { dct: 'http://purl.org/dc/terms/', vcard: 'http://www.w3.org/2006/vcard/ns#' }]);
  assert.ok((p['permission'] as Array<{ action: string }>).some((x) => x.action === 'reproduce'));
  for (const item of await fullSync(excerptKey)) {
    assert.equal(validateNinjs(item, '3.1'), null, JSON.stringify(item).slice(0, 200));
    assert.equal(item['representationType'], 'partial');
  }
});

test('keys: none, unknown and revoked get 401; an expired agreement 403 with its code; an expired key 401', async () => {
  assert.equal((await call('/items', null)).status, 401);
  assert.equal((await call('/items', 'htk_nonsense')).body.errors![0]!.code, 'CONTENT_KEY_INVALID');
  const expired = await call('/items', expiredKey);
  assert.deepEqual([expired.status, expired.body.errors![0]!.code], [403, 'LICENCE_EXPIRED']);
  const rights = createRightsService(site.store);
  const temp = await rights.addLicensee({ name: '临时伙伴', scope: { rights: ['original'], uses: ['reprint'], attribution: 'x' }, keyExpiresAt: '2020-01-01T00:00:00Z' }, SYSTEM);
  const r = await call('/items', temp.apiKey);
  assert.deepEqual([r.status, r.body.errors![0]!.code], [401, 'CONTENT_KEY_EXPIRED']);
  const rotated = await rights.rotateKey(temp.agreementId, null, SYSTEM);
  assert.equal((await call('/items', rotated.apiKey)).status, 200);
  await rights.revokeLicensee(temp.licenseeId, SYSTEM);
  const revoked = await call('/items', rotated.apiKey);
  assert.deepEqual([revoked.status, revoked.body.errors![0]!.code], [401, 'CONTENT_KEY_INVALID']);
});

test('a withdrawal reaches the API on the next request, and a correction is delivered again', async () => {
  const first = await call('/items?limit=200', regionKey);
  const cursor = String(first.body['next']);
  const newsroom = createNewsroomService(site.store);
  const rightsManager = { id: 9999, login: 'rm', displayName: '版权经理', roles: ['rights_manager' as const] };
  await newsroom.act(rightsManager, ids['yanbian-reprint-2']!, { type: 'withdraw', reason: '权利人投诉' }, null);
  const item = await call(`/items/${ids['yanbian-reprint-2']}`, regionKey);
  assert.equal(item.body['pubStatus'], 'canceled');
  assert.equal(item.body['bodies'], undefined);
  assert.equal(validateNinjs(item.body, '3.1'), null);
  const a = (await site.store.articles.byId(ids['yanbian-reprint']!))!;
  await site.store.articles.correct(a.id, articleInputSchema.parse({ ...a, headline: '授权测试:更正后' }), a.revision, '标题有误', SYSTEM);
  const next = await call(`/items?cursor=${cursor}`, regionKey);
  const changed = next.body['items'] as Array<Record<string, unknown>>;
  assert.deepEqual(changed.map((i) => i['pubStatus']), ['canceled', 'usable']);
  assert.equal((changed[1]!['headlines'] as Array<{ value: string }>)[0]!.value, '授权测试:更正后');
});

test('every access is logged with licensee, item and address; keys appear in no log', async () => {
  const store = site.store as KyselyStore;
  const rows = (await sql<{ licensee_id: number; article_id: number | null; ip: string; path: string; status: number }>`SELECT * FROM content_access`.execute(store.db)).rows;
  assert.ok(rows.length > 20);
  assert.ok(rows.some((r) => r.article_id === ids['yanbian-reprint'] && r.status === 200 && r.ip));
  assert.ok(rows.some((r) => r.status === 403));
  const everything = JSON.stringify([rows, await site.store.audit.list({ limit: 500 })]);
  for (const k of [regionKey, excerptKey, expiredKey]) assert.ok(!everything.includes(k));
});

test('rate limit per key', async () => {
  let limited = false;
  for (let i = 0; i < 160 && !limited; i++) limited = (await call(`/items/${ids['yanbian-reprint']}`, regionKey)).status === 429;
  assert.ok(limited);
});

test('the OpenAPI document of the content API', async () => {
  const doc = (await (await fetch(`${site.url}/api/content/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
  assert.ok(doc.paths['/api/content/v1/items'] && doc.paths['/api/content/v1/items/{id}']);
});

test('heitu licensee add --json and revoke', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-lic-'));
  try {
    const env = { HEITU_DATA_DIR: dir };
    const r = await runCli(['licensee', 'add', '--name', '图们江晨报', '--channels', 'yanbian', '--rights', 'reprint', '--uses', 'reprint', '--until', '2027-12-31', '--attribution', '來源:黑土網', '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { licenseeId: number; agreementId: number; apiKey: string };
    assert.ok(out.licenseeId > 0 && out.agreementId > 0 && out.apiKey.startsWith('htk_'));
    const bad = await runCli(['licensee', 'add', '--name', 'x', '--rights', 'everything'], env);
    assert.equal(bad.code, 2);
    const rev = await runCli(['licensee', 'revoke', String(out.licenseeId)], env);
    assert.equal(rev.code, 0, rev.stderr);
    assert.match((await runCli(['licensee', 'list'], env)).stdout, /revoked/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
