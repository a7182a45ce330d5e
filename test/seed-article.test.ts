import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestSite, importSeed, seedPagePath, byClass, textOf, paragraphsOf } from './support/test-site.ts';
import type { Running } from '../src/main.ts';
import { convertText } from '../src/text/convert.ts';

/**
 * Acceptance: the seed article, imported from ninjs, shows every field of the seed page,
 * in the seed page's order, in Traditional, and the same in Simplified.
 */
const lines = readFileSync(seedPagePath, 'utf8').split('\n');
const headline = lines.find((l) => l.startsWith('吉林省全省領導幹部大會'))!;
const metaLine = lines.find((l) => l.startsWith('2018-08-26 23:23:27'))!;
const originalLine = lines.find((l) => l.trim().startsWith('原題:'))!.trim();
const statementAt = lines.findIndex((l) => l.includes('聲明:'));
const seedParagraphs = lines
  .slice(0, statementAt)
  .filter((l) => l.startsWith('  ') && !l.trim().startsWith('原題:'))
  .map((l) => l.trim());

let site: Running;
let id: number;

before(async () => {
  site = await startTestSite();
  id = await importSeed(site.store);
});
after(() => site.stop());

const withoutZone = (html: string): string => html.replace(/<span class="zone">[^<]*<\/span>/, '');

test('the seed page has the fields the test reads', () => {
  assert.equal(seedParagraphs.length, 31);
  assert.equal(metaLine.replace(/\s+/g, ''), '2018-08-2623:23:27|來源:中國吉林網|編輯:杜偉|責編:劉徵宇');
});

test('Traditional page shows every field of the seed page exactly', async () => {
  const res = await fetch(`${site.url}/zh-hant/articles/${id}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/html; charset=utf-8/);
  const html = await res.text();
  assert.equal(textOf(byClass(html, 'headline')!), headline);
  // The seed prints the time without its zone; Heitu names it after the time (the page's only addition).
  assert.match(byClass(html, 'meta')!, /<span class="zone">北京時間<\/span>/);
  assert.equal(textOf(withoutZone(byClass(html, 'meta')!)).replace(/\s+/g, ''), metaLine.replace(/\s+/g, ''));
  assert.equal(textOf(byClass(html, 'original-headline')!), originalLine);
  assert.deepEqual(paragraphsOf(byClass(html, 'body')!), seedParagraphs);
  // The dateline lead is marked as such, and the seed's order holds: headline, meta, 原題, body.
  assert.match(html, /<span class="dateline">中國吉林網8月26日訊:<\/span>距離8月16日/);
  const order = ['class="headline"', 'class="meta"', 'class="original-headline"', 'class="body"'].map((s) => html.indexOf(s));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.ok(order.every((i) => i > 0));
  // A reprint ends with the site's disclaimer.
  assert.match(textOf(byClass(html, 'notice') ?? ''), /不代表本網觀點/);
});

test('Simplified page shows the same in Simplified', async () => {
  const html = await (await fetch(`${site.url}/zh-hans/articles/${id}`)).text();
  assert.equal(textOf(byClass(html, 'headline')!), '吉林省全省领导干部大会在长春召开');
  assert.match(byClass(html, 'meta')!, /<span class="zone">北京时间<\/span>/);
  assert.equal(textOf(withoutZone(byClass(html, 'meta')!)).replace(/\s+/g, ''), '2018-08-2623:23:27|来源:中国吉林网|编辑:杜伟|责编:刘征宇');
  assert.ok(textOf(byClass(html, 'original-headline')!).startsWith('原题:吉林省周日召开领导干部大会 省委书记巴音朝鲁'));
  const paragraphs = paragraphsOf(byClass(html, 'body')!);
  assert.equal(paragraphs.length, 31);
  assert.deepEqual(paragraphs, seedParagraphs.map((p) => convertText(p, 'zh-Hant', 'zh-Hans')));
  assert.ok(paragraphs[0]!.startsWith('中国吉林网8月26日讯:距离8月16日'));
  assert.ok(paragraphs.some((p) => p.includes('为做好案件处置指明了方向')));
  assert.match(html, /<html lang="zh-Hans">/);
});

test('/articles/{id} serves the site default script (Traditional in the demo)', async () => {
  const html = await (await fetch(`${site.url}/articles/${id}`)).text();
  assert.equal(textOf(byClass(html, 'headline')!), headline);
});

test('the script switch keeps the reader on the same article', async () => {
  const html = await (await fetch(`${site.url}/zh-hant/articles/${id}`)).text();
  assert.match(html, new RegExp(`<a href="/variant/zh-hans\\?to=%2Fzh-hans%2Farticles%2F${id}" lang="zh-Hans"`));
  assert.match(html, new RegExp(`<link rel="alternate" hreflang="zh-Hans" href="http://127.0.0.1:\\d+/zh-hans/articles/${id}">`));
});
