import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir, importText, importSeed, seedNinjsPath, testConfig } from './support/test-site.ts';
import { openAndPrepareStore } from '../src/main.ts';
import type { Store } from '../src/store/ports.ts';
import { exportNinjs } from '../src/services/ninjs-export.ts';
import { validateNinjs } from '../src/domain/ninjs/ninjs-schema.ts';
import { articleInputSchema } from '../src/domain/article.ts';

const suite = join(sharedDir, 'spec/ninjs/validation/test_suite');
// Released 2.x and 3.x versions; `2.x_dev` holds drafts of a version that was never released.
const VERSIONS = ['2.0', '2.1', '2.2', '3.0', '3.1'];
// Reasons our model gives for a schema-valid item that is still not an article (see README).
const MODEL_REASONS = new Set(['NINJS_NOT_TEXT', 'NINJS_NO_HEADLINE', 'NINJS_NO_BODY', 'NINJS_NOT_CHINESE', 'NINJS_NO_DATE']);

function files(dir: string): Array<[string, string]> {
  return readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

let store: Store;
before(async () => {
  store = await openAndPrepareStore(testConfig());
});
after(() => store.close());

describe('the IPTC ninjs conformance suite', () => {
  for (const v of [...VERSIONS, '2.x_dev']) {
    test(`${v}/should_fail: nothing imports`, async () => {
      const before = await store.articles.count();
      for (const [name, text] of files(join(suite, v, 'should_fail'))) {
        const [outcome] = await importText(store, text);
        assert.ok(outcome && 'error' in outcome, `${v}/should_fail/${name} imported`);
      }
      assert.equal(await store.articles.count(), before);
    });
  }
  for (const v of VERSIONS) {
    test(`${v}/should_pass: imports, or is refused for a reason the model states`, async () => {
      for (const [name, text] of files(join(suite, v, 'should_pass'))) {
        const [outcome] = await importText(store, text);
        assert.ok(outcome, name);
        if ('error' in outcome) {
          // 2.0 cases use relative uris ("002-schema"); the ninjs schemas declare uri as format "uri", which Heitu asserts.
          const relativeUri = outcome.code === 'NINJS_INVALID' && /\/uri must match format "uri"/.test(outcome.error);
          assert.ok(MODEL_REASONS.has(outcome.code) || relativeUri, `${v}/should_pass/${name}: ${outcome.code} ${outcome.error}`);
        }
      }
    });
  }
});

describe('import', () => {
  test('the seed item maps every field', async () => {
    const id = await importSeed(store);
    const a = (await store.articles.byId(id))!;
    assert.equal(a.language, 'zh-Hant');
    assert.equal(a.headline, '吉林省全省領導幹部大會在長春召開');
    assert.ok(a.originalHeadline?.startsWith('吉林省週日召開領導幹部大會'));
    assert.equal(a.sourceName, '中國吉林網');
    assert.equal(a.editorName, '杜偉');
    assert.equal(a.responsibleEditorName, '劉徵宇');
    assert.equal(a.publishedAt, '2018-08-26T15:23:27.000Z');
    assert.deepEqual(a.dateline, { place: '長春', source: '中國吉林網', date: '2018-08-26', kind: '訊', text: '中國吉林網8月26日訊:' });
    assert.ok(a.bodyHtml.startsWith('<p>距離8月16日'));
    assert.deepEqual(a.channels, ['changchun']);
    assert.equal(a.rightsClass, 'reprint');
    assert.equal(a.status, 'published');
  });

  test('a bad item is reported and does not stop the good ones; nothing is half-written', async () => {
    const good = (n: number) => ({
      uri: `urn:test:batch:${n}`, type: 'text', language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00',
      headlines: [{ role: 'main', value: `批量导入第${n}条` }], bodies: [{ role: 'main', contentType: 'text/html', value: '<p>正文。</p>' }],
    });
    const before = await store.articles.count();
    const lines = [
      JSON.stringify(good(1)),
      '{not json',
      JSON.stringify({ ...good(2), urgency: 'high' }),
      JSON.stringify({ ...good(3), subjects: [{ name: '长春', uri: 'urn:heitu:channel:atlantis' }] }),
      JSON.stringify({ ...good(4), headlines: [] }),
      JSON.stringify(good(5)),
    ];
    const out = await importText(store, lines.join('\n'));
    assert.equal(out.length, 6);
    assert.deepEqual(out.map((o) => ('error' in o ? o.code : 'ok')), ['ok', 'NINJS_NOT_JSON', 'NINJS_INVALID', 'VALIDATION_FAILED', 'NINJS_NO_HEADLINE', 'ok']);
    assert.equal(await store.articles.count(), before + 2);
    assert.equal(await store.articles.byUri('urn:test:batch:3'), null);
  });

  test('an array of items and re-importing the same item', async () => {
    const item = {
      uri: 'urn:test:array:1', language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00',
      headlines: [{ role: 'main', value: '数组导入' }], bodies: [{ role: 'main', contentType: 'text/plain', value: '第一段\n第二段' }],
    };
    const [first] = await importText(store, JSON.stringify([item]));
    assert.ok(first && 'id' in first && first.status === 'created');
    const [again] = await importText(store, JSON.stringify(item));
    assert.ok(again && 'id' in again && again.status === 'unchanged' && again.id === first.id);
    const [changed] = await importText(store, JSON.stringify({ ...item, headlines: [{ role: 'main', value: '数组导入(更正)' }] }));
    assert.ok(changed && 'id' in changed && changed.status === 'updated' && changed.id === first.id);
    const a = await store.articles.byId(first.id);
    assert.equal(a?.revision, 2);
    assert.equal(a?.bodyHtml, '<p>第一段</p>\n<p>第二段</p>');
  });

  test('ninjs 2.x (lower-case properties) imports', async () => {
    const [out] = await importText(store, JSON.stringify({
      uri: 'urn:test:v2:1', type: 'text', language: 'zh-TW', versioncreated: '2026-11-28T08:00:00+08:00',
      headlines: [{ role: 'main', value: '二點零格式的稿件' }], bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>內容。</p>' }],
      infosources: [{ name: '東北新聞通訊社', role: 'source' }],
    }));
    assert.ok(out && 'id' in out, JSON.stringify(out));
    const a = await store.articles.byId(out.id);
    assert.equal(a?.language, 'zh-Hant');
    assert.equal(a?.sourceName, '東北新聞通訊社');
    assert.equal(a?.rightsClass, 'reprint');
  });

  test('English and 1.x items are refused with the reason', async () => {
    const [en] = await importText(store, JSON.stringify({ uri: 'urn:test:en', language: 'en', firstCreated: '2026-11-28T08:00:00Z', headlines: [{ role: 'main', value: 'Hello' }], bodies: [{ role: 'main', contentType: 'text/html', value: '<p>Hi</p>' }] }));
    assert.ok(en && 'error' in en && en.code === 'NINJS_NOT_CHINESE');
    const [v1] = await importText(store, JSON.stringify({ uri: 'urn:test:v1', headline: '标题', body_html: '<p>x</p>' }));
    assert.ok(v1 && 'error' in v1 && v1.code === 'NINJS_UNSUPPORTED');
  });
});

describe('export', () => {
  test('every article exports as valid ninjs 3.1 and re-imports to the same article', async () => {
    const seedId = await importSeed(store);
    const items: Array<Record<string, unknown>> = [];
    for await (const item of exportNinjs(store, 7)) items.push(item);
    assert.equal(items.length, await store.articles.count());
    for (const item of items) assert.equal(validateNinjs(item, '3.1'), null, JSON.stringify(item).slice(0, 200));

    const fresh = await openAndPrepareStore(testConfig());
    try {
      const outcomes = await importText(fresh, items.map((i) => JSON.stringify(i)).join('\n'));
      assert.ok(outcomes.every((o) => 'id' in o), JSON.stringify(outcomes.filter((o) => 'error' in o)).slice(0, 500));
      for (const item of items) {
        const original = (await store.articles.byUri(String(item['uri'])))!;
        const copy = (await fresh.articles.byUri(String(item['uri'])))!;
        const strip = (a: typeof original) => ({ ...a, id: 0, revision: 0, createdAt: '', updatedAt: '' });
        assert.deepEqual(strip(copy), strip(original));
      }
      // Importing the export into the store it came from changes nothing.
      const again = await importText(store, items.map((i) => JSON.stringify(i)).join('\n'));
      assert.ok(again.every((o) => 'status' in o && o.status === 'unchanged'));
      const seed = items.find((i) => i['uri'] === JSON.parse(readFileSync(seedNinjsPath, 'utf8')).uri)!;
      assert.equal(seed['firstCreated'], '2018-08-26T23:23:27+08:00');
      assert.ok(seedId > 0);
    } finally {
      await fresh.close();
    }
  });
});

describe('heitu import matches by uri and updates any article without the workflow', () => {
  const ninjs = (uri: string, headline: string, extra: Record<string, unknown> = {}) => JSON.stringify({
    uri, language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00', pubStatus: 'usable',
    headlines: [{ role: 'main', value: headline }], bodies: [{ role: 'main', contentType: 'text/plain', value: '正文' }], ...extra,
  });
  const SYSTEM = { actorId: null, actorLogin: 'test' };

  test('an article written in the newsroom, or one in review, is not changed by an import', async () => {
    const reporter = (await store.users.byLogin('reporter'))!;
    const mine = await store.articles.create(articleInputSchema.parse({ language: 'zh-Hans', headline: '记者稿件', bodyHtml: '<p>正文</p>', rightsClass: 'original', channels: ['economy'], status: 'submitted' }), { actorId: reporter.id, actorLogin: 'reporter' }, { createdBy: reporter.id });
    const [outcome] = await importText(store, ninjs(mine.uri, '被导入改写'));
    assert.ok(outcome && 'code' in outcome && outcome.code === 'NINJS_CONFLICT', JSON.stringify(outcome));
    assert.equal((await store.articles.byId(mine.id))!.headline, '记者稿件');
    assert.equal((await store.articles.byId(mine.id))!.status, 'submitted');

    // An imported draft a reporter took into review.
    const imported = await store.articles.create(articleInputSchema.parse({ uri: 'urn:test:wire:7', language: 'zh-Hans', headline: '通稿', bodyHtml: '<p>正文</p>', rightsClass: 'reprint', status: 'submitted' }), SYSTEM);
    const [again] = await importText(store, ninjs(imported.uri, '通稿改写'));
    assert.ok(again && 'code' in again && again.code === 'NINJS_CONFLICT', JSON.stringify(again));
    assert.equal((await store.articles.byId(imported.id))!.headline, '通稿');
  });

  test('a control character in one item is reported for that item, and the next item is imported', async () => {
    const outcomes = await importText(store, `${ninjs('urn:test:nul:1', '空\u0000字符')}\n${ninjs('urn:test:nul:2', '正常稿件')}`);
    assert.equal(outcomes.length, 2);
    assert.ok('code' in outcomes[0]! && outcomes[0].code === 'NINJS_FIELD_INVALID', JSON.stringify(outcomes[0]));
    assert.ok('id' in outcomes[1]! && outcomes[1].status === 'created', JSON.stringify(outcomes[1]));
  });
});

test('an import item with 8,000 nested associations is reported, and the valid items after it are imported', async () => {
  // Written as text: JSON.stringify itself recurses.
  const head = '{"uri":"urn:test:deep","language":"zh-Hans","firstCreated":"2026-11-28T08:00:00+08:00","headlines":[{"role":"main","value":"很深"}],"bodies":[{"role":"main","contentType":"text/plain","value":"正文"}],"associations":{"a":';
  const deep = head + '{"uri":"urn:test:deep:x","type":"text","associations":{"a":'.repeat(8000) + '{"uri":"urn:test:deep:leaf"}' + '}}'.repeat(8000) + '}}';
  const ok = { uri: 'urn:test:after-deep', language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00', headlines: [{ role: 'main', value: '深层之后' }], bodies: [{ role: 'main', contentType: 'text/plain', value: '正文' }] };
  const outcomes = await importText(store, `${deep}\n${JSON.stringify(ok)}`);
  assert.equal(outcomes.length, 2);
  assert.ok('code' in outcomes[0]! && outcomes[0].code === 'NINJS_INVALID' && /64 levels/.test(outcomes[0].error), JSON.stringify(outcomes[0]).slice(0, 200));
  assert.ok('id' in outcomes[1]! && outcomes[1].status === 'created', JSON.stringify(outcomes[1]));
});

test('an imported item with a future embargo is scheduled, not published with a future date', async () => {
  const item = {
    uri: 'urn:test:embargo:1', language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00', embargoedUntil: '2099-01-01T08:00:00+08:00',
    headlines: [{ role: 'main', value: '禁发至将来' }], bodies: [{ role: 'main', contentType: 'text/plain', value: '正文' }],
  };
  const [outcome] = await importText(store, JSON.stringify(item));
  assert.ok(outcome && 'id' in outcome, JSON.stringify(outcome));
  const a = (await store.articles.byId(outcome.id))!;
  assert.equal(a.status, 'scheduled');
  assert.equal(a.publishedAt, '2099-01-01T00:00:00.000Z');
  // The wire may still update it before its time.
  const [again] = await importText(store, JSON.stringify({ ...item, headlines: [{ role: 'main', value: '禁发至将来(更新)' }] }));
  assert.ok(again && 'id' in again && again.status === 'updated', JSON.stringify(again));
  assert.equal((await store.articles.byId(outcome.id))!.status, 'scheduled');
});
