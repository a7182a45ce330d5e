import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { openSqliteStore } from './open-sqlite.ts';
import { SqliteSearch } from './sqlite-search.ts';
import { ReaderBusyError, ReaderPool } from './reader-pool.ts';
import { readerSettings } from './reader-settings.ts';
import { articleInputSchema } from '../../domain/article.ts';
import { queryTokens } from '../../text/search-tokens.ts';

const SYSTEM = { actorId: null, actorLogin: 'test' };

/** A worker that does what it is told: answer, fail, spin, or end its thread. */
const FIXTURE = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ id, task, input }) => {
  if (task === 'echo') return parentPort.postMessage({ id, ok: true, value: { input, threadId } });
  if (task === 'exit') process.exit(3);
  if (task === 'throw') return setImmediate(() => { throw new Error('worker fell over'); });
  if (task === 'spin') {
    const end = Date.now() + input;
    while (Date.now() < end);
    return parentPort.postMessage({ id, ok: true, value: threadId });
  }
  parentPort.postMessage({ id, ok: false, error: { message: 'no such table: x', name: 'SqliteError', code: 'SQLITE_ERROR' } });
});
parentPort.postMessage({ ready: true });
`;

function fixturePool(options: { threads: number; queue: number; timeLimitMs: number }) {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-pool-'));
  const file = join(dir, 'worker.mjs');
  writeFileSync(file, FIXTURE);
  const pool = new ReaderPool({ file: join(dir, 'none.sqlite'), workerUrl: pathToFileURL(file), ...options });
  return { pool, done: async () => { await pool.close(); rmSync(dir, { recursive: true, force: true }); } };
}

test('searches in the reader threads give exactly what the same search gives on the main thread, and see new articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-readers-'));
  const store = openSqliteStore(join(dir, 'heitu.sqlite'), { readers: { threads: 2, queue: 100, timeLimitMs: 10_000 } });
  try {
    await store.migrate();
    await store.channels.upsert({ slug: 'yanbian', name: '延边', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 1, reviewLevels: 1 });
    await store.channels.upsert({ slug: 'changchun', name: '长春', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 2, reviewLevels: 1 });
    const phrases = ['冰灯节开幕', '图们江畔', '长白山雪景', '社区居民', '公交线路', '延吉游客', '农民增收', '学校开学'];
    for (let i = 0; i < 60; i++) {
      const words = [phrases[i % 8]!, phrases[(i * 3) % 8]!, phrases[(i * 5 + 1) % 8]!];
      await store.articles.create(articleInputSchema.parse({
        language: i % 3 ? 'zh-Hans' : 'zh-Hant', headline: words[0], summary: words[1], bodyHtml: `<p>${words.join('，')}。</p>`,
        rightsClass: 'original', channels: [i % 2 ? 'yanbian' : 'changchun'], status: i % 10 === 0 ? 'draft' : 'published',
        publishedAt: i % 10 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      }), SYSTEM);
    }
    const here = new SqliteSearch(store.db);
    const asOf = '2026-06-01T00:00:00.000Z';
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(phrases, { minLength: 1, maxLength: 2 }), fc.constantFrom(undefined, ['yanbian']), fc.constantFrom(undefined, '2026-01-20T00:00:00.000Z'), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 10 }),
        async (words, channels, from, offset, limit) => {
          const q = { terms: queryTokens(words.join(' ')).terms, asOf, offset, limit, ...(channels ? { channels: [...channels] } : {}), ...(from ? { from } : {}) };
          assert.deepEqual(await store.search.query(q), await here.query(q));
        },
      ),
      { numRuns: 60 },
    );
    const before = await store.search.query({ terms: ['雾凇'], asOf, offset: 0, limit: 10 });
    assert.equal(before.total, 0);
    const a = await store.articles.create(articleInputSchema.parse({ language: 'zh-Hans', headline: '雾凇岛', bodyHtml: '<p>雾凇。</p>', rightsClass: 'original', channels: ['yanbian'], status: 'published', publishedAt: '2026-05-01T00:00:00Z' }), SYSTEM);
    assert.deepEqual((await store.search.query({ terms: ['雾凇'], asOf, offset: 0, limit: 10 })).hits.map((h) => h.id), [a.id]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database error is the caller\'s error, and the same reader goes on answering', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-readers-'));
  const file = join(dir, 'heitu.sqlite');
  const store = openSqliteStore(file, { readers: { threads: 1, queue: 10, timeLimitMs: 10_000 } });
  try {
    // No schema yet: the reader's query fails with SQLite's own error.
    const q = { terms: ['冰灯'], asOf: '2026-01-01T00:00:00.000Z', offset: 0, limit: 10 };
    await assert.rejects(store.search.query(q), (e: unknown) => e instanceof Error && /no such table/.test(e.message) && (e as { code?: string }).code === 'SQLITE_ERROR');
    await store.migrate();
    assert.deepEqual(await store.search.query(q), { hits: [], total: 0 });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader thread that dies is replaced: its read is tried once more, then refused; the next reads are answered', async () => {
  const { pool, done } = fixturePool({ threads: 1, queue: 10, timeLimitMs: 10_000 });
  try {
    const first = await pool.run<{ threadId: number }>('echo', 1);
    await assert.rejects(pool.run('exit', null), /stopped \(exit code 3\)/);
    await assert.rejects(pool.run('throw', null), /worker fell over/);
    const after = await pool.run<{ input: number; threadId: number }>('echo', 2);
    assert.equal(after.input, 2);
    assert.notEqual(after.threadId, first.threadId);
    await assert.rejects(pool.run('nonsense', null), (e: unknown) => (e as { code?: string }).code === 'SQLITE_ERROR');
    assert.equal((await pool.run<{ input: number }>('echo', 3)).input, 3);
  } finally {
    await done();
  }
});

test('a full queue refuses at once as busy; what was running and waiting is answered', async () => {
  const { pool, done } = fixturePool({ threads: 1, queue: 1, timeLimitMs: 10_000 });
  try {
    const settled: string[] = [];
    const running = pool.run('spin', 300).then(() => settled.push('running'));
    const waiting = pool.run('spin', 10).then(() => settled.push('waiting'));
    assert.deepEqual(pool.load(), { running: 1, waiting: 1 });
    await assert.rejects(pool.run('echo', 1), (e: unknown) => e instanceof ReaderBusyError && e.code === 'SQLITE_BUSY');
    settled.push('refused');
    await Promise.all([running, waiting]);
    assert.deepEqual(settled, ['refused', 'running', 'waiting'], 'refused without waiting for the others');
    assert.deepEqual(pool.load(), { running: 0, waiting: 0 });
  } finally {
    await done();
  }
});

test('a read over the time limit is given up, and its thread replaced before the slot takes more', async () => {
  const { pool, done } = fixturePool({ threads: 1, queue: 5, timeLimitMs: 100 });
  try {
    const before = await pool.run<{ threadId: number }>('echo', 6);
    const settled: string[] = [];
    const slow = assert.rejects(pool.run('spin', 60_000), (e: unknown) => e instanceof ReaderBusyError && e.code === 'ETIMEDOUT').then(() => settled.push('slow'));
    const next = pool.run<{ input: number; threadId: number }>('echo', 7).then((r) => (settled.push('next'), r));
    const [, after] = await Promise.all([slow, next]);
    assert.deepEqual(settled, ['slow', 'next']);
    assert.equal(after.input, 7);
    assert.notEqual(after.threadId, before.threadId, 'answered by a new thread: the spinning one was ended');
  } finally {
    await done();
  }
});

test('a closed pool refuses and ends what waits', async () => {
  const { pool, done } = fixturePool({ threads: 1, queue: 5, timeLimitMs: 10_000 });
  const running = assert.rejects(pool.run('spin', 200), /closed/);
  const waiting = assert.rejects(pool.run('echo', 1), /closed/);
  await done();
  await Promise.all([running, waiting]);
  await assert.rejects(pool.run('echo', 1), /closed/);
});

test('reader settings: defaults leave a core to the main thread; bad values stop the start with their name', () => {
  assert.deepEqual(readerSettings({}, 2), { threads: 1, queue: 32, timeLimitMs: 2000 });
  assert.equal(readerSettings({}, 1).threads, 1);
  assert.equal(readerSettings({}, 16).threads, 4);
  assert.deepEqual(readerSettings({ HEITU_SEARCH_THREADS: '0', HEITU_SEARCH_QUEUE: '5', HEITU_SEARCH_TIME_LIMIT_MS: '250' }, 8), { threads: 0, queue: 5, timeLimitMs: 250 });
  for (const [name, value] of [['HEITU_SEARCH_THREADS', '-1'], ['HEITU_SEARCH_QUEUE', 'many'], ['HEITU_SEARCH_TIME_LIMIT_MS', '1.5']] as const) {
    assert.throws(() => readerSettings({ [name]: value }, 4), new RegExp(name));
  }
});
