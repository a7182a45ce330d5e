import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, byClass, textOf } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import { waitFor } from './support/wait.ts';
import type { Running } from '../src/main.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';
import { articleInputSchema } from '../src/domain/article.ts';
import { convertText } from '../src/text/convert.ts';

let site: Running;
before(async () => {
  site = await startTestSite();
});
after(() => site.stop());
const page = async (p: string) => (await fetch(`${site.url}${p}`)).text();

test('the demo home page is built from 頭條, 推薦 and 專題', async () => {
  const html = await page('/zh-hant/');
  const { slots } = { slots: await site.store.frontPage.slots() };
  const lead = (await site.store.articles.byId(slots.headlineId!))!;
  assert.equal(textOf(byClass(html, 'lead-headline')!), convertText(lead.headline, lead.language, 'zh-Hant'));
  assert.equal(lead.rightsClass, 'exclusive');
  assert.match(html, /<section class="recommended"><h2>推薦<\/h2>/);
  assert.match(html, /專題:冬遊吉林/);
  const topic = await page('/zh-hans/topics/winter');
  assert.match(topic, /专题:冬游吉林/);
  assert.equal((await fetch(`${site.url}/zh-hans/topics/nope`)).status, 404);
});

test('editors change the slots; the home page follows; a hidden article never shows', async () => {
  const editor = new NewsroomClient(site.url);
  await editor.login('editor', DEMO_USERS.find((u) => u.login === 'editor')!.password);
  const hidden = await site.store.articles.create(articleInputSchema.parse({
    language: 'zh-Hans', headline: '还没到发布时间的头条', bodyHtml: '<p>x</p>', rightsClass: 'original', channels: ['changchun'], status: 'scheduled', publishedAt: '2099-01-01T00:00:00Z',
  }), { actorId: null, actorLogin: 'test' });
  const visible = (await site.store.articles.listPublished({ limit: 3, asOf: new Date().toISOString() }))[2]!;
  await editor.ok('PUT', '/front-page', { headlineId: hidden.id, recommendedIds: [visible.id] });
  await waitFor(async () => !(await page('/zh-hans/')).includes('class="lead"'));
  const home = await page('/zh-hans/');
  assert.doesNotMatch(home, /还没到发布时间的头条/);
  assert.match(byClass(home, 'recommended') ?? '', new RegExp(`/zh-hans/articles/${visible.id}"`));
  await editor.ok('PUT', '/front-page', { headlineId: visible.id, recommendedIds: [] });
  await waitFor(async () => new RegExp(`class="lead-headline"><a href="/zh-hans/articles/${visible.id}"`).test(await page('/zh-hans/')));
  const bad = await editor.request('PUT', '/front-page', { headlineId: 999999, recommendedIds: [] });
  assert.equal(bad.status, 400);
  await editor.ok('POST', '/topics', { slug: 'ice', title: '冰雪季', language: 'zh-Hans', articleIds: [visible.id] });
  await waitFor(async () => (await page('/zh-hant/')).includes('專題:冰雪季'));
  const reporter = new NewsroomClient(site.url);
  await reporter.login('reporter', DEMO_USERS.find((u) => u.login === 'reporter')!.password);
  assert.equal((await reporter.request('PUT', '/front-page', { headlineId: null, recommendedIds: [] })).status, 403);
  const log = await site.store.audit.list({ limit: 5 });
  assert.ok(log.some((e) => e.action === 'front_page.set' && e.actorLogin === 'editor'));
});
