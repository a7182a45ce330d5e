import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { convertText } from './convert.ts';

/**
 * 323 original news sentences with the Traditional (Taiwan) text a careful editor would write,
 * grouped by the class of mistake they probe (regression/news-sentences.json).
 */
const set = JSON.parse(readFileSync(new URL('./regression/news-sentences.json', import.meta.url), 'utf8')) as Array<{ id: string; class: string; hans: string; hant: string }>;

// Known misses, each with its reason: a fix would need sentence-level understanding.
const KNOWN_MISSES = new Map([
  ['fa1-06', '企业主发卡: jieba takes 发卡 (hairpin, 髮卡); here it means issuing cards'],
  ['xi4-07', '案件系一起: 系 as the copula 係 needs grammar, not words'],
  ['xi4-08', '男子系酒后: as above'],
]);

test('the regression set has at least 150 sentences in every class it claims', () => {
  assert.ok(set.length >= 150);
  assert.equal(new Set(set.map((s) => s.id)).size, set.length);
  for (const cls of ['ming-le', 'bei-fa', 'zhi-zao', 'le-ru', 'gan']) assert.ok(set.filter((s) => s.class === cls).length >= 10, cls);
});

test('Heitu converts every sentence of the regression set but the known misses', () => {
  const misses = set.filter((s) => convertText(s.hans, 'zh-Hans', 'zh-Hant') !== s.hant).map((s) => s.id);
  assert.deepEqual(misses.sort(), [...KNOWN_MISSES.keys()].sort());
});

test('Heitu scores higher than plain OpenCC on the regression set', () => {
  const opencc = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const plain = set.filter((s) => opencc(s.hans) === s.hant).length;
  const heitu = set.filter((s) => convertText(s.hans, 'zh-Hans', 'zh-Hant') === s.hant).length;
  assert.ok(heitu - plain >= 50, `heitu ${heitu}, OpenCC ${plain}`);
});
