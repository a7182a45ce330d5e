import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';

test('/newsroom/api/setup makes the first admin once, with the CSRF token, audited; then it is gone', async () => {
  const site = await startTestSite({ HEITU_DEMO: '0' });
  try {
    const c = new NewsroomClient(site.url);
    assert.deepEqual((await c.ok('GET', '/setup')), { needed: true });
    const admin = { login: 'chief', displayName: '王總', password: 'a-long-password-1' };
    const noToken = await c.request('POST', '/setup', admin);
    assert.equal(noToken.status, 403);
    assert.equal(noToken.json.errors?.[0]?.code, 'CSRF_FAILED');
    assert.equal((await site.store.users.list()).length, 0);

    c.csrf = String((await c.ok('GET', '/csrf'))['csrf']);
    const short = await c.request('POST', '/setup', { ...admin, password: 'short' });
    assert.equal(short.status, 400);
    const made = await c.request('POST', '/setup', admin);
    assert.equal(made.status, 201, JSON.stringify(made.json));
    c.csrf = String(made.json['csrf']);
    // Signed in as the new admin at once.
    const session = await c.ok<{ user: { login: string; roles: string[] } }>('GET', '/session');
    assert.equal(session.user.login, 'chief');
    assert.deepEqual(session.user.roles, ['admin']);
    assert.deepEqual(await c.ok('GET', '/setup'), { needed: false });

    const other = new NewsroomClient(site.url);
    other.csrf = String((await other.ok('GET', '/csrf'))['csrf']);
    const late = await other.request('POST', '/setup', { login: 'intruder', displayName: '外人', password: 'a-long-password-2' });
    assert.equal(late.status, 404);
    assert.equal((await site.store.users.list()).length, 1);

    const audit = await site.store.audit.list({ limit: 20 });
    const setup = audit.find((e) => e.action === 'site.setup');
    assert.ok(setup, audit.map((e) => e.action).join(','));
    assert.equal(setup.actorLogin, 'setup');
    assert.ok(audit.some((e) => e.action === 'user.create'));
  } finally {
    await site.stop();
  }
});

test('two setup requests at once make one admin', async () => {
  const site = await startTestSite({ HEITU_DEMO: '0' });
  try {
    const attempts = await Promise.all(['one', 'two', 'three'].map(async (login) => {
      const c = new NewsroomClient(site.url);
      c.csrf = String((await c.ok('GET', '/csrf'))['csrf']);
      return (await c.request('POST', '/setup', { login, displayName: login, password: 'a-long-password-1' })).status;
    }));
    assert.deepEqual(attempts.sort(), [201, 404, 404]);
    assert.equal((await site.store.users.list()).filter((u) => u.roles.includes('admin')).length, 1);
  } finally {
    await site.stop();
  }
});

test('the demo site, which has admins, has no setup', async () => {
  const site = await startTestSite();
  try {
    const c = new NewsroomClient(site.url);
    assert.deepEqual(await c.ok('GET', '/setup'), { needed: false });
    c.csrf = String((await c.ok('GET', '/csrf'))['csrf']);
    assert.equal((await c.request('POST', '/setup', { login: 'x1', displayName: 'x', password: 'a-long-password-1' })).status, 404);
  } finally {
    await site.stop();
  }
});
