import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import { postgresSites, sqliteSites, type SharedSites } from './support/shared-database.ts';
import { postgresReachable } from './support/postgres.ts';
import type { Running } from '../src/main.ts';
import { DEMO_USERS } from '../src/services/demo-users.ts';
import { createUserAdminService } from '../src/services/user-admin-service.ts';
import { THROTTLE } from '../src/services/auth-service.ts';

const password = (login: string) => DEMO_USERS.find((u) => u.login === login)!.password;

async function signedIn(url: string, login: string, pw: string): Promise<NewsroomClient> {
  const c = new NewsroomClient(url);
  const r = await c.login(login, pw);
  assert.equal(r.status, 200, `${login} could not sign in: ${r.code}`);
  return c;
}

describe('passwords', () => {
  let site: Running;
  let ids: Record<string, number>;
  before(async () => {
    site = await startTestSite();
    const users = createUserAdminService(site.store);
    for (const login of ['zhang', 'li', 'wang']) await users.create(null, { login, displayName: login, roles: ['reporter'], password: `${login}-password-1` });
    ids = Object.fromEntries((await site.store.users.list()).map((u) => [u.login, u.id]));
  });
  after(() => site.stop());

  test("changing one's own password asks for the current one", async () => {
    const zhang = await signedIn(site.url, 'zhang', 'zhang-password-1');
    const path = `/users/${ids['zhang']}/password`;
    const without = await zhang.request('PUT', path, { password: 'taken-over-pw-1' });
    assert.equal(without.status, 400);
    assert.equal(without.json.errors?.[0]?.code, 'VALIDATION_FAILED');
    assert.match(without.json.errors![0]!.message, /current/);
    const wrong = await zhang.request('PUT', path, { password: 'taken-over-pw-1', currentPassword: 'a-guess' });
    assert.equal(wrong.status, 403);
    assert.equal(wrong.json.errors?.[0]?.code, 'CURRENT_PASSWORD_WRONG');
    assert.equal((await new NewsroomClient(site.url).login('zhang', 'taken-over-pw-1')).status, 401, 'the password did not change');
    await zhang.ok('PUT', path, { password: 'zhang-password-2', currentPassword: 'zhang-password-1' });
    assert.equal((await new NewsroomClient(site.url).login('zhang', 'zhang-password-2')).status, 200);
  });

  test("an admin sets someone else's password without theirs, and the audit log names the admin", async () => {
    const admin = await signedIn(site.url, 'admin', password('admin'));
    await admin.ok('PUT', `/users/${ids['li']}/password`, { password: 'li-password-2' });
    assert.equal((await new NewsroomClient(site.url).login('li', 'li-password-2')).status, 200);
    const entry = (await site.store.audit.list({ limit: 20 })).find((e) => e.action === 'user.password' && e.detail['userId'] === ids['li']);
    assert.equal(entry?.actorLogin, 'admin');
    // Nobody else may.
    const reporter = await signedIn(site.url, 'reporter', password('reporter'));
    assert.equal((await reporter.request('PUT', `/users/${ids['li']}/password`, { password: 'li-password-3', currentPassword: 'li-password-2' })).status, 403);
  });

  test('a wrong current password counts toward login throttling', async () => {
    const wang = await signedIn(site.url, 'wang', 'wang-password-1');
    for (let i = 0; i < THROTTLE.perLogin; i++) {
      const r = await wang.request('PUT', `/users/${ids['wang']}/password`, { password: 'wang-password-2', currentPassword: `guess-${i}` });
      assert.equal(r.status, 403);
    }
    const next = await wang.request('PUT', `/users/${ids['wang']}/password`, { password: 'wang-password-2', currentPassword: 'wang-password-1' });
    assert.equal(next.status, 429);
    assert.equal(next.json.errors?.[0]?.code, 'AUTH_THROTTLED');
    assert.equal((await new NewsroomClient(site.url).login('wang', 'wang-password-1')).code, 'AUTH_THROTTLED');
  });
});

/** Sends `count` logins with a wrong password at once, spread over the sites; the statuses that came back. */
async function parallelWrongLogins(shared: SharedSites, login: string, count: number): Promise<number[]> {
  const pre = await fetch(`${shared.sites[0]!.url}/newsroom/api/csrf`);
  const csrf = ((await pre.json()) as { csrf: string }).csrf;
  const cookie = pre.headers.getSetCookie()[0]!.split(';')[0]!;
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const res = await fetch(`${shared.sites[i % shared.sites.length]!.url}/newsroom/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie },
        body: JSON.stringify({ login, password: `wrong-${i}` }),
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
}

async function assertAtMostLimit(shared: SharedSites): Promise<void> {
  const statuses = await parallelWrongLogins(shared, 'editor', 100);
  const tried = statuses.filter((s) => s === 401).length;
  assert.equal(statuses.filter((s) => s !== 401 && s !== 429).length, 0, `unexpected statuses: ${statuses.join(' ')}`);
  assert.ok(tried >= 1 && tried <= THROTTLE.perLogin, `${tried} wrong passwords were checked`);
  const failed = (await shared.sites[0]!.store.audit.list({ limit: 200 })).filter((e) => e.action === 'login.failed' && e.actorLogin === 'editor');
  assert.equal(failed.length, tried);
  // And the right password is refused for the window too.
  assert.equal((await new NewsroomClient(shared.sites[1]!.url).login('editor', password('editor'))).code, 'AUTH_THROTTLED');
}

test('100 parallel wrong passwords get at most 5 tries (SQLite, two servers on one file)', async () => {
  const shared = await sqliteSites(2);
  try {
    await assertAtMostLimit(shared);
  } finally {
    await shared.stop();
  }
});

const reachable = await postgresReachable();
test('100 parallel wrong passwords get at most 5 tries (PostgreSQL, two servers on one database)', { skip: reachable === true ? false : `PostgreSQL is not reachable: ${reachable}` }, async () => {
  const shared = await postgresSites(2);
  try {
    await assertAtMostLimit(shared);
  } finally {
    await shared.stop();
  }
});
