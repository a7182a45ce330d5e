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
