import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { loadConfig } from '../src/config.ts';
import { openAndPrepareStore, buildApp } from '../src/main.ts';
import type { Store } from '../src/store/ports.ts';
import type { Hono } from 'hono';
import { createRightsService } from '../src/services/rights-service.ts';
import { exportNinjs } from '../src/services/ninjs-export.ts';
import { exportSite } from '../src/services/static-export.ts';
import type { ReaderService } from '../src/services/reader-service.ts';
import { sanitizeBody } from '../src/text/sanitize.ts';
import { runCli } from './support/cli.ts';
import { spawnSync } from 'node:child_process';

/**
 * Every text field carries a payload; every output surface must carry it only as text. The
 * payload is an element of its own (x-pwn) with an event handler, quotes, an ampersand and a
 * CDATA end, so it shows whether any surface lets it become markup. Settings, channel names,
 * dictionary forms and locked terms are written straight into the store, as old or tampered
 * rows would be: validation refuses them at the door, and output must be safe without it.
 */
/** For fields with a short limit (site name, hotline). */
const short = (field: string) => `${field}<x-pwn onclick=alert(1)>"'&`;
const payload = (field: string) => `${field}<x-pwn onmouseover="alert(1)" data-f="${field}">"'&amp;]]></x-pwn><script>alert("${field}")</script>`;

let dir: string;
let store: Store;
let app: Hono;
let reader: ReaderService;
let apiKey: string;
const ids: number[] = [];
const actx = { actorId: null, actorLogin: 'test', ip: null };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'heitu-injection-'));
  const config = loadConfig({ HEITU_DATA_DIR: dir, PORT: '0' });
  store = await openAndPrepareStore(config);
  const settings = (await store.settings.get())!;
  await store.settings.put({
    ...settings,
    siteName: short('site'), tagline: payload('tagline'), operator: payload('operator'), marketingAgent: payload('agent'),
    hotline: short('hotline'), creditLine: short('credit'), statementTitle: payload('statement'),
    copyrightClauses: [payload('clause')], reprintDisclaimer: payload('disclaimer'),
  });
  const changchun = (await store.channels.bySlug('changchun'))!;
  await store.channels.upsert({ ...changchun, name: payload('channel') });
  await store.terms.put({ hans: '冰灯', hant: short('siteTerm'), hk: short('siteTermHk'), note: null }, actx);
  // A picture described with the payload, as the lead picture and in the body: only its words
  // matter here (no file is behind it; its renditions are 404).
  const { item: picture } = await store.media.add({
    hash: 'ab'.repeat(32), format: 'jpeg', width: 1600, height: 1200, bytes: 1000, language: 'zh-Hans', focalX: 50, focalY: 50,
    caption: payload('caption'), credit: payload('photoCredit'), alt: payload('pictureAlt'),
    rightsClass: 'own', copyrightHolder: null, usageTerms: null, createdBy: null,
  }, actx);
  for (const rightsClass of ['exclusive', 'reprint'] as const) {
    const a = await store.articles.create({
      language: 'zh-Hans',
      headline: payload('headline'), originalHeadline: payload('original'), summary: payload('summary'),
      dateline: { place: payload('place'), source: payload('source'), date: '2026-11-30', kind: '电', text: payload('dateline') },
      bodyHtml: sanitizeBody(`<p>长春冰灯节开幕${payload('body')}</p><p><a href="https://example.cn/?q=&quot;&gt;&lt;x-pwn&gt;" title='${payload('title').replace(/'/g, '&#39;')}'>链接</a><img src="https://img.example.cn/a.jpg" alt="${payload('alt').replace(/"/g, '&quot;')}"></p><img data-media-id="${picture.id}" alt="${payload('bodyAlt').replace(/"/g, '&quot;')}">`),
      byline: payload('byline'), sourceName: payload('sourceName'), rightsClass,
      editorName: payload('editor'), responsibleEditorName: payload('responsible'),
      channels: ['changchun'], tags: [payload('tag')], status: 'published',
      publishedAt: new Date(Date.now() - 3600_000).toISOString(),
      lockedTerms: [{ hans: '长春', hant: short('locked'), hk: short('lockedHk') }], leadImageId: picture.id,
    }, actx);
    const corrected = await store.articles.correct(a.id, { ...a, summary: payload('summary2') }, a.revision, payload('correction'), actx);
    ids.push(corrected.id);
  }
  await store.frontPage.putTopic({ slug: 'pwn', title: payload('topic'), language: 'zh-Hans', description: payload('topicDescription'), position: 1, articleIds: ids }, actx);
  ({ app, reader } = buildApp(config, store));
  const added = await createRightsService(store).addLicensee(
    { name: payload('licensee'), scope: { channels: [], rights: ['original', 'exclusive', 'reprint'], uses: ['reprint', 'archive'], attribution: payload('attribution') } },
    actx,
  );
  apiKey = added.apiKey;
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Elements and attributes an HTML document or fragment really has, as a browser would parse it. */
function markupOf(html: string): { elements: string[]; handlers: string[]; scripts: string[] } {
  const elements: string[] = [];
  const handlers: string[] = [];
  const scripts: string[] = [];
  let inScript: string | null = null;
  const p = new Parser(
    {
      onopentag(name, attribs) {
        elements.push(name);
        for (const k of Object.keys(attribs)) if (k.startsWith('on')) handlers.push(`${name}[${k}]`);
        if (name === 'script') {
          // The site's own reader script is the one script a page may load; anything else is a payload.
          inScript = attribs['src'] === '/assets/reader.js' && attribs['type'] === undefined ? 'site-reader-script' : (attribs['type'] ?? 'text/javascript');
          scripts.push(inScript);
        }
      },
      onclosetag(name) {
        if (name === 'script') inScript = null;
      },
    },
    { decodeEntities: true },
  );
  p.write(html);
  p.end();
  return { elements, handlers, scripts };
}

function assertOnlyText(html: string, where: string): void {
  const m = markupOf(html);
  assert.ok(!m.elements.includes('x-pwn'), `${where}: a payload became an element`);
  assert.deepEqual(m.handlers, [], `${where}: a payload became an event handler`);
  for (const type of m.scripts) assert.ok(type === 'application/ld+json' || type === 'application/json' || type === 'site-reader-script', `${where}: a script of type ${type}`);
  assert.ok(m.scripts.filter((t) => t === 'site-reader-script').length <= 1, `${where}: the reader script loaded twice`);
}

/**
 * The values of an XML feed that a feed reader may render as HTML: RSS titles, descriptions and
 * content:encoded (RSS gives them no type); Atom elements of type="html". The rest is text.
 */
function feedHtmlValues(xml: string): string[] {
  const out: string[] = [];
  const stack: Array<{ name: string; html: boolean; text: string }> = [];
  const p = new Parser(
    {
      onopentag: (name, attribs) => {
        const html = attribs['type'] === 'html' || (attribs['type'] === undefined && ['title', 'description', 'content:encoded'].includes(name));
        stack.push({ name, html, text: '' });
      },
      ontext: (t) => {
        const top = stack[stack.length - 1];
        if (top) top.text += t;
      },
      onclosetag: () => {
        const e = stack.pop();
        if (e?.html) out.push(e.text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  p.write(xml);
  p.end();
  return out;
}

/** xmllint's word on whether the document is well-formed XML. */
function wellFormed(xml: string): string | null {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
  return r.status === 0 ? null : r.stderr;
}

/** Signs in through the newsroom API in-process, as the browser does: the CSRF cookie, then the session. */
async function signIn(login: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const pre = await app.request('/newsroom/api/csrf');
  const cookie = pre.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = ((await pre.json()) as { csrf: string }).csrf;
  const res = await app.request('/newsroom/api/session', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie }, body: JSON.stringify({ login, password }) });
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: ((await res.json()) as { csrf: string }).csrf };
}

const send = (s: { cookie: string; csrf: string }, method: string, path: string, body: unknown) =>
  app.request(`/newsroom/api${path}`, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf, cookie: s.cookie }, body: JSON.stringify(body) });

test('pages in the three variants carry every field only as text', async () => {
  const paths = ['/', '/channels/changchun', '/topics/pwn', '/search?q=%E9%95%BF%E6%98%A5', '/licensees/verify?q=x-pwn', '/tips/new', '/rights/claims/new', '/no-such-page'];
  for (const id of ids) paths.push(`/articles/${id}`);
  for (const v of ['zh-hans', 'zh-hant', 'zh-hk']) {
    for (const path of paths) {
      const res = await app.request(`/${v}${path}`);
      const html = await res.text();
      assertOnlyText(html, `/${v}${path}`);
      if (path.startsWith('/articles/')) {
        assert.match(html, /&lt;x-pwn onmouseover=&quot;alert\(1\)&quot;/, `${v}${path} shows the payload as text`);
        // The picture's caption, credit and alt texts, in the figures and the page's meta tags.
        for (const field of ['caption', 'photoCredit', 'pictureAlt', 'bodyAlt']) assert.ok(html.includes(`${field}&lt;x-pwn`), `${v}${path}: ${field} as text`);
        assert.match(html, /<meta property="og:image:alt" content="pictureAlt&lt;x-pwn/);
        // JSON-LD: data, and nothing in it can end its script element.
        const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!;
        assert.doesNotMatch(ld, /</);
        assert.match(JSON.parse(ld).headline, /<x-pwn/);
        assert.match(JSON.parse(ld).image[0].caption, /^caption<x-pwn/);
      }
    }
  }
});

test('feeds (RSS, Atom, JSON Feed) and sitemaps carry every field only as text', async () => {
  for (const v of ['zh-hans', 'zh-hant', 'zh-hk']) {
    for (const base of ['', '/channels/changchun']) {
      for (const file of ['feed.xml', 'atom.xml']) {
        const xml = await (await app.request(`/${v}${base}/${file}`)).text();
        assert.doesNotMatch(xml, /<x-pwn|<script/, `${v}${base}/${file}: raw markup in the XML`);
        assert.equal(wellFormed(xml), null, `${v}${base}/${file} is well-formed XML`);
        const values = feedHtmlValues(xml);
        assert.ok(values.some((x) => x.includes('x-pwn')), `${v}${base}/${file} carries the payload`);
        for (const value of values) assertOnlyText(value, `${v}${base}/${file}`);
      }
      const json = JSON.parse(await (await app.request(`/${v}${base}/feed.json`)).text()) as { items: Array<{ title: string; content_html?: string; summary?: string }> };
      assert.ok(json.items.length >= 2);
      for (const i of json.items.filter((x) => x.title.includes('x-pwn'))) {
        assert.match(i.title, /<x-pwn/, 'JSON Feed titles are text');
        assertOnlyText(i.content_html ?? '', `${v}${base}/feed.json content_html`);
        assert.match(i.content_html ?? '', /&lt;x-pwn/);
      }
    }
  }
  for (const path of ['/sitemap.xml', '/news-sitemap.xml', '/sitemaps/zh-hans/pages.xml', '/sitemaps/zh-hant/articles-0.xml']) {
    const xml = await (await app.request(path)).text();
    assert.doesNotMatch(xml, /<x-pwn|<script/, path);
    assert.equal(wellFormed(xml), null, path);
  }
});

test('the content API and heitu export carry every field only as text', async () => {
  const items = (await (await app.request('/api/content/v1/items?since=2000-01-01T00:00:00Z', { headers: { authorization: `Bearer ${apiKey}` } })).json()) as { items: Array<Record<string, unknown>> };
  const ours = items.items.filter((i) => ids.some((id) => String(i['uri']).length > 0 && JSON.stringify(i).includes(`headline<x-pwn`)));
  assert.ok(ours.length >= 2, 'the licensee gets the payload articles');
  const exported: Array<Record<string, unknown>> = [];
  for await (const item of exportNinjs(store)) exported.push(item);
  for (const item of [...ours, ...exported.filter((i) => JSON.stringify(i).includes('headline<x-pwn'))]) {
    for (const b of item['bodies'] as Array<{ value: string }>) {
      assertOnlyText(b.value, 'ninjs body');
      assert.match(b.value, /&lt;x-pwn/);
    }
    // Headlines and the rest are text fields in ninjs: the payload is there, as text.
    assert.match(JSON.stringify(item['headlines']), /<x-pwn/);
  }
  const cli = await runCli(['export'], { HEITU_DATA_DIR: dir, HEITU_DEMO: '0' });
  assert.equal(cli.code, 0, cli.stderr);
  for (const line of cli.stdout.split('\n').filter((l) => l.includes('headline<x-pwn'))) {
    for (const b of (JSON.parse(line) as { bodies: Array<{ value: string }> }).bodies) assertOnlyText(b.value, 'heitu export body');
  }
});

test('the static export carries every field only as text', async () => {
  const out = join(dir, 'site');
  await exportSite(out, reader, async (path) => {
    const res = await app.request(path);
    return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
  });
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(out);
  let checked = 0;
  for (const f of files.filter((x) => x.endsWith('.html'))) {
    assertOnlyText(readFileSync(f, 'utf8'), f.slice(out.length));
    checked++;
  }
  for (const f of files.filter((x) => x.endsWith('.xml'))) assert.doesNotMatch(readFileSync(f, 'utf8'), /<x-pwn|<script/, f.slice(out.length));
  assert.ok(checked > 50, `${checked} pages checked`);
});

test('the newsroom API carries every field only as text: JSON, and preview pages as escaped HTML', async () => {
  const s = await signIn('chief', 'heitu-chief');
  const view = await app.request(`/newsroom/api/articles/${ids[0]}`, { headers: { cookie: s.cookie } });
  assert.equal(view.status, 200);
  assert.match(view.headers.get('content-type') ?? '', /^application\/json/);
  const preview = await send(s, 'POST', '/preview', { language: 'zh-Hans', headline: payload('headline'), summary: payload('summary'), bodyHtml: `<p>${payload('body')}</p><p onclick="x">长春</p>`, rightsClass: 'original', channels: ['changchun'], byline: payload('byline') });
  assert.equal(preview.status, 200);
  const pages = (await preview.json()) as Record<string, string>;
  for (const [variant, page] of Object.entries(pages)) {
    assertOnlyText(page, `preview ${variant}`);
    assert.match(page, /&lt;x-pwn/);
  }
});

test('dateline.text is text in RSS content:encoded, Atom content, JSON Feed content_html and the content API bodies', async () => {
  const rss = await (await app.request('/zh-hans/feed.xml')).text();
  const atom = await (await app.request('/zh-hans/atom.xml')).text();
  const json = JSON.parse(await (await app.request('/zh-hans/feed.json')).text()) as { items: Array<{ content_html?: string }> };
  const api = (await (await app.request('/api/content/v1/items?since=2000-01-01T00:00:00Z', { headers: { authorization: `Bearer ${apiKey}` } })).json()) as { items: Array<{ bodies: Array<{ value: string }> }> };
  const bodies = [
    ...feedHtmlValues(rss).filter((v) => v.includes('dateline&lt;')),
    ...feedHtmlValues(atom).filter((v) => v.includes('dateline&lt;')),
    ...json.items.map((i) => i.content_html ?? '').filter((v) => v.includes('dateline&lt;')),
    ...api.items.flatMap((i) => i.bodies.map((b) => b.value)).filter((v) => v.includes('dateline&lt;')),
  ];
  assert.ok(bodies.length >= 8, `${bodies.length} bodies with the dateline`);
  for (const b of bodies) {
    assertOnlyText(b, 'a body with its dateline lead');
    assert.match(b, /<p>dateline&lt;x-pwn onmouseover=&quot;alert\(1\)&quot;/);
  }
});

test('a reporter cannot lock a term or add a dictionary form that is markup, and one already stored is text on the zh-Hant page', async () => {
  const reporter = await signIn('reporter', 'heitu-reporter');
  const draft = await send(reporter, 'POST', '/articles', {
    language: 'zh-Hans', headline: '长春下雪', bodyHtml: '<p>长春今天下雪。</p>', rightsClass: 'original', channels: ['changchun'],
    lockedTerms: [{ hans: '长春', hant: '<script src=/x.js></script>' }],
  });
  assert.equal(draft.status, 400);
  assert.equal(((await draft.json()) as { errors: Array<{ code: string }> }).errors[0]!.code, 'VALIDATION_FAILED');
  const editor = await signIn('editor', 'heitu-editor');
  const term = await send(editor, 'POST', '/terms', { hans: '下雪', hant: '<img src=x onerror=alert(1)>' });
  assert.equal(term.status, 400);
  // The stored locked term from before (see the setup) reaches the page as text.
  const page = await (await app.request(`/zh-hant/articles/${ids[0]}`)).text();
  assert.match(page, /locked&lt;x-pwn onclick=alert\(1\)&gt;/);
  assertOnlyText(page, 'zh-Hant page with a stored markup term');
});

test('the site dictionary lets one editor change published text: a term may only choose forms of the same characters', async () => {
  const editor = await signIn('editor', 'heitu-editor');
  const before = await (await app.request('/zh-hant/articles/1')).text();
  for (const body of [{ hans: '长春', hant: '謠言' }, { hans: '长春', hant: '長春', hk: '捏造' }]) {
    const r = await send(editor, 'POST', '/terms', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.equal(((await r.json()) as { errors: Array<{ code: string }> }).errors[0]!.code, 'VALIDATION_FAILED');
  }
  assert.equal(await (await app.request('/zh-hant/articles/1')).text(), before);
  const ok = await send(editor, 'POST', '/terms', { hans: '刘征宇', hant: '劉征宇' });
  assert.equal(ok.status, 200);
});
