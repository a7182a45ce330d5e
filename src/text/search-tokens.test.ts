import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexTokens, queryTokens, snippet } from './search-tokens.ts';

test('Traditional and Simplified index to the same words', () => {
  assert.equal(indexTokens('長春新開通公交線路', 'zh-Hant'), indexTokens('长春新开通公交线路', 'zh-Hans'));
  assert.ok(indexTokens('长春新开通公交线路', 'zh-Hans').split(' ').includes('公交'));
});

test('search mode keeps the parts of long names findable', () => {
  const words = indexTokens('長白山保護開發區迎來雪季', 'zh-Hant').split(' ');
  assert.ok(words.includes('长白山'), words.join(' '));
});

test('queries in either script give the same words; syntax characters are dropped', () => {
  assert.deepEqual(queryTokens('長春 公交'), queryTokens('长春 公交'));
  assert.deepEqual(queryTokens('"长春" AND (公交*) NEAR: -').words, ['长春', 'and', '公交', 'near']);
  assert.deepEqual(queryTokens('“”!?。'), { words: [], terms: [] });
});

test('a word is found where jieba cut the sentence differently', () => {
  const indexed = indexTokens('延吉冰燈節今晚開幕', 'zh-Hant').split(' ');
  for (const t of queryTokens('冰灯').terms) assert.ok(indexed.includes(t), t);
  const q = queryTokens('長白山保護開發區');
  assert.ok(q.terms.every((t) => [...t].length <= 2));
  const doc = indexTokens('長白山保護開發區迎來雪季', 'zh-Hant').split(' ');
  for (const t of q.terms) assert.ok(doc.includes(t), t);
});

test('snippets mark the words in the reader\'s script, found through the other script', () => {
  const s = String(snippet('長春市今天開通了新的公交線路。', 'zh-Hant', ['公交', '长春'], 'zh-Hans').html);
  assert.equal(s, '<mark>长春</mark>市今天开通了新的<mark>公交</mark>线路。');
  const t = String(snippet('长春市今天开通了新的公交线路。', 'zh-Hans', ['公交'], 'zh-Hant').html);
  assert.equal(t, '長春市今天開通了新的<mark>公交</mark>線路。');
  assert.match(String(snippet('<b>x</b> 公交', 'zh-Hans', ['公交'], 'zh-Hans').html), /&lt;b&gt;/);
});
