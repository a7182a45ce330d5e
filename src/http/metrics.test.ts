import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Metrics, timed } from './metrics.ts';

const line = (text: string, name: string) => new RegExp(`^${name.replace(/[{}"+.]/g, (c) => `\\${c}`)} (\\S+)$`, 'm').exec(text)?.[1];

test('requests are counted by method, route and status, timed by method and route, buckets adding up', async () => {
  const m = new Metrics();
  m.request('GET', 'cached', 200, 0.0001);
  m.request('GET', 'cached', 200, 0.0003);
  m.request('GET', 'cached', 304, 0.004);
  m.request('GET', '/:variant/articles/:id', 200, 0.02);
  m.request('PROPFIND', 'unmatched', 404, 20);
  const text = await m.text();
  assert.equal(line(text, 'heitu_http_requests_total{method="GET",route="cached",status="200"}'), '2');
  assert.equal(line(text, 'heitu_http_requests_total{method="GET",route="cached",status="304"}'), '1');
  assert.equal(line(text, 'heitu_http_requests_total{method="OTHER",route="unmatched",status="404"}'), '1');
  assert.match(text, /^# TYPE heitu_http_requests_total counter$/m);
  assert.match(text, /^# TYPE heitu_http_request_duration_seconds histogram$/m);
  const bucket = (le: string) => line(text, `heitu_http_request_duration_seconds_bucket{le="${le}",method="GET",route="cached"}`);
  assert.deepEqual(['0.0002', '0.0005', '0.0025', '0.005', '10', '+Inf'].map(bucket), ['1', '2', '2', '3', '3', '3']);
  assert.equal(line(text, 'heitu_http_request_duration_seconds_count{method="GET",route="cached"}'), '3');
  assert.equal(Number(line(text, 'heitu_http_request_duration_seconds_sum{method="GET",route="cached"}')).toFixed(4), '0.0044');
  // Slower than the last bucket: only in +Inf.
  assert.equal(line(text, 'heitu_http_request_duration_seconds_bucket{le="10",method="OTHER",route="unmatched"}'), '0');
  assert.equal(line(text, 'heitu_http_request_duration_seconds_bucket{le="+Inf",method="OTHER",route="unmatched"}'), '1');
  // The process's own metrics come along.
  assert.match(text, /^process_cpu_seconds_total /m);
  assert.match(text, /^nodejs_eventloop_lag_seconds /m);
});

test('values kept elsewhere are read when scraped; searches and jobs by outcome', async () => {
  const m = new Metrics();
  let hits = 3;
  m.counter('heitu_test_hits_total', 'hits', () => hits);
  m.gauge('heitu_test_pool', 'pool', () => [[{ state: 'idle' }, 2], [{ state: 'waiting' }, 0]], ['state']);
  assert.equal(line(await m.text(), 'heitu_test_hits_total'), '3');
  hits = 10;
  const text = await m.text();
  assert.equal(line(text, 'heitu_test_hits_total'), '10');
  assert.equal(line(text, 'heitu_test_pool{state="idle"}'), '2');

  const search = timed(async (q: string) => {
    if (!q) throw new Error('empty');
    return q.length;
  }, (s, e) => m.search(s, e ? 'refused' : 'ok'));
  assert.equal(await search('延边'), 2);
  await assert.rejects(search(''));
  m.jobRun('publish_due', 'ok', 0.003);
  m.jobRun('publish_due', 'error', 0.5);
  const after = await m.text();
  assert.equal(line(after, 'heitu_search_duration_seconds_count{outcome="ok"}'), '1');
  assert.equal(line(after, 'heitu_search_duration_seconds_count{outcome="refused"}'), '1');
  assert.equal(line(after, 'heitu_job_runs_total{job="publish_due",outcome="error"}'), '1');
});

test('each server has its own series: two in one process do not mix', async () => {
  const a = new Metrics();
  const b = new Metrics();
  a.request('GET', 'cached', 200, 0.001);
  assert.equal(line(await a.text(), 'heitu_http_requests_total{method="GET",route="cached",status="200"}'), '1');
  assert.equal(line(await b.text(), 'heitu_http_requests_total{method="GET",route="cached",status="200"}'), undefined);
});
