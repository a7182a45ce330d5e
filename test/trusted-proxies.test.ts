import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSite, testConfig } from './support/test-site.ts';
import { NewsroomClient } from './support/newsroom-client.ts';
import { demoPassword } from './support/newsroom-people.ts';
import { buildApp, openAndPrepareStore } from '../src/main.ts';
import type { Store } from '../src/store/ports.ts';

/** Signs in with an X-Forwarded-For header and returns the address the audit log wrote for it. */
async function loginAddress(url: string, store: Store, forwardedFor: string): Promise<string | null> {
  const client = new NewsroomClient(url);
  const pre = await client.request('GET', '/csrf');
  client.csrf = String(pre.json['csrf']);
  const res = await fetch(`${url}/newsroom/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf, 'x-forwarded-for': forwardedFor, cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: JSON.stringify({ login: 'editor', password: demoPassword('editor') }),
  });
  assert.equal(res.status, 200);
  const [entry] = await store.audit.list({ limit: 1 });
  assert.equal(entry!.action, 'login');
  return entry!.ip;
}

test('X-Forwarded-For is believed only from the proxies the site trusts', async () => {
  const open = await startTestSite();
  try {
    // Anyone can send the header: without trusted proxies it cannot choose the address rate limits and the audit log see.
    assert.equal(await loginAddress(open.url, open.store, '198.51.100.7'), '127.0.0.1');
  } finally {
    await open.stop();
  }
  const proxied = await startTestSite({ HEITU_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' });
  try {
    assert.equal(await loginAddress(proxied.url, proxied.store, '198.51.100.7'), '198.51.100.7');
    // What the reader wrote themselves sits left of what our proxies appended.
    assert.equal(await loginAddress(proxied.url, proxied.store, '203.0.113.1, 198.51.100.8, 10.1.1.1'), '198.51.100.8');
  } finally {
    await proxied.stop();
  }
});

test('a typo in HEITU_TRUSTED_PROXIES stops the start with a message naming it', () => {
  assert.throws(() => testConfig({ HEITU_TRUSTED_PROXIES: '10.0.0.0/33' }), /HEITU_TRUSTED_PROXIES="10.0.0.0\/33" "10.0.0.0\/33" is not an address or a subnet/);
});

test('an instance that is shutting down says it is not ready, so a load balancer stops sending to it', async () => {
  const config = testConfig();
  const store = await openAndPrepareStore(config);
  try {
    let draining = false;
    const { app } = buildApp(config, store, undefined, { draining: () => draining });
    assert.equal((await app.request('/readyz')).status, 200);
    draining = true;
    const res = await app.request('/readyz');
    assert.equal(res.status, 503);
    assert.match(await res.text(), /shutting down/);
    assert.equal((await app.request('/healthz')).status, 200);
  } finally {
    await store.close();
  }
});
