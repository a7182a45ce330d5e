import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from './ports.ts';
import { articleInputSchema, type ArticleInput } from '../domain/article.ts';
import { DomainError } from '../domain/errors.ts';
import type { SiteSettings } from '../domain/site-settings.ts';

/**
 * What every store must do, written once. Each dialect's test file calls this with a fresh,
 * empty, migrated store; nothing here knows which database it talks to.
 */
export function storeContract(name: string, open: () => Promise<Store>, close: (s: Store) => Promise<void>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.migrate();
      await store.migrate(); // a second run must be a no-op
      await store.channels.upsert({ slug: 'changchun', name: '长春', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 1 });
      await store.channels.upsert({ slug: 'yanbian', name: '延边', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 2 });
    });
    after(async () => close(store));

    const input = (over: Partial<Record<keyof ArticleInput, unknown>> = {}): ArticleInput =>
      articleInputSchema.parse({
        language: 'zh-Hans',
        headline: '长春新开通一条公交线路',
        bodyHtml: '<p>正文第一段。</p>',
        rightsClass: 'original',
        channels: ['changchun'],
        tags: ['公交', '民生'],
        status: 'published',
        publishedAt: '2026-11-28T02:00:00Z',
        ...over,
      });

    test('settings round-trip and start empty', async () => {
      assert.equal(await store.settings.get(), null);
      const s: SiteSettings = {
        language: 'zh-Hant', siteName: '黑土網', tagline: '', operator: '營運者', hotline: '0431-0000000', email: 'news@example.org',
        timeZone: 'Asia/Shanghai', defaultScript: 'zh-Hant', creditLine: '來源:黑土網', statementTitle: '聲明',
        copyrightClauses: ['一', '二'], reprintDisclaimer: '不代表本網觀點',
      };
      await store.settings.put(s);
      assert.deepEqual(await store.settings.get(), s);
      await store.settings.put({ ...s, hotline: '0431-1111111' });
      assert.equal((await store.settings.get())?.hotline, '0431-1111111');
    });

    test('channels upsert by slug and list in order', async () => {
      await store.channels.upsert({ slug: 'yanbian', name: '延边州', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 2 });
      const list = await store.channels.list();
      assert.deepEqual(list.map((c) => [c.slug, c.name]), [['changchun', '长春'], ['yanbian', '延边州']]);
      assert.equal((await store.channels.bySlug('nowhere')), null);
    });

    test('create stores every field and reads it back', async () => {
      const a = await store.articles.create(
        input({
          uri: 'urn:test:one',
          originalHeadline: '原题',
          summary: '摘要',
          dateline: { place: '长春', source: '黑土网', date: '2026-11-28', kind: '讯', text: null },
          byline: '记者 王一',
          sourceName: '黑土网',
          editorName: '编辑甲',
          responsibleEditorName: '责编乙',
          channels: ['yanbian', 'changchun'],
        }),
      );
      assert.ok(a.id > 0);
      assert.equal(a.revision, 1);
      const back = await store.articles.byId(a.id);
      assert.deepEqual(back, a);
      assert.equal(back?.uri, 'urn:test:one');
      assert.deepEqual(back?.channels, ['yanbian', 'changchun']);
      assert.deepEqual(back?.tags, ['公交', '民生']);
      assert.equal(back?.publishedAt, '2026-11-28T02:00:00.000Z');
      assert.deepEqual(await store.articles.byUri('urn:test:one'), a);
      assert.equal(await store.articles.byId(999999), null);
    });

    test('an unknown channel refuses the whole article', async () => {
      const before = await store.articles.count();
      await assert.rejects(store.articles.create(input({ channels: ['changchun', 'atlantis'] })), (e: unknown) => e instanceof DomainError && e.code === 'VALIDATION_FAILED');
      assert.equal(await store.articles.count(), before);
    });

    test('update checks the revision and never overwrites a newer save', async () => {
      const a = await store.articles.create(input({ headline: '初稿标题' }));
      const b = await store.articles.update(a.id, input({ headline: '第二稿', tags: ['新'] }), 1);
      assert.equal(b.revision, 2);
      assert.deepEqual(b.tags, ['新']);
      await assert.rejects(
        store.articles.update(a.id, input({ headline: '过时的稿子' }), 1),
        (e: unknown) => e instanceof DomainError && e.code === 'ARTICLE_STALE_REVISION',
      );
      assert.equal((await store.articles.byId(a.id))?.headline, '第二稿');
      await assert.rejects(store.articles.update(987654, input(), 1), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
    });

    test('lists published articles newest first, by channel, hiding drafts and the future', async () => {
      const asOf = '2026-11-29T00:00:00.000Z';
      const old = await store.articles.create(input({ headline: '旧闻', publishedAt: '2026-11-20T00:00:00Z', channels: ['yanbian'] }));
      const fresh = await store.articles.create(input({ headline: '新闻', publishedAt: '2026-11-28T12:00:00Z', channels: ['yanbian'] }));
      await store.articles.create(input({ headline: '草稿', status: 'draft', publishedAt: null, channels: ['yanbian'] }));
      await store.articles.create(input({ headline: '明天', publishedAt: '2026-11-30T00:00:00Z', channels: ['yanbian'] }));
      const list = await store.articles.listPublished({ channel: 'yanbian', limit: 10, asOf });
      const yanbianFirst = list.filter((x) => x.id === fresh.id || x.id === old.id).map((x) => x.headline);
      assert.deepEqual(yanbianFirst, ['新闻', '旧闻']);
      assert.ok(!list.some((x) => x.headline === '草稿' || x.headline === '明天'));
      assert.deepEqual(list.find((x) => x.id === fresh.id)?.channels, ['yanbian']);
      const n = await store.articles.countPublished({ channel: 'yanbian', asOf });
      assert.equal(n, list.length);
      const page2 = await store.articles.listPublished({ channel: 'yanbian', limit: 1, offset: 1, asOf });
      assert.equal(page2[0]?.id, list[1]?.id);
      const all = await store.articles.countPublished({ asOf });
      assert.ok(all > n);
    });

    test('ids page through the archive in order', async () => {
      const total = await store.articles.count();
      const seen: number[] = [];
      let after = 0;
      for (;;) {
        const ids = await store.articles.idsAfter(after, 2);
        if (ids.length === 0) break;
        seen.push(...ids);
        after = ids[ids.length - 1]!;
      }
      assert.equal(seen.length, total);
      assert.deepEqual([...seen].sort((x, y) => x - y), seen);
    });

    test('content version moves on every write', async () => {
      const v1 = await store.contentVersion();
      await store.articles.create(input());
      const v2 = await store.contentVersion();
      assert.ok(v2 > v1);
    });

    test('unique uri is enforced', async () => {
      await assert.rejects(store.articles.create(input({ uri: 'urn:test:one' })));
    });
  });
}
