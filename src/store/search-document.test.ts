import { test } from 'node:test';
import assert from 'node:assert/strict';
import { searchDocument, searchDocumentYielding } from './search-document.ts';
import { articleInputSchema } from '../domain/article.ts';
import { demoArticles } from '../demo/demo-articles.ts';

const tokens = (s: string) => s.split(' ').filter(Boolean).sort();

test('the yielding search document has the same tokens as the one made in one go', async () => {
  const long = articleInputSchema.parse({
    language: 'zh-Hant', headline: '長文', rightsClass: 'original',
    bodyHtml: Array.from({ length: 400 }, (_, i) => `<p>第${i}段:長春市今天召開全市經濟工作會議,會議指出了發展中存在的問題。</p>`).join(''),
  });
  for (const a of [...demoArticles.map((d) => articleInputSchema.parse(d)), long]) {
    const once = searchDocument(a);
    const yielding = await searchDocumentYielding(a);
    assert.equal(yielding.length, once.length, a.headline);
    assert.deepEqual(tokens(yielding.body), tokens(once.body), a.headline);
    assert.deepEqual({ ...yielding, body: '' }, { ...once, body: '' });
  }
});
