import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSite } from './support/test-site.ts';
import { startCliServer } from './support/cli.ts';

test('every request is one JSON log line with its route, status, time and id; the id is echoed, a given one kept', async () => {
  const server = await startCliServer({ HEITU_DATA_DIR: mkdtempSync(join(tmpdir(), 'heitu-log-')), HEITU_LOG_LEVEL: 'info' });
  let ids: string[];
  try {
    const rendered = await fetch(`${server.url}/zh-hans/articles/1`);
    await rendered.arrayBuffer();
    const cached = await fetch(`${server.url}/zh-hans/articles/1`, { headers: { 'x-request-id': 'edge-4f2a9c' } });
    await cached.arrayBuffer();
    const refused = await fetch(`${server.url}/zh-hans/search?q=${encodeURIComponent('延边 秘密')}`, { headers: { 'x-request-id': 'bad id\twith tab' } });
    await refused.arrayBuffer();
    const missing = await fetch(`${server.url}/no/such/page`);
    await missing.arrayBuffer();
    ids = [rendered, cached, refused, missing].map((r) => r.headers.get('x-request-id')!);
    assert.equal(ids[1], 'edge-4f2a9c');
    assert.match(ids[2]!, /^[0-9a-f-]{36}$/);
    assert.equal(new Set(ids).size, 4);
  } finally {
    await server.stop();
  }
  const lines = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = lines.filter((l) => l['msg'] === 'request');
  const byId = (id: string) => requests.find((l) => l['reqId'] === id);
  assert.deepEqual(
    ids.map((id) => { const l = byId(id)!; return [l['method'], l['route'], l['path'], l['status']]; }),
    [
      ['GET', '/:variant/articles/:id', '/zh-hans/articles/1', 200],
      ['GET', 'cached', '/zh-hans/articles/1', 200],
      ['GET', '/:variant/search', '/zh-hans/search', 200],
      ['GET', 'unmatched', '/no/such/page', 404],
    ],
  );
  // The same shape as every other line pino writes.
  for (const l of requests) assert.ok(typeof l['ms'] === 'number' && l['ms'] >= 0 && l['level'] === 30 && typeof l['time'] === 'number' && typeof l['pid'] === 'number' && typeof l['hostname'] === 'string');
  // A reader's search words stay out of the log.
  assert.doesNotMatch(server.output(), /秘密|%E7%A7%98/);
  // The human line the CLI always printed is still there.
  assert.match(server.output(), /Heitu is serving http:\/\//);
});

test('HEITU_LOG_LEVEL=warn leaves request lines out', async () => {
  const server = await startCliServer({ HEITU_DATA_DIR: mkdtempSync(join(tmpdir(), 'heitu-log-')), HEITU_LOG_LEVEL: 'warn' });
  try {
    await (await fetch(`${server.url}/zh-hans/`)).arrayBuffer();
  } finally {
    await server.stop();
  }
  assert.doesNotMatch(server.output(), /"msg":"request"/);
});

test('/metrics: counts by route pattern, cached pages included; only for private addresses, never through a proxy', async () => {
  const site = await startTestSite({ HEITU_LOG_LEVEL: 'silent' });
  try {
    for (let i = 0; i < 3; i++) await (await fetch(`${site.url}/zh-hant/articles/1`)).arrayBuffer();
    const res = await fetch(`${site.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    assert.match(text, /^heitu_http_requests_total\{method="GET",route="\/:variant\/articles\/:id",status="200"\} 1$/m);
    assert.match(text, /^heitu_http_requests_total\{method="GET",route="cached",status="200"\} 2$/m);
    assert.match(text, /^heitu_http_request_duration_seconds_bucket\{le="0\.001",method="GET",route="cached"\} \d+$/m);
    assert.match(text, /^heitu_page_cache_hits_total [1-9]/m);
    assert.match(text, /^heitu_page_cache_pages [1-9]/m);
    assert.match(text, /^heitu_job_runs_total\{job="publish_due",outcome="ok"\} [1-9]/m);
    assert.match(text, /^process_cpu_seconds_total /m);
    assert.doesNotMatch(text, /articles\/1"/);

    const forwarded = await fetch(`${site.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(forwarded.status, 403);
    assert.equal((await forwarded.json() as { errors: Array<{ code: string }> }).errors[0]!.code, 'FORBIDDEN');
  } finally {
    await site.stop();
  }
});

test('/metrics with HEITU_METRICS_TOKEN wants that bearer token, also from loopback', async () => {
  const site = await startTestSite({ HEITU_LOG_LEVEL: 'silent', HEITU_METRICS_TOKEN: 'scrape-token-0123456789' });
  try {
    assert.equal((await fetch(`${site.url}/metrics`)).status, 403);
    assert.equal((await fetch(`${site.url}/metrics`, { headers: { authorization: 'Bearer scrape-token-012345678' } })).status, 403);
    const ok = await fetch(`${site.url}/metrics`, { headers: { authorization: 'Bearer scrape-token-0123456789', 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /heitu_http_requests_total/);
  } finally {
    await site.stop();
  }
});
