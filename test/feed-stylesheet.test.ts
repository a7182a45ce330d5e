import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parseFeed } from '@rowanmanning/feed-parser';
import { startTestSite } from './support/test-site.ts';
import type { Running } from '../src/main.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

const get = async (path: string) => {
  const res = await fetch(`${site.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', etag: res.headers.get('etag'), text: await res.text() };
};
const wellFormed = (xml: string) => spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });

test('RSS and Atom name the site\'s stylesheet right after the XML declaration, and stay feeds', async () => {
  for (const path of ['/zh-hans/feed.xml', '/zh-hant/atom.xml', '/feed.xml', '/zh-hk/channels/yanbian/atom.xml']) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.text, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<\?xml-stylesheet type="text\/xsl" href="\/assets\/feed\.xsl"\?>\n<(rss|feed) /, path);
    const lint = wellFormed(r.text);
    assert.equal(lint.status, 0, `${path}: ${lint.stderr}`);
    assert.ok(parseFeed(r.text).items.length > 0, path);
  }
  // The local time each item shows on the page, in the site's zone with its offset.
  const rss = (await get('/zh-hans/feed.xml')).text;
  const item = /<item>[\s\S]*?<\/item>/.exec(rss)![0];
  const pub = new Date(/<pubDate>([^<]+)<\/pubDate>/.exec(item)![1]!);
  const local = /<dc:date>([^<]+)<\/dc:date>/.exec(item)![1]!;
  assert.match(local, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  assert.equal(new Date(local).getTime(), pub.getTime(), 'the same moment');
  const atom = (await get('/zh-hant/atom.xml')).text;
  assert.match(atom, /<entry>[\s\S]*?<dc:date>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00<\/dc:date>/);
  // JSON Feed has no stylesheet.
  assert.doesNotMatch((await get('/zh-hans/feed.json')).text, /xml-stylesheet/);
});

test('the stylesheet is well-formed XSLT 1.0 with the words around a feed in each script, cached with its ETag', async () => {
  const r = await get('/assets/feed.xsl');
  assert.equal(r.status, 200);
  assert.match(r.type, /^text\/xsl/);
  assert.ok(r.etag);
  const lint = wellFormed(r.text);
  assert.equal(lint.status, 0, lint.stderr);
  assert.match(r.text, /<xsl:stylesheet version="1\.0" xmlns:xsl="http:\/\/www\.w3\.org\/1999\/XSL\/Transform"/);
  // Each script's words, chosen by the feed's language.
  for (const [lang, words] of [['zh-cn', '前往网站'], ['zh-tw', '前往網站'], ['zh-hk', '前往網站']] as const) {
    assert.match(r.text, new RegExp(`<xsl:when test="\\$lang = '${lang}'">${words}</xsl:when>`), lang);
  }
  assert.match(r.text, /这是本网的订阅源/);
  assert.match(r.text, /這是本網的訂閱源/);
  // No script of any kind: the page it makes follows the site's policy.
  assert.doesNotMatch(r.text, /<script|javascript:|style="/i);
  const again = await fetch(`${site.url}/assets/feed.xsl`, { headers: { 'if-none-match': r.etag! } });
  assert.equal(again.status, 304);
});
