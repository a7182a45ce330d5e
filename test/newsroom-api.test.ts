import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, byClass, textOf } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import { demoPassword, signIn, draftBody, writeAndApprove as writeAndApproveOn } from './support/newsroom-people.ts';
import type { Running } from '../src/main.ts';
import { waitFor } from './support/wait.ts';
import { newsroomApi, type NewsroomApiDeps } from '../src/http/newsroom/newsroom-api.ts';
import { createUserAdminService } from '../src/services/user-admin-service.ts';
import { THROTTLE } from '../src/services/auth-service.ts';
import type { Role } from '../src/domain/roles.ts';

let site: Running;
const password = demoPassword;

before(async () => {
  site = await startTestSite();
  const admin = createUserAdminService(site.store);
  // A person with two review roles, for the four-eyes rules.
  await admin.create(null, { login: 'target', displayName: '被試帳號', roles: ['reporter'], password: 'target-password-1' });
  await admin.create(null, { login: 'both', displayName: '兩職編輯', roles: ['reporter', 'editor', 'responsible_editor'], password: 'both-password-1' });
});
after(() => site.stop());

const as = (login: string, pw?: string): Promise<NewsroomClient> => signIn(site.url, login, pw);
const draft = draftBody;
const writeAndApprove = () => writeAndApproveOn(site.url);

// The route list, to check every route; building it calls none of the services.
const routes = newsroomApi({} as NewsroomApiDeps);

describe('security on every route', () => {
  test('without a session, every non-public route is refused with 401', async () => {
    const anon = new NewsroomClient(site.url);
    for (const r of routes.filter((x) => x.access !== 'public')) {
      const res = await anon.request(r.method.toUpperCase(), r.path.replace(':id', '1'), r.method === 'get' ? undefined : {});
      assert.equal(res.status, 401, `${r.method} ${r.path}`);
      assert.equal(res.json.errors?.[0]?.code, 'AUTH_REQUIRED');
    }
  });

  test('with a session but without the CSRF token, every state-changing route is refused with 403', async () => {
    const admin = await as('admin');
    const changing = routes.filter((x) => x.method !== 'get');
    assert.ok(changing.length >= 15);
    for (const r of changing) {
      for (const token of [null, 'wrong-token']) {
        const res = await admin.request(r.method.toUpperCase(), r.path.replace(':id', '1'), {}, { csrf: token });
        assert.equal(res.status, 403, `${r.method} ${r.path} with ${token}`);
        assert.equal(res.json.errors?.[0]?.code, 'CSRF_FAILED');
      }
    }
    // Signing in needs the token of the login page too.
    const anon = new NewsroomClient(site.url);
    const res = await anon.request('POST', '/session', { login: 'admin', password: password('admin') });
    assert.equal(res.status, 403);
  });

  test('roles are enforced on the server for every role-restricted route', async () => {
    const restricted = routes.filter((r) => Array.isArray(r.access));
    assert.ok(restricted.length >= 5);
    const logins: Record<Role, string> = { reporter: 'reporter', editor: 'editor', responsible_editor: 'responsible', chief_editor: 'chief', rights_manager: 'rights', admin: 'admin' };
    for (const r of restricted) {
      const allowed = r.access as readonly Role[];
      for (const [role, login] of Object.entries(logins) as Array<[Role, string]>) {
        if (allowed.includes(role)) continue;
        const c = await as(login);
        const res = await c.request(r.method.toUpperCase(), r.path.replace(':id', '1'), r.method === 'get' ? undefined : {});
        assert.equal(res.status, 403, `${login} on ${r.method} ${r.path}`);
        assert.equal(res.json.errors?.[0]?.code, 'FORBIDDEN_ROLE');
      }
    }
  });

  test('the audit log has no route that changes it', () => {
    const auditRoutes = routes.filter((r) => r.path.includes('audit'));
    assert.ok(auditRoutes.length >= 2);
    assert.ok(auditRoutes.every((r) => r.method === 'get'));
  });

  test('login throttling: after repeated failures even the right password is refused for a while', async () => {
    const c = new NewsroomClient(site.url);
    for (let i = 0; i < THROTTLE.perLogin; i++) assert.equal((await c.login('target', 'wrong')).code, 'AUTH_FAILED');
    const r = await c.login('target', 'target-password-1');
    assert.equal(r.status, 429);
    assert.equal(r.code, 'AUTH_THROTTLED');
    const log = await site.store.audit.list({ limit: 10 });
    assert.ok(log.some((e) => e.action === 'login.throttled' && e.actorLogin === 'target'));
    assert.ok(log.some((e) => e.action === 'login.failed' && e.actorLogin === 'target' && e.ip));
  });

  test('session cookie is http-only and SameSite=Lax; sign-out ends it', async () => {
    const pre = await fetch(`${site.url}/newsroom/api/csrf`);
    const csrf = ((await pre.json()) as { csrf: string }).csrf;
    const cookie = pre.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await fetch(`${site.url}/newsroom/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
      body: JSON.stringify({ login: 'editor', password: password('editor') }),
    });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('heitu_session='))!;
    assert.match(session, /HttpOnly/i);
    assert.match(session, /SameSite=Lax/i);
    const c = await as('editor');
    await c.ok('DELETE', '/session');
    assert.equal((await c.request('GET', '/desk')).status, 401);
  });

  test('the OpenAPI document describes every route with its request schema', async () => {
    const doc = (await (await fetch(`${site.url}/newsroom/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    for (const r of routes) {
      const path = `/newsroom/api${r.path.replace(/:(\w+)/g, '{$1}')}`;
      assert.ok(doc.paths[path]?.[r.method], `${r.method} ${path}`);
      if (r.body) assert.ok(doc.paths[path]![r.method]!.requestBody, `${r.method} ${path} body`);
    }
  });
});

describe('workflow over the API', () => {
  test('编辑 and 责编 on the page are the signers of levels 1 and 2; the audit keeps who signed', async () => {
    const { id, responsible } = await writeAndApprove();
    await responsible.ok('POST', `/articles/${id}/publish`, {});
    const html = await (await fetch(`${site.url}/zh-hant/articles/${id}`)).text();
    assert.match(textOf(byClass(html, 'meta')!), /編輯:杜文傑\|責編:劉靜宇/);
    const audit = await site.store.audit.list({ articleId: id, limit: 20 });
    const approvals = audit.filter((e) => e.action === 'article.approve').map((e) => [e.actorLogin, e.detail['level']]);
    assert.deepEqual(approvals, [['responsible', 2], ['editor', 1]]);
  });

  test('four eyes over the API: own writing, two levels', async () => {
    const both = await as('both', 'both-password-1');
    const own = await both.ok<{ id: number }>('POST', '/articles', draft());
    await both.ok('POST', `/articles/${own.id}/submit`);
    const r1 = await both.request('POST', `/articles/${own.id}/approve`);
    assert.deepEqual([r1.status, r1.json.errors?.[0]?.code], [403, 'WORKFLOW_OWN_WORK']);

    const reporter = await as('reporter');
    const other = await reporter.ok<{ id: number }>('POST', '/articles', draft());
    await reporter.ok('POST', `/articles/${other.id}/submit`);
    await both.ok('POST', `/articles/${other.id}/approve`);
    const r2 = await both.request('POST', `/articles/${other.id}/approve`);
    assert.deepEqual([r2.status, r2.json.errors?.[0]?.code], [403, 'WORKFLOW_ALREADY_SIGNED']);
  });

  test('return with a reason lands in the reporter\'s returned inbox', async () => {
    const reporter = await as('reporter');
    const a = await reporter.ok<{ id: number }>('POST', '/articles', draft({ headline: '需要补充采访的稿件' }));
    await reporter.ok('POST', `/articles/${a.id}/submit`);
    const editor = await as('editor');
    const noReason = await editor.request('POST', `/articles/${a.id}/return`, { reason: '' });
    assert.equal(noReason.status, 400);
    await editor.ok('POST', `/articles/${a.id}/return`, { reason: '请补充受访者的说法' });
    const desk = await reporter.ok<{ counts: Record<string, number>; queues: Record<string, Array<{ id: number; statusReason: string }>> }>('GET', '/desk');
    const item = desk.queues['returned']!.find((x) => x.id === a.id);
    assert.equal(item?.statusReason, '请补充受访者的说法');
    assert.ok(desk.counts['returned']! >= 1);
  });

  test('a correction makes a new revision and a dated note on the page; withdraw removes the page', async () => {
    const { id, responsible } = await writeAndApprove();
    await responsible.ok('POST', `/articles/${id}/publish`, {});
    const view = await responsible.ok<{ article: { revision: number } }>('GET', `/articles/${id}`);
    const inPlace = await responsible.request('PUT', `/articles/${id}`, { ...draft({ headline: '改了标题' }), baseRevision: view.article.revision });
    assert.deepEqual([inPlace.status, inPlace.json.errors?.[0]?.code], [409, 'ARTICLE_NOT_EDITABLE']);
    // A correction waits for a second person (here the chief editor) before readers see it.
    await responsible.ok('POST', `/articles/${id}/correct`, { ...draft({ headline: '四平新建社区图书馆今天开放' }), baseRevision: view.article.revision, note: '开放日期更正为今天' });
    const chief = await as('chief');
    const corrected = await chief.ok<{ revision: number }>('POST', `/articles/${id}/approve`);
    assert.equal(corrected.revision, view.article.revision + 1);
    await waitFor(async () => /开放日期更正为今天/.test(await (await fetch(`${site.url}/zh-hans/articles/${id}`)).text()));
    const page = await (await fetch(`${site.url}/zh-hans/articles/${id}`)).text();
    assert.match(textOf(byClass(page, 'corrections')!), /更正\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 北京时间 开放日期更正为今天/);
    await chief.ok('POST', `/articles/${id}/withdraw`, { reason: '事实有误' });
    await waitFor(async () => (await fetch(`${site.url}/zh-hans/articles/${id}`)).status === 404);
  });
});


describe('concurrency', () => {
  test('two sessions edit the same revision: the second save gets 409 with what changed, and nothing is lost', async () => {
    const reporter = await as('reporter');
    const a = await reporter.ok<{ id: number; revision: number }>('POST', '/articles', draft());
    const editor = await as('editor');
    const base = a.revision;
    const first = await reporter.request('PUT', `/articles/${a.id}`, { ...draft({ headline: '四平新建社区图书馆正式开放' }), baseRevision: base });
    assert.equal(first.status, 200);
    const second = await editor.request('PUT', `/articles/${a.id}`, { ...draft({ bodyHtml: '<p>编辑改写的第一段。</p>' }), baseRevision: base });
    assert.equal(second.status, 409);
    assert.equal(second.json.errors?.[0]?.code, 'ARTICLE_STALE_REVISION');
    assert.equal(second.json['currentRevision'], base + 1);
    const theirs = second.json['theirChanges'] as Array<{ field: string; parts: Array<{ value: string; added?: boolean }> }>;
    assert.deepEqual(theirs.map((d) => d.field), ['headline']);
    assert.ok(theirs[0]!.parts.some((p) => p.added && p.value === '正式'));
    const yours = second.json['yourChanges'] as Array<{ field: string }>;
    assert.ok(yours.some((d) => d.field === 'body'));
    const now = await site.store.articles.byId(a.id);
    assert.equal(now?.headline, '四平新建社区图书馆正式开放');
    assert.equal(now?.revision, base + 1);
    const revs = await site.store.articles.revisions(a.id);
    assert.equal(revs.length, 2);
  });

  test('two editors approving at once: one signs, the other is told', async () => {
    const reporter = await as('reporter');
    const a = await reporter.ok<{ id: number }>('POST', '/articles', draft());
    await reporter.ok('POST', `/articles/${a.id}/submit`);
    await createUserAdminService(site.store).create(null, { login: 'editor2', displayName: '第二编辑', roles: ['editor'], password: 'editor2-password' });
    const [e1, e2] = [await as('editor'), await as('editor2', 'editor2-password')];
    const results = await Promise.all([e1.request('POST', `/articles/${a.id}/approve`), e2.request('POST', `/articles/${a.id}/approve`)]);
    // Either the two really raced (409 from the store's conditional update), or the second saw level 2 waiting (403: not a responsible editor).
    const statuses = results.map((r) => r.status).sort();
    assert.equal(statuses[0], 200);
    assert.ok(statuses[1] === 409 || statuses[1] === 403, String(statuses));
    assert.equal((await site.store.articles.byId(a.id))?.signatures.length, 1);
  });
});

describe('scheduling and embargo', () => {
  test('an embargoed article appears nowhere public before its time, then appears on time', async () => {
    // Written with its headline: a change after approval would send it back to review.
    const { id, responsible } = await writeAndApproveOn(site.url, { headline: '禁发稿件测试标题' });
    const at = new Date(Date.now() + 2500).toISOString();
    const r = await responsible.ok<{ status: string }>('POST', `/articles/${id}/publish`, { at });
    assert.equal(r.status, 'scheduled');
    const publicPaths = [`/articles/${id}`, `/zh-hans/articles/${id}`, `/zh-hant/articles/${id}`, '/', '/zh-hans/', '/zh-hant/', '/zh-hans/channels/siping', '/zh-hant/channels/siping'];
    for (const p of publicPaths) {
      const res = await fetch(`${site.url}${p}`);
      const body = await res.text();
      assert.ok(!/禁发稿件测试标题|禁發稿件測試標題/.test(body), `${p} leaked the embargoed article`);
    }
    await waitFor(async () => (await fetch(`${site.url}/zh-hans/articles/${id}`)).status === 200, 6000);
    assert.ok(Date.now() >= Date.parse(at));
    assert.match(await (await fetch(`${site.url}/zh-hans/channels/siping`)).text(), /禁发稿件测试标题/);
    const log = await site.store.audit.list({ articleId: id, limit: 1 });
    assert.equal(log[0]?.action, 'article.publish_due');
  });
});

describe('the scheduler after downtime', () => {
  test('a start publishes what became due while the site was down', async () => {
    const { testConfig } = await import('./support/test-site.ts');
    const { openAndPrepareStore, startServer } = await import('../src/main.ts');
    const { articleInputSchema } = await import('../src/domain/article.ts');
    const config = testConfig();
    const store = await openAndPrepareStore(config);
    const overdue = await store.articles.create(
      articleInputSchema.parse({ ...draft({ headline: '停机期间到点的稿件' }), status: 'scheduled', publishedAt: new Date(Date.now() - 3_600_000).toISOString() }),
      { actorId: null, actorLogin: 'test' },
    );
    const running = await startServer(config, store);
    try {
      await waitFor(async () => (await fetch(`${running.url}/zh-hans/articles/${overdue.id}`)).status === 200);
      assert.equal((await store.articles.byId(overdue.id))?.status, 'published');
    } finally {
      await running.stop();
    }
  });
});
