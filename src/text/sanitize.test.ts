import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sanitizeBody, paragraphsToHtml, htmlToText } from './sanitize.ts';

test('keeps paragraphs, headings, quotes and figures with credit', () => {
  const html = '<h2>小标题</h2><p>正文</p><blockquote><p>引语</p></blockquote><figure><img src="https://img.example/a.jpg" alt="雪" /><figcaption>雪景<span class="credit">摄影 李明</span></figcaption></figure>';
  assert.equal(sanitizeBody(html), html);
});

test('drops scripts, handlers, styles and javascript: links', () => {
  const out = sanitizeBody('<p onclick="x()" style="color:red">好<script>alert(1)</script></p><a href="javascript:alert(1)">链接</a><img src="data:image/png;base64,AA">');
  assert.equal(out, '<p>好</p><a rel="noopener nofollow">链接</a>');
});

test('plain text becomes escaped paragraphs', () => {
  assert.equal(paragraphsToHtml('第一段\n\n第二段 <b>\n第三段'), '<p>第一段</p>\n<p>第二段 &lt;b&gt;</p>\n<p>第三段</p>');
  assert.equal(htmlToText('<p>甲 &amp; 乙</p>'), '甲 & 乙');
});

test('a library picture keeps its id, digits only; an id that is anything else is dropped with the empty box', () => {
  assert.equal(sanitizeBody('<p>正文</p><img data-media-id="12" alt="雪景">'), '<p>正文</p><img data-media-id="12" alt="雪景" />');
  assert.equal(sanitizeBody('<img data-media-id="12&quot; onerror=&quot;x" alt="a"><img data-media-id="-1"><img data-media-id="1e3"><img data-media-id="">'), '');
  assert.equal(sanitizeBody('<img src="https://img.example/a.jpg" data-media-id="x1">'), '<img src="https://img.example/a.jpg" />');
  assert.equal(sanitizeBody('<img data-media-id="7" onerror="alert(1)" data-other="1">'), '<img data-media-id="7" />');
});
