import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, byClass, textOf } from './support/test-site.ts';
import { signIn, draftBody, writeAndApprove } from './support/newsroom-people.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());

const page = async (id: number) => {
  const res = await fetch(`${site.url}/zh-hans/articles/${id}`);
  return { status: res.status, html: await res.text() };
};

test('an editor who approved cannot change the text and publish alone', async () => {
  // 體育 needs one level: the editor's signature alone approves it.
  const reporter = await signIn(site.url, 'reporter');
  const a = await reporter.ok<{ id: number }>('POST', '/articles', draftBody({ headline: '长春马拉松周日开跑', channels: ['sports'] }));
  await reporter.ok('POST', `/articles/${a.id}/submit`);
  const editor = await signIn(site.url, 'editor');
  const approved = await editor.ok<{ status: string; revision: number }>('POST', `/articles/${a.id}/approve`);
  assert.equal(approved.status, 'approved');

  // The editor rewrites it and moves it into 經濟, which needs three levels.
  const saved = await editor.ok<{ status: string; reviewLevels: number; signatures: unknown[] }>('PUT', `/articles/${a.id}`, {
    ...draftBody({ headline: '长春马拉松取消,门票收入去向成谜', bodyHtml: '<p>编辑改写的正文。</p>', channels: ['sports', 'economy'] }),
    baseRevision: approved.revision,
  });
  assert.deepEqual([saved.status, saved.reviewLevels, saved.signatures.length], ['submitted', 3, 0]);

  const publish = await editor.request('POST', `/articles/${a.id}/publish`, {});
  assert.equal(publish.status, 409);
  const again = await editor.request('POST', `/articles/${a.id}/approve`);
  assert.deepEqual([again.status, again.json.errors?.[0]?.code], [403, 'WORKFLOW_OWN_WORK']);
  const stored = await site.store.articles.byId(a.id);
  assert.deepEqual([stored?.status, stored?.signatures.length], ['submitted', 0]);
  assert.equal((await page(a.id)).status, 404);
});

test('an editor alone cannot change a published article through correct', async () => {
  const { id, responsible } = await writeAndApprove(site.url, { headline: '四平图书馆周一开放' });
  await responsible.ok('POST', `/articles/${id}/publish`, {});
  const live = (await site.store.articles.byId(id))!;
  await waitFor(async () => /四平图书馆周一开放/.test((await page(id)).html));

  const editor = await signIn(site.url, 'editor');
  const changed = draftBody({ headline: '四平图书馆改建为商场', bodyHtml: '<p>编辑独自改写的正文。</p>', channels: ['siping', 'economy'] });
  const proposed = await editor.request('POST', `/articles/${id}/correct`, { ...changed, baseRevision: live.revision, note: '标题和正文更正' });
  assert.equal(proposed.status, 200);

  // Readers keep the published version, and nothing of the correction is live yet.
  const still = (await site.store.articles.byId(id))!;
  assert.deepEqual([still.status, still.headline, still.revision, still.channels, still.corrections.length], ['published', '四平图书馆周一开放', live.revision, ['siping'], 0]);
  assert.doesNotMatch((await page(id)).html, /改建为商场|标题和正文更正/);

  // The corrector cannot approve it; moved into 經濟, it needs a chief editor.
  const own = await editor.request('POST', `/articles/${id}/approve`);
  assert.deepEqual([own.status, own.json.errors?.[0]?.code], [403, 'WORKFLOW_OWN_WORK']);
  const tooJunior = await responsible.request('POST', `/articles/${id}/approve`);
  assert.deepEqual([tooJunior.status, tooJunior.json.errors?.[0]?.code], [403, 'FORBIDDEN_ROLE']);
  assert.equal((await site.store.articles.byId(id))?.headline, '四平图书馆周一开放');

  // A second person approves: now readers see the corrected text and the dated note.
  const chief = await signIn(site.url, 'chief');
  const applied = await chief.ok<{ status: string; headline: string; revision: number; channels: string[] }>('POST', `/articles/${id}/approve`);
  assert.deepEqual([applied.status, applied.headline, applied.revision, applied.channels], ['published', '四平图书馆改建为商场', live.revision + 1, ['siping', 'economy']]);
  await waitFor(async () => /标题和正文更正/.test((await page(id)).html));
  const html = (await page(id)).html;
  assert.match(textOf(byClass(html, 'corrections')!), /更正\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 北京时间 标题和正文更正/);
  const audit = await site.store.audit.list({ articleId: id, limit: 5 });
  assert.deepEqual(audit.slice(0, 2).map((e) => [e.action, e.actorLogin]), [['article.correction_approved', 'chief'], ['article.correct', 'editor']]);
});
