import { test } from 'node:test';
import { performance } from 'node:perf_hooks';
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

test('comparing revisions is quadratic; one reporter can freeze the server: two long, wholly different bodies compare within a bound', () => {
  const a = { ...base, bodyHtml: `<p>${'甲'.repeat(20_000)}</p>` };
  const b = { ...base, bodyHtml: `<p>${'乙'.repeat(20_000)}</p>` };
  let best = Infinity;
  let d: ReturnType<typeof diffArticles> = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    d = diffArticles(a, b);
    best = Math.min(best, performance.now() - t);
  }
  // Before, 10,000 characters a side took 17 s; a bound of 10 ms for each of two methods, plus slack for a busy machine.
  assert.ok(best < 200, `comparing took ${best.toFixed(0)} ms`);
  const body = d.find((f) => f.field === 'body')!;
  assert.equal(body.parts.filter((p) => p.removed).map((p) => p.value).join(''), '甲'.repeat(20_000) + '\n');
  assert.equal(body.parts.filter((p) => p.added).map((p) => p.value).join(''), '乙'.repeat(20_000) + '\n');
});
