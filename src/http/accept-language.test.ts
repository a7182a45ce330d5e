import { test } from 'node:test';
import assert from 'node:assert/strict';
import { variantFromAcceptLanguage } from './accept-language.ts';

test('picks the script the browser prefers', () => {
  assert.equal(variantFromAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8', 'zh-Hant'), 'zh-hans');
  assert.equal(variantFromAcceptLanguage('zh-TW,zh;q=0.9', 'zh-Hans'), 'zh-hant');
  assert.equal(variantFromAcceptLanguage('en-US,zh-HK;q=0.5', 'zh-Hans'), 'zh-hk');
  assert.equal(variantFromAcceptLanguage('zh-Hant-HK', 'zh-Hans'), 'zh-hk');
  assert.equal(variantFromAcceptLanguage('zh-Hant-TW,zh;q=0.8', 'zh-Hans'), 'zh-hant');
  assert.equal(variantFromAcceptLanguage('en;q=1,zh-Hans;q=0.2,zh-Hant;q=0.8', 'zh-Hans'), 'zh-hant');
});

test('falls back to the site default', () => {
  assert.equal(variantFromAcceptLanguage(undefined, 'zh-Hant'), 'zh-hant');
  assert.equal(variantFromAcceptLanguage('en-GB,fr;q=0.5', 'zh-Hans'), 'zh-hans');
  assert.equal(variantFromAcceptLanguage('zh-TW;q=0', 'zh-Hans'), 'zh-hans');
});
