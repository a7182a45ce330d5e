import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertText, convertHtml } from './convert.ts';

test('Simplified to Taiwan-standard Traditional at phrase level', () => {
  assert.equal(convertText('吉林省全省领导干部大会在长春召开', 'zh-Hans', 'zh-Hant'), '吉林省全省領導幹部大會在長春召開');
  assert.equal(convertText('为了人民群众', 'zh-Hans', 'zh-Hant'), '為了人民群眾');
  assert.equal(convertText('头发', 'zh-Hans', 'zh-Hant'), '頭髮');
});

test('Traditional to Simplified', () => {
  assert.equal(convertText('吉林省全省領導幹部大會在長春召開', 'zh-Hant', 'zh-Hans'), '吉林省全省领导干部大会在长春召开');
  assert.equal(convertText('為做好案件處置指明瞭方向', 'zh-Hant', 'zh-Hans'), '为做好案件处置指明了方向');
});

test('same script is untouched', () => {
  assert.equal(convertText('指明瞭', 'zh-Hant', 'zh-Hant'), '指明瞭');
});

test('HTML: text converts, markup and attributes do not', () => {
  const html = '<p>长春<img src="/media/长春.jpg" alt="x"></p><figure><figcaption>图片说明</figcaption></figure>';
  assert.equal(
    String(convertHtml(html, 'zh-Hans', 'zh-Hant')),
    '<p>長春<img src="/media/长春.jpg" alt="x"></p><figure><figcaption>圖片說明</figcaption></figure>',
  );
});
