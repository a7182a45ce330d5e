import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffArticles } from './article-diff.ts';
import { articleInputSchema } from '../domain/article.ts';

const base = articleInputSchema.parse({ language: 'zh-Hans', headline: '长春开通新线路', bodyHtml: '<p>第一段。</p><p>第二段。</p>', rightsClass: 'original', tags: ['公交'] });

test('reports only the fields that changed, character by character', () => {
  const d = diffArticles(base, { ...base, headline: '长春开通两条新线路', bodyHtml: '<p>第一段。</p><p>第二段有改动。</p>' });
  assert.deepEqual(d.map((f) => f.field), ['headline', 'body']);
  assert.deepEqual(d[0]!.parts, [{ value: '长春开通' }, { value: '两条', added: true }, { value: '新线路' }]);
  const body = d[1]!.parts;
  assert.ok(body.some((p) => p.added && p.value === '有改动'));
  assert.equal(body.filter((p) => p.removed).length, 0);
});

test('identical versions have no diff', () => {
  assert.deepEqual(diffArticles(base, { ...base }), []);
});
