import { test, before, after } from 'node:test';
import { cameraJpeg } from './support/photos.ts';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { openAndPrepareStore, startServer, type Running } from '../src/main.ts';
import { openStore } from '../src/store/open-store.ts';
import type { KyselyStore } from '../src/store/kysely-store.ts';
import { articleInputSchema } from '../src/domain/article.ts';
import { BACKUP_TABLES, isHeituTable } from '../src/store/backup-tables.ts';
import { createRightsService } from '../src/services/rights-service.ts';
import { createTipsService } from '../src/services/tips-service.ts';
import { createTermService } from '../src/services/term-service.ts';
import { testConfig } from './support/test-site.ts';
import { runCli } from './support/cli.ts';
import { signIn, writeAndApprove, draftBody, demoPassword } from './support/newsroom-people.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';

const SYSTEM = { actorId: null, actorLogin: 'test' };
const ADMIN = { id: 0, login: 'test', displayName: 'test', roles: ['admin'] as const };
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 1]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%evidence for the backup test\n');

let site: Running;
let sourceDir: string;
let backupFile: string;
/** The source's tables as the backup saw them. */
let sourceTables: Record<string, unknown[]>;

/** A restored database's tables, less the one audit entry the restore itself wrote (checked here). */
async function restoredTables(store: KyselyStore): Promise<Record<string, unknown[]>> {
  const tables = await tablesOf(store);
  const last = tables['audit_log']!.pop() as Record<string, unknown>;
  assert.equal(last['action'], 'site.restore');
  return tables;
}

/** Every table the backup holds, read whole and put in key order, so two databases compare as values. */
async function tablesOf(store: KyselyStore): Promise<Record<string, unknown[]>> {
  // Kysely<any>: the tables are named by the catalogue, not by the typed schema.
  const db = store.db as unknown as Kysely<any>;
  const out: Record<string, unknown[]> = {};
  for (const { name, key } of BACKUP_TABLES) {
    const rows = (await db.selectFrom(name).selectAll().execute()) as Record<string, unknown>[];
    const cols = key ?? Object.keys(rows[0] ?? {}).sort();
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) => {
      for (const c of cols) {
        const [x, y] = [a[c], b[c]];
        if (x === y) continue;
        if (typeof x === 'number' && typeof y === 'number') return x - y;
        return String(x) < String(y) ? -1 : 1;
      }
      return 0;
    };
    out[name] = rows.map((r) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))).sort(order);
  }
  return out;
}

/** Uploaded files a backup keeps: evidence, and pictures' originals (their renditions are made again). */
function uploadsOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of ['claims', 'tips', 'media/originals']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(dir, 'uploads', sub), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(join(dir, 'uploads'), join(d.parentPath, d.name)));
    } catch {
      continue;
    }
    for (const n of names) out[n] = readFileSync(join(dir, 'uploads', n)).toString('base64');
  }
  return out;
}

before(async () => {
  sourceDir = mkdtempSync(join(tmpdir(), 'heitu-backup-src-'));
  const config = testConfig({ DATABASE_URL: `sqlite:${join(sourceDir, 'heitu.sqlite')}`, HEITU_DATA_DIR: sourceDir });
  site = await startServer(config, await openAndPrepareStore(config));
  // Something in every table: signatures, a published correction and a waiting one, licensees and
  // their use of the API, a claim and a tip with files, a dictionary entry.
  const { id, responsible } = await writeAndApprove(site.url, { headline: '四平图书馆周一开放' });
  await responsible.ok('POST', `/articles/${id}/publish`, {});
  const editor = await signIn(site.url, 'editor');
  const live = (await site.store.articles.byId(id))!;
  await editor.ok('POST', `/articles/${id}/correct`, { ...draftBody({ headline: '四平图书馆周二开放' }), baseRevision: live.revision, note: '开放日期更正' });
  await (await signIn(site.url, 'chief')).ok('POST', `/articles/${id}/approve`);
  const second = await writeAndApprove(site.url, { headline: '四平新建体育公园' });
  await second.responsible.ok('POST', `/articles/${second.id}/publish`, {});
  const again = (await site.store.articles.byId(second.id))!;
  await editor.ok('POST', `/articles/${second.id}/correct`, { ...draftBody({ headline: '四平新建体育公园开放' }), baseRevision: again.revision, note: '标题更正' });
  const licensee = await createRightsService(site.store).addLicensee({ name: '四平合作报', scope: { channels: ['siping'], rights: ['original'], uses: ['reprint'], attribution: '來源:黑土網' } }, SYSTEM);
  assert.equal((await fetch(`${site.url}/api/content/v1/items`, { headers: { authorization: `Bearer ${licensee.apiKey}` } })).status, 200);
  await createTermService(site.store).put(ADMIN, { hans: '刘征宇', hant: '劉征宇', hk: null, note: null });
  const form = new FormData();
  for (const [k, v] of Object.entries({ claimant: '松原晚报社', contact: 'rights@songyuan.example', article: `${site.url}/zh-hans/articles/${id}`, claim: '该文转载我社稿件但未注明作者署名,请更正。', links: 'https://songyuan.example/a/1' })) form.set(k, v);
  form.append('files', new Blob([PNG], { type: 'image/png' }), 'proof.png');
  assert.equal((await fetch(`${site.url}/zh-hans/rights/claims/new`, { method: 'POST', body: form })).status, 201);
  const shown = Date.now();
  const tips = createTipsService(site.store, join(sourceDir, 'uploads', 'tips'), undefined, () => new Date(shown + 10_000));
  const token = await createTipsService(site.store, join(sourceDir, 'uploads', 'tips'), undefined, () => new Date(shown)).formToken();
  await tips.file({ text: '长春南湖大路一处井盖破损,已有车辆受损。', contact: '138-0000-0000' }, token, [{ name: 'photo.pdf', bytes: PDF }], '127.0.0.1');
  const photo = await (await signIn(site.url, 'reporter')).upload('/media', { bytes: await cameraJpeg(640, 480), name: 'lake.jpg' }, { caption: '南湖晨雾', alt: '湖面' });
  assert.equal(photo.status, 201);
  // Readings as the counter writes them (no reader in them): the 點擊排行 goes with the backup.
  await site.store.views.add([{ articleId: id, day: '2026-03-01', views: 12 }, { articleId: second.id, day: '2026-03-02', views: 3 }]);

  backupFile = join(sourceDir, 'site.heitu-backup');
  const r = await runCli(['backup', backupFile], { HEITU_DATA_DIR: sourceDir, DATABASE_URL: `sqlite:${join(sourceDir, 'heitu.sqlite')}`, HEITU_DEMO: '0' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /backed up \d+ articles/);
  sourceTables = await tablesOf(site.store as KyselyStore);
});
after(() => site.stop());

test('the source site has rows in every table a backup holds, so the round trips compare real data', async () => {
  assert.deepEqual(Object.entries(sourceTables).filter(([, rows]) => rows.length === 0).map(([t]) => t), []);
  assert.equal(Object.keys(uploadsOf(sourceDir)).length, 3);
});

test('every table of the database is backed up, rebuilt as the search index, or left out with a reason', async () => {
  for (const store of [site.store as KyselyStore]) {
    const names = (await store.db.introspection.getTables()).map((t) => t.name);
    const unaccounted = names.filter((n) => !isHeituTable(n));
    assert.deepEqual(unaccounted, []);
  }
});

test('SQLite → SQLite: every table and every uploaded file comes back the same; the site works', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-backup-dst-'));
  const env = { HEITU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'heitu.sqlite')}`, HEITU_DEMO: '0' };
  const r = await runCli(['restore', backupFile], env);
  assert.equal(r.code, 0, r.stderr);
  const restored = openStore({ databaseUrl: env.DATABASE_URL, dataDir: dir }) as KyselyStore;
  try {
    assert.deepEqual(await restoredTables(restored), sourceTables);
    assert.deepEqual(uploadsOf(dir), uploadsOf(sourceDir));
    // Accounts keep their password hashes; search answers from the rebuilt index.
    const served = await startServer(testConfig(env), openStore({ databaseUrl: env.DATABASE_URL, dataDir: dir }));
    try {
      await signIn(served.url, 'editor', demoPassword('editor'));
      const hits = await (await fetch(`${served.url}/api/search?q=${encodeURIComponent('体育公园')}`)).text();
      assert.match(hits, /四平新建體育公園/);
    } finally {
      await served.stop();
    }
  } finally {
    await restored.close();
  }
  // The target now holds a site: a second restore is refused and changes nothing.
  const twice = await runCli(['restore', backupFile], env);
  assert.equal(twice.code, 1);
  assert.match(twice.stderr, /not empty/);
});

test('SQLite → PostgreSQL: every table comes back the same, and new rows get fresh ids', async (t) => {
  const reachable = await postgresReachable();
  if (reachable !== true) return t.skip(reachable);
  const schema = `heitu_restore_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dir = mkdtempSync(join(tmpdir(), 'heitu-backup-pg-'));
  const url = `${postgresTestUrl}${postgresTestUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  try {
    const r = await runCli(['restore', backupFile], { HEITU_DATA_DIR: dir, DATABASE_URL: url, HEITU_DEMO: '0' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /into postgres/);
    const restored = openStore({ databaseUrl: url, dataDir: dir }) as KyselyStore;
    try {
      assert.deepEqual(await restoredTables(restored), sourceTables);
      assert.deepEqual(uploadsOf(dir), uploadsOf(sourceDir));
      const names = (await restored.db.introspection.getTables()).filter((t) => t.schema === schema).map((t) => t.name);
      assert.deepEqual(names.filter((n) => !isHeituTable(n)), []);
      const maxId = Math.max(...(await restored.db.selectFrom('articles').select('id').execute()).map((a) => a.id));
      const created = await restored.articles.create(articleInputSchema.parse(draftBody({ headline: '恢复后写的第一篇' })), SYSTEM);
      assert.ok(created.id > maxId, `${created.id} > ${maxId}`);
      const licensee = await createRightsService(restored).addLicensee({ name: '恢复后的合作方', scope: { rights: ['original'], uses: ['reprint'], attribution: 'x' } }, SYSTEM);
      assert.equal(licensee.licenseeId, 2);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM article_search`.execute(restored.db);
      assert.equal(rows[0]!.n, sourceTables['articles']!.length + 1);
    } finally {
      await restored.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});

/** The backup's lines with the first row of `table` removed, and the end line's count made to agree. */
function dropFirstRow(lines: string[], table: string): string[] {
  return lines.map((l) => {
    const line = JSON.parse(l || '{}') as { table?: string; rows?: unknown; end?: boolean };
    if (line.table === table && Array.isArray(line.rows) && line.rows.length) return JSON.stringify({ ...line, rows: line.rows.slice(1) });
    if (line.end === true) {
      const counts = line.rows as Record<string, number>;
      return JSON.stringify({ ...line, rows: { ...counts, [table]: counts[table]! - 1 } });
    }
    return l;
  });
}

test('a backup cut short, damaged, edited or not a backup at all restores nothing, and says why', async () => {
  const whole = gunzipSync(readFileSync(backupFile)).toString('utf8').split('\n');
  const cases: Array<[string, string[], RegExp]> = [
    ['cut', whole.slice(0, -3), /ends early/],
    ['escape', whole.map((l) => (l.startsWith('{"file":"claims/') ? l.replace(/"file":"claims\/[^"]+"/, '"file":"claims/../../escaped"') : l)), /outside the uploads/],
    ['newer', [whole[0]!.replace('"version":1', '"version":2'), ...whole.slice(1)], /format version 2/],
    // The end line still agrees with the rows, but an article's channel is gone: the database refuses the row.
    ['orphan', dropFirstRow(whole, 'channels'), /do not fit together/],
  ];
  const raw: Array<[string, Buffer, RegExp]> = [
    ...cases.map(([name, lines, message]): [string, Buffer, RegExp] => [name, gzipSync(lines.join('\n')), message]),
    ['truncated', readFileSync(backupFile).subarray(0, 2000), /ends early/],
    ['not-gzip', Buffer.from('%PDF-1.4 not a backup at all'), /not a gzip file/],
  ];
  for (const [name, bytes, message] of raw) {
    const file = join(sourceDir, `${name}.heitu-backup`);
    writeFileSync(file, bytes);
    const dir = mkdtempSync(join(tmpdir(), `heitu-backup-${name}-`));
    const env = { HEITU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'heitu.sqlite')}`, HEITU_DEMO: '0' };
    const r = await runCli(['restore', file], env);
    assert.equal(r.code, 1, `${name}: ${r.stderr}`);
    assert.match(r.stderr, message);
    const left = openStore({ databaseUrl: env.DATABASE_URL, dataDir: dir }) as KyselyStore;
    try {
      const tables = (await left.db.introspection.getTables()).map((t) => t.name);
      if (tables.includes('articles')) assert.equal((await left.db.selectFrom('articles').select('id').execute()).length, 0, name);
    } finally {
      await left.close();
    }
    assert.deepEqual(uploadsOf(dir), {}, name);
    assert.deepEqual(readdirSync(dir).filter((n) => n.includes('escaped')), []);
  }
});

test('a backup taken while the newsroom writes is one consistent moment: each article has all its revisions', async () => {
  let writing = true;
  const writer = (async () => {
    // New articles, and new revisions of one article: a backup read across two moments would hold
    // an article row whose revision its history does not have yet, or an article without its audit entry.
    const reporter = await signIn(site.url, 'reporter');
    let draft = await reporter.ok<{ id: number; revision: number }>('POST', '/articles', draftBody({ headline: '备份期间反复修改的稿件' }));
    for (let i = 0; writing; i++) {
      await reporter.ok('POST', '/articles', draftBody({ headline: `备份期间写的稿件${i}` }));
      draft = await reporter.ok('PUT', `/articles/${draft.id}`, { ...draftBody({ headline: `备份期间反复修改的稿件${i}` }), baseRevision: draft.revision });
    }
  })();
  const file = join(sourceDir, 'busy.heitu-backup');
  const r = await runCli(['backup', file], { HEITU_DATA_DIR: sourceDir, DATABASE_URL: `sqlite:${join(sourceDir, 'heitu.sqlite')}`, HEITU_DEMO: '0' });
  writing = false;
  await writer;
  assert.equal(r.code, 0, r.stderr);
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as { table?: string; rows?: Array<Record<string, unknown>> });
  const rowsOf = (table: string) => lines.filter((l) => l.table === table).flatMap((l) => l.rows!);
  const revisions = new Map<unknown, number>();
  for (const rev of rowsOf('article_revisions')) revisions.set(rev['article_id'], Math.max(revisions.get(rev['article_id']) ?? 0, Number(rev['revision'])));
  const articles = rowsOf('articles');
  assert.ok(articles.length > 0);
  for (const a of articles) assert.equal(revisions.get(a['id']), a['revision'], `article ${String(a['id'])}`);
  const created = new Set(rowsOf('audit_log').filter((e) => e['action'] === 'article.create').map((e) => e['article_id']));
  for (const a of articles) if (String(a['headline']).startsWith('备份期间')) assert.ok(created.has(a['id']), `audit entry of ${String(a['id'])}`);
});

test('restore refuses a database that holds another application\'s tables; backup to a missing folder says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-backup-foreign-'));
  const file = join(dir, 'heitu.sqlite');
  const other = new (await import('better-sqlite3')).default(file);
  other.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO orders VALUES (1, 99)');
  other.close();
  const r = await runCli(['restore', backupFile], { HEITU_DATA_DIR: dir, DATABASE_URL: `sqlite:${file}`, HEITU_DEMO: '0' });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /tables that are not Heitu's \(orders\)/);
  const after = new (await import('better-sqlite3')).default(file, { readonly: true });
  const tables = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((x) => x.name);
  after.close();
  assert.deepEqual(tables, ['orders']);

  const missing = await runCli(['backup', join(dir, 'no-such-folder', 'x.heitu-backup')], { HEITU_DATA_DIR: sourceDir, DATABASE_URL: `sqlite:${join(sourceDir, 'heitu.sqlite')}`, HEITU_DEMO: '0' });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot write .*its folder does not exist/);
});
