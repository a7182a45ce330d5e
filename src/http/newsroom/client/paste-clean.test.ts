import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPastedHtml } from './paste-clean.ts';

test('Word markup: Office namespaces, conditional comments, styles and classes go', () => {
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{margin:0}</style></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
<p class="MsoNormal" style="mso-line-height-rule:exactly"><span lang="ZH-CN" style="font-family:宋体">长春今天降雪。</span><o:p></o:p></p>
<p class="MsoNormal"><b><span style="color:red">重点</span></b></p></body></html>`;
  const out = cleanPastedHtml(word);
  assert.doesNotMatch(out, /Mso|mso-|style=|class=|lang=|<o:p>|<xml|<!--|<style/);
  assert.match(out, /<p><span>长春今天降雪。<\/span><\/p>/);
  assert.match(out, /<b><span>重点<\/span><\/b>/);
});

test('web markup keeps its structure', () => {
  assert.equal(cleanPastedHtml('<h2 id="x" class="title">小标题</h2><p style="color:red">正文</p>'), '<h2>小标题</h2><p>正文</p>');
});

test('a library picture moved within the body keeps its media id; a foreign image with one, or other data attributes, do not', () => {
  const hash = 'ab'.repeat(32);
  const ours = `<p><img src="/media/${hash}/full-1280-50-50.jpg" alt="湖面" data-media-id="12"></p>`;
  assert.equal(cleanPastedHtml(ours), ours);
  const copied = `<img src="https://news.example.cn/media/${hash}/full-640-40-60.jpg" data-media-id="7" alt="x">`;
  assert.match(cleanPastedHtml(copied, 'https://news.example.cn'), /data-media-id="7"/);
  const foreign = cleanPastedHtml('<img src="https://other.example/a.jpg" data-media-id="12" data-src="x" data-lazy="1" alt="y" v:shapes="Picture_1">');
  assert.doesNotMatch(foreign, /data-|v:shapes/);
  assert.match(foreign, /<img src="https:\/\/other.example\/a.jpg" alt="y">/);
});

test('a picture with our rendition path on another host, or looking like ours by its URL alone, loses its media id', () => {
  const hash = 'cd'.repeat(32);
  const site = 'https://news.example.cn';
  const kept = (src: string) => /data-media-id=/.test(cleanPastedHtml(`<img src="${src}" data-media-id="9" alt="z">`, site));
  assert.equal(kept(`https://evil.example/media/${hash}/full-640-50-50.jpg`), false, 'another host');
  assert.equal(kept(`https://news.example.cn.evil.example/media/${hash}/full-640-50-50.jpg`), false, 'a host that begins like ours');
  assert.equal(kept(`http://news.example.cn/media/${hash}/full-640-50-50.jpg`), false, 'our host on another scheme');
  assert.equal(kept(`https://news.example.cn:8443/media/${hash}/full-640-50-50.jpg`), false, 'our host on another port');
  assert.equal(kept(`https://x@news.example.cn/media/${hash}/full-640-50-50.jpg`), false, 'credentials in the URL');
  assert.equal(kept(`//evil.example/media/${hash}/full-640-50-50.jpg`), false, 'a protocol-relative URL');
  assert.equal(kept(`https://news.example.cn/media/${hash}/full-640-50-50.jpg?x=1`), false, 'a query');
  assert.equal(kept(`https://news.example.cn:443/media/${hash}/full-640-50-50.jpg`), true, 'the default port is our origin');
  assert.equal(kept(`/media/${hash}/full-640-50-50.jpg`), true, 'the path the editor writes');
  // Without a page to compare with (no origin), only the relative path is trusted.
  assert.doesNotMatch(cleanPastedHtml(`<img src="${site}/media/${hash}/full-640-50-50.jpg" data-media-id="9">`, null), /data-media-id/);
});
