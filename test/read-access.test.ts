import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { signIn, draftBody, writeAndApprove } from './support/newsroom-people.ts';
import type { NewsroomClient } from './support/newsroom-client.ts';
import type { Running } from '../src/main.ts';
import { newsroomApi, type NewsroomApiDeps } from '../src/http/newsroom/newsroom-api.ts';
import { createUserAdminService } from '../src/services/user-admin-service.ts';

let site: Running;
let nobodyId = 0;
before(async () => {
  site = await startTestSite();
  const users = createUserAdminService(site.store);
  nobodyId = (await users.create(null, { login: 'nobody', displayName: '無職帳號', roles: [], password: 'nobody-password-1' })).user.id;
  await users.create(null, { login: 'reporter2', displayName: '第二記者', roles: ['reporter'], password: 'reporter2-password' });
});
after(() => site.stop());

type Desk = { counts: Record<string, number>; queues: Record<string, Array<{ id: number }>> };
const deskIds = (d: Desk) => Object.values(d.queues).flat().map((x) => x.id);
const reviewQueues = ['mine', 'returned', 'submitted', 'in_review', 'approved'];

async function aDraft(): Promise<{ id: number; reporter: NewsroomClient }> {
  const reporter = await signIn(site.url, 'reporter');
  const a = await reporter.ok<{ id: number }>('POST', '/articles', draftBody({ headline: '尚未提交的草稿' }));
  await reporter.ok('PUT', `/articles/${a.id}`, { ...draftBody({ headline: '尚未提交的草稿(二稿)' }), baseRevision: 1 });
  return { id: a.id, reporter };
}

test('a zero-role account reads no audit trail, draft or desk', async () => {
  const { id } = await aDraft();
  const nobody = await signIn(site.url, 'nobody', 'nobody-password-1');
  assert.equal(((await nobody.ok<{ user: { login: string } }>('GET', '/session')).user.login), 'nobody');
  const ownAccount = (r: { method: string; path: string }) => (r.method === 'delete' && r.path === '/session') || r.path === '/users/:id/password';
  for (const r of newsroomApi({} as NewsroomApiDeps).filter((x) => x.access !== 'public' && !ownAccount(x))) {
    const path = r.path.replace(':id', String(id)).replace(':file', '1').replace(':slug', 'winter');
    const res = await nobody.request(r.method.toUpperCase(), path, r.method === 'get' ? undefined : {});
    assert.equal(res.status, 403, `${r.method} ${r.path}: ${res.status}`);
  }
  // Their own account, and nobody else's.
  assert.equal((await nobody.request('PUT', '/users/1/password', { password: 'someone-elses-new-1' })).status, 403);
  assert.ok(nobodyId > 0);
});

test('a reporter reads only her own articles and their history', async () => {
  const { id, reporter } = await aDraft();
  const other = await signIn(site.url, 'reporter2', 'reporter2-password');
  for (const path of [`/articles/${id}`, `/articles/${id}/revisions`, `/articles/${id}/diff?from=1&to=2`, `/articles/${id}/audit`]) {
    const res = await other.request('GET', path);
    assert.deepEqual([res.status, res.json.errors?.[0]?.code], [403, 'FORBIDDEN_ROLE'], path);
  }
  const desk = await other.ok<Desk>('GET', '/desk');
  assert.ok(!deskIds(desk).includes(id));
  assert.ok(Object.values(desk.counts).every((n) => n === 0), JSON.stringify(desk.counts));

  // Her own: the article, its revisions and its trail.
  await reporter.ok('GET', `/articles/${id}`);
  assert.equal((await reporter.ok<unknown[]>('GET', `/articles/${id}/revisions`)).length, 2);
  const trail = await reporter.ok<Array<{ action: string }>>('GET', `/articles/${id}/audit`);
  assert.deepEqual(trail.map((e) => e.action), ['article.save', 'article.create']);
  assert.ok(deskIds(await reporter.ok<Desk>('GET', '/desk')).includes(id));
});

test('rights managers and admins read no drafts, revisions or review queues', async () => {
  const { id: draftId } = await aDraft();
  const published = (await site.store.articles.listPublished({ limit: 1, asOf: new Date().toISOString() }))[0]!;
  for (const login of ['rights', 'admin']) {
    const c = await signIn(site.url, login);
    for (const path of [`/articles/${draftId}`, `/articles/${draftId}/revisions`, `/articles/${published.id}/revisions`, `/articles/${published.id}/diff?from=1&to=1`]) {
      assert.equal((await c.request('GET', path)).status, 403, `${login} ${path}`);
    }
    assert.equal((await c.request('POST', '/preview', draftBody())).status, 403, `${login} preview`);
    // A published article they may withdraw, they may open.
    await c.ok('GET', `/articles/${published.id}`);
    const desk = await c.ok<Desk>('GET', '/desk');
    for (const q of reviewQueues) assert.deepEqual([q, desk.counts[q], desk.queues[q]?.length], [q, 0, 0]);
    assert.ok(!deskIds(desk).includes(draftId));
    assert.ok(desk.counts['published']! > 0);
  }
});

test('claimants\' addresses and the rights desk\'s notes stay on the rights desk, tips with the tips desk, even on an article\'s trail', async () => {
  const { id, responsible } = await writeAndApprove(site.url);
  await responsible.ok('POST', `/articles/${id}/publish`, {});
  const claim = await site.store.claims.create({
    articleId: id, articleRef: String(id), claimant: '某某律师事务所', contact: 'lawyer@example.org', claim: '该文使用了我方照片,请撤下。',
    links: [], withinWindow: true, daysAfterPublication: 0, ip: '203.0.113.9', files: [],
  });
  const rights = await signIn(site.url, 'rights');
  await rights.ok('POST', `/claims/${claim.id}/assign`, {});
  await rights.ok('POST', `/claims/${claim.id}/request-info`, { note: '内部备注:对方要价过高' });
  await rights.ok('POST', `/claims/${claim.id}/take-down`, { note: '内部备注:核实属实' });
  const tip = await site.store.tips.create({ text: '有读者反映图书馆门口积水严重。', contact: null, ip: '198.51.100.7', files: [] });
  const editor = await signIn(site.url, 'editor');
  await editor.ok('POST', `/tips/${tip.id}/status`, { status: 'reviewing' });

  const leaks = (entries: Array<{ action: string; ip: string | null }>) => {
    const text = JSON.stringify(entries);
    return { claims: entries.some((e) => e.action.startsWith('claim.')), claimantIp: text.includes('203.0.113.9'), note: text.includes('内部备注'), tips: entries.some((e) => e.action.startsWith('tip.')) };
  };
  type Entries = Array<{ action: string; ip: string | null }>;
  // The newsroom works the article but not the claim: no claim entries, and nobody's address.
  for (const login of ['editor', 'responsible', 'reporter']) {
    const trail = await (await signIn(site.url, login)).ok<Entries>('GET', `/articles/${id}/audit`);
    assert.ok(trail.some((e) => e.action === 'article.publish') && trail.some((e) => e.action === 'article.withdraw'), login);
    assert.deepEqual(leaks(trail), { claims: false, claimantIp: false, note: false, tips: false }, login);
    assert.ok(trail.every((e) => e.ip === null), `${login} sees addresses`);
  }
  // The withdrawal names the claim for the newsroom, without the desk's note.
  const withdrawn = await (await signIn(site.url, 'chief')).ok<{ article: { status: string; statusReason: string } }>('GET', `/articles/${id}`);
  assert.deepEqual([withdrawn.article.status, withdrawn.article.statusReason], ['withdrawn', `版权投诉 ${claim.reference}`]);
  // The chief editor's site-wide log has tips (a newsroom desk) but no claims.
  const chiefLog = await (await signIn(site.url, 'chief')).ok<Entries>('GET', '/audit?limit=500');
  assert.deepEqual(leaks(chiefLog), { claims: false, claimantIp: false, note: false, tips: true });
  // The admin is on the rights desk but not on the tips desk.
  const admin = await signIn(site.url, 'admin');
  const adminLog = await admin.ok<Entries>('GET', '/audit?limit=500');
  assert.deepEqual(leaks(adminLog), { claims: true, claimantIp: true, note: true, tips: false });
  assert.ok(leaks(await admin.ok<Entries>('GET', `/articles/${id}/audit`)).claims);
});
