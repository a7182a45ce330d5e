import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Store } from '../src/store/ports.ts';
import { articleInputSchema, type ArticleStatus } from '../src/domain/article.ts';
import { keyTerms } from '../src/text/key-terms.ts';
import { onEachStore } from './support/each-store.ts';

/**
 * The store methods behind the article furniture (neighbours, tagged lists, related) on both
 * databases: the same articles, the same answers.
 */
const ACTOR = { actorId: null, actorLogin: 'test' };
const HOUR = 3_600_000;
const now = Date.now();
const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
const asOf = new Date(now).toISOString();

interface Made {
  id: number;
  status: ArticleStatus;
  publishedAt: string | null;
  channels: string[];
}

type Fixture = {
  headline: string;
  body: string;
  channels: string[];
  tags?: string[];
  language?: 'zh-Hans' | 'zh-Hant';
  status?: ArticleStatus;
  publishedAt?: string | null;
};

async function make(store: Store, f: Fixture): Promise<Made> {
  const status = f.status ?? 'published';
  const publishedAt = f.publishedAt === undefined ? at(1) : f.publishedAt;
  const a = await store.articles.create(articleInputSchema.parse({
    language: f.language ?? 'zh-Hans', headline: f.headline, bodyHtml: `<p>${f.body}</p>`, rightsClass: 'original',
    channels: f.channels, tags: f.tags ?? [], status, publishedAt,
  }), ACTOR);
  return { id: a.id, status, publishedAt, channels: f.channels };
}

const isPublic = (m: Pick<Made, 'status' | 'publishedAt'>, when = asOf) => m.status === 'published' && !!m.publishedAt && m.publishedAt <= when;

function suite(name: string, open: () => Promise<Store>, close: (s: Store) => Promise<void>) {
  describe(`article furniture in the store: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.migrate();
      for (const [slug, label, kind, parentSlug] of [['cc', '長春', 'region', null], ['jc', '江城', 'region', null], ['yb', '延邊', 'region', null], ['cc-car', '長春汽車', 'topic', 'cc'], ['misc', '綜合', 'topic', null]] as const) {
        await store.channels.upsert({ slug, name: label, language: 'zh-Hant', kind, parentSlug, position: 0, reviewLevels: 1 });
      }
    });
    after(() => close(store));

    test('上一篇/下一篇: by publish time within the channel, ties by id, public only, null at the ends', async () => {
      const ch = 'misc';
      const oldest = await make(store, { headline: '綜合測試最早一篇', body: '內容一', channels: [ch], publishedAt: at(50) });
      const tieA = await make(store, { headline: '綜合測試同時一', body: '內容二', channels: [ch], publishedAt: at(40) });
      const tieB = await make(store, { headline: '綜合測試同時二', body: '內容三', channels: [ch], publishedAt: at(40) });
      // In between but elsewhere, or not public: never a neighbour.
      await make(store, { headline: '別的頻道', body: '內容四', channels: ['jc'], publishedAt: at(35) });
      await make(store, { headline: '草稿', body: '內容五', channels: [ch], status: 'draft', publishedAt: null });
      const withdrawn = await make(store, { headline: '撤下的', body: '內容六', channels: [ch], status: 'withdrawn', publishedAt: at(33) });
      const newest = await make(store, { headline: '綜合測試最新一篇', body: '內容七', channels: ['jc', ch], publishedAt: at(30) });
      await make(store, { headline: '預約發布', body: '內容八', channels: [ch], publishedAt: at(-5) });

      const around = async (m: Made) => {
        const r = await store.articles.neighbours({ id: m.id, publishedAt: m.publishedAt! }, ch, asOf);
        return [r.previous?.id ?? null, r.next?.id ?? null];
      };
      assert.deepEqual(await around(oldest), [null, tieA.id]);
      assert.deepEqual(await around(tieA), [oldest.id, tieB.id]);
      assert.deepEqual(await around(tieB), [tieA.id, newest.id]);
      assert.deepEqual(await around(newest), [tieB.id, null]);
      // Read from where a withdrawn one stood, its neighbours are those around its place.
      assert.deepEqual(await around(withdrawn), [tieB.id, newest.id]);
      const r = await store.articles.neighbours({ id: tieB.id, publishedAt: tieB.publishedAt! }, ch, asOf);
      assert.equal(r.previous?.headline, '綜合測試同時一');
      assert.deepEqual(r.next?.channels, ['jc', ch]);
    });

    test('a tag in any of its forms: each article once, newest first, public only, paged', async () => {
      const hans = await make(store, { headline: '净月潭滑雪场开板', body: '雪道', channels: ['cc'], tags: ['滑雪场', '净月潭'], publishedAt: at(3) });
      const hant = await make(store, { headline: '北大湖滑雪場迎客', body: '雪道', channels: ['jc'], language: 'zh-Hant', tags: ['滑雪場'], publishedAt: at(2) });
      const both = await make(store, { headline: '兩種寫法都標了', body: '雪道', channels: ['jc'], tags: ['滑雪場', '滑雪场'], publishedAt: at(4) });
      await make(store, { headline: '草稿也標了', body: '雪道', channels: ['jc'], tags: ['滑雪场'], status: 'draft', publishedAt: null });
      await make(store, { headline: '將來才發', body: '雪道', channels: ['jc'], tags: ['滑雪场'], publishedAt: at(-1) });
      const forms = ['滑雪场', '滑雪場'];
      assert.equal(await store.articles.countTagged({ tags: forms, asOf }), 3);
      assert.deepEqual((await store.articles.listTagged({ tags: forms, asOf, limit: 10 })).map((a) => a.id), [hant.id, hans.id, both.id]);
      assert.deepEqual((await store.articles.listTagged({ tags: forms, asOf, limit: 2, offset: 1 })).map((a) => a.id), [hans.id, both.id]);
      assert.deepEqual((await store.articles.listTagged({ tags: ['滑雪场'], asOf, limit: 10 })).map((a) => a.id), [hans.id, both.id]);
      assert.deepEqual(await store.articles.listTagged({ tags: [], asOf, limit: 10 }), []);
      assert.equal(await store.articles.countTagged({ tags: ['沒有這個標籤'], asOf }), 0);
      const [first] = await store.articles.listTagged({ tags: forms, asOf, limit: 1 });
      assert.equal(first?.language, 'zh-Hant');
      assert.deepEqual(first?.channels, ['jc']);
    });

    test('related: shares words, never itself or anything not public, its regions first', async () => {
      const self = await make(store, { headline: '長春冰燈節開幕 冰雕作品吸引遊客', body: '長春冰燈節今天開幕,數百件冰雕作品亮相,遊客冒著嚴寒前來觀賞冰燈。', channels: ['cc'], language: 'zh-Hant' });
      const close = await make(store, { headline: '江城冰燈節開幕 冰雕冰燈點亮江畔', body: '江城冰燈節開幕,冰雕和冰燈沿江排開,遊客絡繹不絕。', channels: ['jc'], language: 'zh-Hant' });
      const region = await make(store, { headline: '車展人氣旺', body: '展館外一座冰雕吸引市民拍照。', channels: ['cc-car'], language: 'zh-Hant' });
      const draft = await make(store, { headline: '冰燈節冰雕草稿', body: '冰燈冰雕遊客', channels: ['cc'], status: 'draft', publishedAt: null, language: 'zh-Hant' });
      const later = await make(store, { headline: '冰燈節冰雕明日稿', body: '冰燈冰雕遊客', channels: ['cc'], publishedAt: at(-2), language: 'zh-Hant' });
      const gone = await make(store, { headline: '冰燈節冰雕撤稿', body: '冰燈冰雕遊客', channels: ['cc'], status: 'withdrawn', publishedAt: at(3), language: 'zh-Hant' });
      await make(store, { headline: '延邊蘋果梨豐收', body: '果農忙著採摘。', channels: ['yb'] });

      const terms = keyTerms({ headline: '長春冰燈節開幕 冰雕作品吸引遊客', body: '長春冰燈節今天開幕,數百件冰雕作品亮相,遊客冒著嚴寒前來觀賞冰燈。' }, 'zh-Hant');
      assert.ok(terms.includes('冰灯节') || terms.includes('冰灯'), terms.join(' '));
      const hits = await store.search.related({ terms, excludeId: self.id, preferChannels: ['cc', 'cc-car'], asOf, limit: 6 });
      const ids = hits.map((h) => h.id);
      assert.ok(!ids.includes(self.id));
      for (const hidden of [draft, later, gone]) assert.ok(!ids.includes(hidden.id), `article ${hidden.id} (${hidden.status}) is not public`);
      assert.ok(ids.includes(close.id) && ids.includes(region.id), JSON.stringify(hits));
      // The article's own region (by its topic channel) comes before a closer match elsewhere.
      assert.ok(ids.indexOf(region.id) < ids.indexOf(close.id), JSON.stringify(hits));
      // Without a preference, the closer text wins.
      const plain = (await store.search.related({ terms, excludeId: self.id, preferChannels: [], asOf, limit: 6 })).map((h) => h.id);
      assert.ok(plain.indexOf(close.id) < plain.indexOf(region.id), JSON.stringify(plain));
      assert.equal((await store.search.related({ terms, excludeId: self.id, preferChannels: [], asOf, limit: 1 })).length, 1);
      assert.deepEqual(await store.search.related({ terms: [], excludeId: self.id, preferChannels: [], asOf, limit: 6 }), []);
      assert.deepEqual(await store.search.related({ terms: ['没有这样的词'], excludeId: self.id, preferChannels: [], asOf, limit: 6 }), []);
      // Quotes and query syntax in a word are read as text, never as the index's query language.
      const odd = await store.search.related({ terms: ['"冰灯', "冰' OR 1=1", 'NEAR(', '\\', '*'], excludeId: self.id, preferChannels: [], asOf, limit: 6 });
      assert.ok(odd.every((h) => h.id !== self.id && ![draft.id, later.id, gone.id].includes(h.id)), JSON.stringify(odd));
    });

    test('property: related never holds the article itself, nothing not public, at most the limit, preferred ones first', async () => {
      const words = ['霧凇', '冰燈', '人參', '高鐵', '滑雪', '冬捕', '蘋果梨', '長白山'];
      const made: Made[] = [];
      const fixture = fc.record({
        picks: fc.subarray(words, { minLength: 1, maxLength: 4 }),
        channel: fc.constantFrom('cc', 'jc', 'yb', 'cc-car'),
        status: fc.constantFrom<ArticleStatus>('published', 'published', 'published', 'draft', 'withdrawn', 'scheduled'),
        hoursAgo: fc.integer({ min: -48, max: 24 * 60 }),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(fixture, { minLength: 1, maxLength: 6 }), fc.subarray(words, { minLength: 1, maxLength: 5 }), fc.subarray(['cc', 'jc', 'yb', 'cc-car']), fc.integer({ min: 1, max: 8 }), fc.nat(), async (batch, terms, prefer, limit, pick) => {
          for (const f of batch) {
            const text = f.picks.join('和');
            made.push(await make(store, { headline: `${text}的消息`, body: `${text}。`, channels: [f.channel], language: 'zh-Hant', status: f.status, publishedAt: f.status === 'draft' ? null : at(f.hoursAgo) }));
          }
          const self = made[pick % made.length]!;
          const hanTerms = keyTerms({ headline: terms.join(' '), body: '' }, 'zh-Hant', 8);
          const hits = await store.search.related({ terms: hanTerms, excludeId: self.id, preferChannels: prefer, asOf, limit });
          assert.ok(hits.length <= limit);
          assert.ok(hits.every((h) => h.id !== self.id), 'never itself');
          const seenRest = { rest: false };
          for (const h of hits) {
            const a = await store.articles.byId(h.id);
            assert.ok(a && isPublic({ status: a.status, publishedAt: a.publishedAt }), `article ${h.id} is not public`);
            const preferred = a.channels.some((c) => prefer.includes(c));
            if (!preferred) seenRest.rest = true;
            else assert.ok(!seenRest.rest, 'an article of the preferred channels after one of others');
          }
        }),
        { numRuns: 25 },
      );
    });
  });
}

await onEachStore('article furniture in the store', 'heitu_furniture', suite);
