import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAndPrepareStore, type Running } from '../src/main.ts';
import { startTestSite, testConfig } from './support/test-site.ts';
import { runCli } from './support/cli.ts';
import { signIn, writeAndApprove } from './support/newsroom-people.ts';
import { cameraJpeg } from './support/photos.ts';
import type { NewsroomClient } from './support/newsroom-client.ts';
import type { MediaItem } from '../src/domain/media.ts';
import { validateNinjs } from '../src/domain/ninjs/ninjs-schema.ts';
import { importNinjs, splitNinjsText } from '../src/services/ninjs-import.ts';
import { ninjsImportContext, requireSettings } from '../src/services/site-context.ts';
import { createMediaService } from '../src/services/media-service.ts';
import type { Store } from '../src/store/ports.ts';

let site: Running;
let dir: string;
let reporter: NewsroomClient;
let own: MediaItem;
let agency: MediaItem;
let articleId: number;
let withAgency = '';
let ownOnly = '';
const env = () => ({ DATABASE_URL: `sqlite:${join(dir, 'heitu.sqlite')}`, HEITU_DATA_DIR: dir });

type Item = Record<string, unknown> & { associations?: Array<Record<string, unknown> & { renditions: Array<Record<string, unknown>> }>; bodies?: Array<{ value: string }> };

async function upload(seed: number, fields: Record<string, string>): Promise<MediaItem> {
  const r = await reporter.upload('/media', { bytes: await cameraJpeg(1600, 1200, { seed }), name: `photo-${seed}.jpg`, type: 'image/jpeg' }, fields);
  assert.equal(r.status, 201, JSON.stringify(r.json));
  return r.json['item'] as MediaItem;
}

const item = async (key: string, id = articleId): Promise<Item> => {
  const res = await fetch(`${site.url}/api/content/v1/items/${id}`, { headers: { authorization: `Bearer ${key}` } });
  assert.equal(res.status, 200);
  return (await res.json()) as Item;
};
const uris = (i: Item) => (i.associations ?? []).map((a) => a['uri']);
const bodyIds = (i: Item) => [...i.bodies![0]!.value.matchAll(/data-media-id="(\d+)"/g)].map((m) => Number(m[1]));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'heitu-pictures-'));
  // A database file, so that the heitu command can export from it while the site runs.
  site = await startTestSite(env());
  reporter = await signIn(site.url, 'reporter');
  own = await upload(31, { caption: '延吉早市的清晨', credit: '本网记者 金明', alt: '早市摊位', rightsClass: 'own' });
  agency = await upload(32, { caption: '图们江畔的雾凇', credit: '新华社记者 李华', alt: '江边的雾凇', rightsClass: 'agency', copyrightHolder: '新华通讯社', usageTerms: '仅限新闻报道使用' });
  const written = await writeAndApprove(site.url, {
    headline: '图们江畔雾凇美景', leadImageId: agency.id,
    bodyHtml: `<p>第一段内容。</p><img data-media-id="${own.id}" alt="清晨的早市"><p>第二段内容。</p><img data-media-id="${agency.id}" alt="雾凇"><p>第三段内容。</p>`,
  });
  articleId = written.id;
  await written.responsible.ok('POST', `/articles/${articleId}/publish`, {});
  const rights = await signIn(site.url, 'rights');
  const scope = { rights: ['original'], uses: ['reprint', 'archive'], attribution: '來源:黑土網' };
  withAgency = (await rights.ok<{ apiKey: string }>('POST', '/licensees', { name: '图们江日报', scope: { ...scope, pictures: ['own', 'agency'] } })).apiKey;
  ownOnly = (await rights.ok<{ apiKey: string }>('POST', '/licensees', { name: '延边早报', scope })).apiKey;
});
after(() => site.stop());

test('an agency picture goes only to the licensee whose agreement names agency pictures; our own goes to both', async () => {
  const full = await item(withAgency);
  const limited = await item(ownOnly);
  for (const i of [full, limited]) assert.equal(validateNinjs(i, '3.1'), null, JSON.stringify(i).slice(0, 300));
  assert.deepEqual(uris(full), [`urn:heitu:media:${agency.hash}`, `urn:heitu:media:${own.hash}`], 'the lead first, then the body in order');
  assert.deepEqual(uris(limited), [`urn:heitu:media:${own.hash}`]);
  assert.deepEqual(bodyIds(full), [own.id, agency.id]);
  assert.deepEqual(bodyIds(limited), [own.id], 'a picture not covered does not leak through the body either');
  assert.doesNotMatch(JSON.stringify(limited), new RegExp(agency.hash), 'nothing of the agency picture reaches the other licensee');

  const lead = full.associations![0]!;
  assert.equal(lead['type'], 'picture');
  assert.equal(lead['rel'], 'lead');
  assert.equal(lead['copyrightHolder'], '新华通讯社');
  assert.equal(lead['usageTerms'], '仅限新闻报道使用');
  assert.equal(lead['by'], '新华社记者 李华');
  assert.deepEqual(lead['descriptions'], [
    { role: 'caption', contentType: 'text/plain', value: '图们江畔的雾凇' },
    { role: 'alt', contentType: 'text/plain', value: '江边的雾凇' },
    { role: 'creditline', contentType: 'text/plain', value: '新华社记者 李华' },
  ]);
  assert.deepEqual(lead['genres'], [{ name: 'agency', uri: 'urn:heitu:picture-rights:agency' }]);
  assert.equal(full.associations![1]!['rel'], 'inline');
});

test('renditions: the lead crop widths in JPEG and WebP and the whole frame, each absolute and fetchable at its size', async () => {
  const full = await item(withAgency);
  for (const a of full.associations!) {
    const r = a.renditions;
    const lead = r.filter((x) => String(x['name']).startsWith('lead-'));
    assert.deepEqual([...new Set(lead.map((x) => x['width']))], [480, 960, 1440]);
    assert.deepEqual([...new Set(lead.map((x) => x['contentType']))].sort(), ['image/jpeg', 'image/webp']);
    assert.ok(r.some((x) => String(x['name']).startsWith('full-')));
    for (const x of r) {
      assert.match(String(x['href']), /^https?:\/\/[^/]+\/media\/[0-9a-f]{64}\//);
      const res = await fetch(String(x['href']));
      assert.equal(res.status, 200, String(x['href']));
      assert.equal(res.headers.get('content-type'), x['contentType']);
      assert.ok(Number(x['width']) > 0 && Number(x['height']) > 0);
    }
  }
  // The body's pictures show where the licensee puts them.
  assert.match(full.bodies![0]!.value, new RegExp(`<img src="https?://[^"]+/media/${own.hash}/full-[^"]+\\.jpg" alt="清晨的早市" data-media-id="${own.id}">`));
});

test('a licensee list (items) carries the same pictures as the single item', async () => {
  const res = await fetch(`${site.url}/api/content/v1/items?limit=200`, { headers: { authorization: `Bearer ${ownOnly}` } });
  const items = ((await res.json()) as { items: Item[] }).items;
  const mine = items.find((i) => (i.associations ?? []).length > 0)!;
  assert.deepEqual(uris(mine), [`urn:heitu:media:${own.hash}`]);
  assert.equal(validateNinjs(mine, '3.1'), null);
});

test('heitu export → heitu import on a fresh site brings the pictures with their credit, holder, terms and rights class', async () => {
  const out = mkdtempSync(join(tmpdir(), 'heitu-ninjs-out-'));
  const exported = await runCli(['export', '--out', join(out, 'articles.ndjson')], env());
  assert.equal(exported.code, 0, exported.stderr);
  const lines = splitNinjsText(readFileSync(join(out, 'articles.ndjson'), 'utf8')) as Item[];
  const mine = lines.find((l) => (l.associations ?? []).length)!;
  assert.equal(mine.associations!.length, 2, 'an export carries every picture, whatever its class');
  for (const r of mine.associations!.flatMap((a) => a.renditions)) {
    assert.match(String(r['href']), /^media\/[0-9a-f]{64}\/[a-z0-9-]+\.(jpg|webp)$/);
    assert.ok(existsSync(join(out, String(r['href']))), `${String(r['href'])} is written beside the export`);
  }

  const fresh = mkdtempSync(join(tmpdir(), 'heitu-fresh-'));
  const freshEnv = { DATABASE_URL: `sqlite:${join(fresh, 'heitu.sqlite')}`, HEITU_DATA_DIR: fresh };
  const imported = await runCli(['import', '--json', join(out, 'articles.ndjson')], freshEnv);
  assert.equal(imported.code, 0, imported.stdout + imported.stderr);
  const store = await openAndPrepareStore(testConfig(freshEnv));
  try {
    const article = (await store.articles.byUri(String(mine['uri'])))!;
    assert.ok(article.leadImageId, 'the lead picture is set');
    const lead = (await store.media.byId(article.leadImageId))!;
    assert.deepEqual([lead.rightsClass, lead.credit, lead.copyrightHolder, lead.usageTerms, lead.caption, lead.alt], ['agency', '新华社记者 李华', '新华通讯社', '仅限新闻报道使用', '图们江畔的雾凇', '江边的雾凇']);
    const ids = [...article.bodyHtml.matchAll(/data-media-id="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(ids.length, 2);
    const inBody = (await store.media.byId(ids[0]!))!;
    assert.deepEqual([inBody.rightsClass, inBody.credit, inBody.caption], ['own', '本网记者 金明', '延吉早市的清晨']);
    assert.equal(ids[1], lead.id, 'the body names the pictures by their ids on this site');
    // Importing the same file again changes nothing and adds no picture.
    const count = (await store.media.search({ text: [], limit: 100, offset: 0 })).total;
    const again = await runCli(['import', '--json', join(out, 'articles.ndjson')], freshEnv);
    const outcomes = (JSON.parse(again.stdout) as { items: Array<{ uri?: string; status?: string }> }).items;
    assert.ok(outcomes.every((o) => o.status === 'unchanged'), again.stdout.slice(0, 500));
    assert.equal((await store.media.search({ text: [], limit: 100, offset: 0 })).total, count);
  } finally {
    await store.close();
  }
});

/** An import straight through the service, with pictures read from `folder`. */
async function importInto(store: Store, folder: string, text: string) {
  const settings = await requireSettings(store);
  const media = createMediaService(store, join(folder, 'library'), { maxFileBytes: 2 * 1024 * 1024, prepareOnUpload: false });
  return importNinjs({
    store, context: async () => ninjsImportContext(settings, await store.channels.list()), articleUrl: (id) => `/articles/${id}`,
    pictures: { dir: join(folder, 'in'), media, actor: { id: null, login: 'import' }, maxFileBytes: 2 * 1024 * 1024 },
  }, splitNinjsText(text));
}

test('an href leading out of the folder, a URL, a missing file or a file that is no picture refuses that item whole', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'heitu-pic-import-'));
  const inDir = join(folder, 'in');
  mkdirSync(inDir);
  writeFileSync(join(folder, 'outside.jpg'), await cameraJpeg(400, 300, { seed: 40 }));
  writeFileSync(join(inDir, 'fine.jpg'), await cameraJpeg(400, 300, { seed: 41 }));
  writeFileSync(join(inDir, 'words.jpg'), 'not a picture at all, only words');
  const store = await openAndPrepareStore(testConfig());
  try {
    const ninjs = (uri: string, hrefs: string[]) => JSON.stringify({
      uri, language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00', pubStatus: 'usable',
      headlines: [{ role: 'main', value: '带图稿件' }], bodies: [{ role: 'main', contentType: 'text/plain', value: '正文' }],
      associations: hrefs.map((href, i) => ({ name: `p${i}`, uri: `urn:test:pic:${i}`, type: 'picture', renditions: [{ name: 'highRes', href, contentType: 'image/jpeg' }] })),
    });
    const cases: Array<[string, string[], string]> = [
      ['urn:test:dotdot', ['fine.jpg', '../outside.jpg'], 'NINJS_PICTURE_REFUSED'],
      ['urn:test:absolute', [join(folder, 'outside.jpg')], 'NINJS_PICTURE_REFUSED'],
      ['urn:test:url', ['http://example.com/p.jpg'], 'NINJS_PICTURE_REFUSED'],
      ['urn:test:missing', ['fine.jpg', 'gone.jpg'], 'NINJS_PICTURE_MISSING'],
      ['urn:test:words', ['fine.jpg', 'words.jpg'], 'MEDIA_UNSUPPORTED'],
    ];
    for (const [uri, hrefs, code] of cases) {
      const [o] = await importInto(store, folder, ninjs(uri, hrefs));
      assert.ok(o && 'error' in o && o.code === code, `${uri}: ${JSON.stringify(o)}`);
      assert.ok(o.error.includes(hrefs.at(-1)!) || o.error.includes('URL'), o.error);
      assert.equal(await store.articles.byUri(uri), null, `${uri}: no article`);
    }
    assert.equal((await store.media.search({ text: [], limit: 10, offset: 0 })).total, 0, 'no picture of a refused item is kept');
    const described = JSON.parse(ninjs('urn:test:fine', ['fine.jpg'])) as Item;
    described.associations![0]!['descriptions'] = [{ role: 'alt', value: '江边的渔船' }];
    const [ok] = await importInto(store, folder, JSON.stringify(described));
    assert.ok(ok && 'id' in ok, JSON.stringify(ok));
    const a = (await store.articles.byId(ok.id))!;
    const pic = (await store.media.byId(a.leadImageId!))!;
    assert.equal(pic.rightsClass, 'agency', 'a picture whose class is not declared is not taken as our own');
    assert.equal(pic.alt, '江边的渔船');
  } finally {
    await store.close();
  }
});

test('a published or scheduled item shows no picture without alt text: the caption stands in, else the item is refused before anything is uploaded', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'heitu-pic-alt-'));
  const inDir = join(folder, 'in');
  mkdirSync(inDir);
  writeFileSync(join(inDir, 'lead.jpg'), await cameraJpeg(400, 300, { seed: 50 }));
  writeFileSync(join(inDir, 'bare.jpg'), await cameraJpeg(400, 300, { seed: 51 }));
  writeFileSync(join(inDir, 'captioned.jpg'), await cameraJpeg(400, 300, { seed: 52 }));
  const store = await openAndPrepareStore(testConfig());
  const pictureCount = async () => (await store.media.search({ text: [], limit: 10, offset: 0 })).total;
  // A lead picture with alt text, and a body picture (named 9 by the item) described as given.
  const ninjs = (uri: string, body: { href: string; descriptions: Array<{ role: string; value: string }> }, extra: Record<string, unknown> = {}) => JSON.stringify({
    uri, language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00', pubStatus: 'usable', ...extra,
    headlines: [{ role: 'main', value: '松花江冬捕' }],
    bodies: [{ role: 'main', contentType: 'text/html', value: '<p>正文</p><img data-media-id="9"><p>结尾</p>' }],
    associations: [
      { name: 'lead', uri: 'urn:test:pic:lead', rel: 'lead', type: 'picture', descriptions: [{ role: 'alt', value: '冰面上的渔网' }], renditions: [{ name: 'highRes', href: 'lead.jpg', contentType: 'image/jpeg' }] },
      { name: 'media-9', uri: 'urn:test:pic:body', rel: 'inline', type: 'picture', descriptions: body.descriptions, renditions: [{ name: 'highRes', href: body.href, contentType: 'image/jpeg' }] },
    ],
  });
  try {
    const refused: Array<[string, Record<string, unknown>]> = [
      ['urn:test:alt:published', {}],
      // Usable only from a future time: it would wait as scheduled, and go out without anyone acting again.
      ['urn:test:alt:scheduled', { firstCreated: '2099-01-01T08:00:00+08:00' }],
    ];
    for (const [uri, extra] of refused) {
      const [o] = await importInto(store, folder, ninjs(uri, { href: 'bare.jpg', descriptions: [] }, extra));
      assert.ok(o && 'error' in o && o.code === 'MEDIA_NOT_PUBLISHABLE', `${uri}: ${JSON.stringify(o)}`);
      assert.match(o.error, /"bare\.jpg" has no alt text/);
      assert.equal(await store.articles.byUri(uri), null, `${uri}: no article`);
      assert.equal(await pictureCount(), 0, `${uri}: not even its described lead picture is uploaded`);
    }

    const [captioned] = await importInto(store, folder, ninjs('urn:test:alt:caption', { href: 'captioned.jpg', descriptions: [{ role: 'caption', value: '渔民在冰面上收网' }] }));
    assert.ok(captioned && 'id' in captioned && captioned.status === 'created', JSON.stringify(captioned));
    const published = (await store.articles.byId(captioned.id))!;
    assert.equal(published.status, 'published');
    const inBody = (await store.media.byId([...published.bodyHtml.matchAll(/data-media-id="(\d+)"/g)].map((m) => Number(m[1]))[0]!))!;
    assert.deepEqual([inBody.caption, inBody.alt], ['渔民在冰面上收网', '渔民在冰面上收网'], 'the caption stands in for the missing alt text');

    // A draft is not shown to anyone: it may come without alt text, to be described in the newsroom.
    const [draft] = await importInto(store, folder, ninjs('urn:test:alt:withheld', { href: 'bare.jpg', descriptions: [] }, { pubStatus: 'withheld' }));
    assert.ok(draft && 'id' in draft && draft.status === 'created', JSON.stringify(draft));
    const held = (await store.articles.byId(draft.id))!;
    assert.equal(held.status, 'draft');
    const bare = (await store.media.byId([...held.bodyHtml.matchAll(/data-media-id="(\d+)"/g)].map((m) => Number(m[1]))[0]!))!;
    assert.equal(bare.alt, null);

    // The same file again is that library item, whose fields an import does not change: its own alt text counts.
    const before = await pictureCount();
    const [again] = await importInto(store, folder, ninjs('urn:test:alt:again', { href: 'bare.jpg', descriptions: [{ role: 'caption', value: '冰面' }] }));
    assert.ok(again && 'error' in again && again.code === 'MEDIA_NOT_PUBLISHABLE', JSON.stringify(again));
    assert.match(again.error, /"bare\.jpg" is already in the library, and picture \d+ has no alt text/);
    assert.equal(await store.articles.byUri('urn:test:alt:again'), null);
    assert.equal(await pictureCount(), before);
  } finally {
    await store.close();
  }
});

test('after a take-down the picture is gone from the content API, its associations and its body', async () => {
  const rights = await signIn(site.url, 'rights');
  const href = String((await item(withAgency)).associations![0]!.renditions[0]!['href']);
  await rights.ok('POST', `/media/${agency.id}/take-down`, { reason: '版权方要求撤下' });
  const full = await item(withAgency);
  assert.deepEqual(uris(full), [`urn:heitu:media:${own.hash}`]);
  assert.deepEqual(bodyIds(full), [own.id]);
  assert.equal(validateNinjs(full, '3.1'), null);
  assert.equal((await fetch(href)).status, 404);
});
