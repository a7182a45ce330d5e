import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { openPostgresStore } from './open-postgres.ts';
import { articleInputSchema } from '../../domain/article.ts';
import { postgresReachable, postgresTestUrl } from '../../../test/support/postgres.ts';

const reachable = await postgresReachable();

test('PostgreSQL search: a time limit, and the same ranking with the RUM index and, where the extension is missing, without it', { skip: reachable === true ? false : `PostgreSQL is not reachable: ${reachable}` }, async () => {
  const schema = `heitu_rum_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const open = () => openPostgresStore(postgresTestUrl, { schema, max: 4 });
  const store = open();
  try {
    await store.migrate();
    // Where the server has the extension (CI installs postgresql-15-rum), the migration adds the index.
    const available = await admin.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'rum'`);
    const rum = await admin.query(`SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = 'article_search_rum'`, [schema]);
    assert.equal(rum.rowCount, available.rowCount === 1 || process.env['CI'] === 'true' ? 1 : 0);
    await store.channels.upsert({ slug: 'yanbian', name: '延边', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 1, reviewLevels: 1 });
    const phrases = ['冰灯节开幕', '图们江畔', '长白山雪景', '社区居民', '公交线路', '延吉游客'];
    for (let i = 0; i < 40; i++) {
      await store.articles.create(articleInputSchema.parse({
        language: 'zh-Hans', headline: phrases[i % 6], summary: phrases[(i * 5) % 6], bodyHtml: `<p>${phrases[(i * 7 + 1) % 6]}，${phrases[i % 6]}。</p>`.repeat(1 + (i % 3)),
        rightsClass: 'original', channels: ['yanbian'], status: 'published', publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      }), { actorId: null, actorLogin: 'test' });
    }
    const asOf = '2026-03-01T00:00:00.000Z';
    const queries = [['冰灯'], ['社区', '居民'], ['图们', '们江', '江畔'], ['长白', '游客']];
    const withIndex = await Promise.all(queries.map((terms) => store.search.query({ terms, asOf, limit: 10, offset: 0 })));
    assert.ok(withIndex.every((r) => r.total > 0 && r.hits.length > 0));
    // A search held past its time limit (here by a lock) is cancelled by the server and said to
    // be one the database cannot answer now.
    process.env['HEITU_SEARCH_TIME_LIMIT_MS'] = '50';
    const limited = open();
    try {
      await limited.search.query({ terms: queries[0]!, asOf, limit: 10, offset: 0 });
      await admin.query('BEGIN');
      await admin.query(`LOCK TABLE ${schema}.article_search IN ACCESS EXCLUSIVE MODE`);
      await assert.rejects(limited.search.query({ terms: queries[0]!, asOf, limit: 10, offset: 0 }), (e: unknown) => (e as { code?: string }).code === 'ETIMEDOUT');
      await admin.query('ROLLBACK');
    } finally {
      delete process.env['HEITU_SEARCH_TIME_LIMIT_MS'];
      await limited.close();
    }
    await admin.query(`DROP INDEX IF EXISTS ${schema}.article_search_rum`);
    const without = open();
    try {
      const again = await Promise.all(queries.map((terms) => without.search.query({ terms, asOf, limit: 10, offset: 0 })));
      assert.deepEqual(again, withIndex);
    } finally {
      await without.close();
    }
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});
