import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { keyTerms } from './key-terms.ts';
import { indexTokens } from './search-tokens.ts';

const story = {
  headline: '淨月潭冰雪節開幕 滑雪場迎來首批遊客',
  summary: null,
  body: '長春淨月潭冰雪節昨日開幕。記者在現場看到,滑雪場排起長隊,雪雕展吸引不少市民。主辦方表示,今年冰雪節將持續到二月底。',
};

test('the words a story is about come first, and the words every story has do not', () => {
  const terms = keyTerms(story, 'zh-Hant');
  assert.ok(terms.length > 0 && terms.length <= 8, terms.join(' '));
  assert.ok(terms.slice(0, 4).includes('冰雪节'), terms.join(' '));
  assert.ok(terms.includes('净月潭'), terms.join(' '));
  assert.ok(!terms.includes('表示') || terms.indexOf('表示') > terms.indexOf('冰雪节'), terms.join(' '));
});

test('Simplified and Traditional copies of a story give the same terms', () => {
  const hans = { headline: '净月潭冰雪节开幕 滑雪场迎来首批游客', summary: null, body: '长春净月潭冰雪节昨日开幕。记者在现场看到,滑雪场排起长队,雪雕展吸引不少市民。主办方表示,今年冰雪节将持续到二月底。' };
  assert.deepEqual(keyTerms(hans, 'zh-Hans'), keyTerms(story, 'zh-Hant'));
});

test('numbers alone and nothing at all give no terms', () => {
  assert.deepEqual(keyTerms({ headline: '2024 2025', body: '100 200 300' }, 'zh-Hans'), []);
  assert.deepEqual(keyTerms({ headline: '', body: '' }, 'zh-Hans'), []);
});

test('every term is a word of the story as the search index holds it, in lower case, at most `count`', () => {
  const piece = fc.constantFrom('長春', '延邊', '冰雪節', '滑雪場', '遊客', 'Jilin', '高鐵', '開通', '人參', '種植', '2024年', '記者', '表示', '。', ',', ' ');
  const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(''));
  fc.assert(
    fc.property(text, text, fc.integer({ min: 1, max: 10 }), (headline, body, count) => {
      const terms = keyTerms({ headline, body }, 'zh-Hant', count);
      const indexed = new Set(indexTokens(`${headline}\n${body}`, 'zh-Hant').split(' '));
      assert.ok(terms.length <= count);
      assert.equal(new Set(terms).size, terms.length);
      for (const t of terms) {
        assert.equal(t, t.toLowerCase());
        assert.ok(indexed.has(t), `${t} is not in the index of ${headline} / ${body}`);
      }
    }),
    { numRuns: 200 },
  );
});
