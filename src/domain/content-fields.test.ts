import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleInputSchema } from './article.ts';
import { changedFields } from './content-fields.ts';

const base = articleInputSchema.parse({
  language: 'zh-Hans', headline: '标题', bodyHtml: '<p>正文<a href="https://a.example/">链接</a></p>', rightsClass: 'original',
  channels: ['siping'], tags: ['甲'], dateline: { place: '四平', source: null, date: null, kind: null, text: null },
});

test('the same content, whatever order its objects were built in, has no changes', () => {
  const reordered = { ...base, dateline: { text: null, kind: null, date: null, source: null, place: '四平' } };
  assert.deepEqual(changedFields(base, reordered), []);
  assert.deepEqual(changedFields(base, { ...base, status: 'published', publishedAt: '2026-11-30T00:00:00.000Z', uri: 'urn:x' }), []);
});

test('every field readers see counts, markup and order included', () => {
  assert.deepEqual(changedFields(base, { ...base, bodyHtml: '<p>正文<a href="https://b.example/">链接</a></p>' }), ['bodyHtml']);
  assert.deepEqual(changedFields(base, { ...base, channels: ['siping', 'economy'], rightsClass: 'reprint' }), ['rightsClass', 'channels']);
  assert.deepEqual(changedFields(base, { ...base, tags: [], editorName: '某编辑', lockedTerms: [{ hans: '面', hant: '麪', hk: null }] }), ['editorName', 'tags', 'lockedTerms']);
});
