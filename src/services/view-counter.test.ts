import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ViewCounter } from './view-counter.ts';
import type { ViewCount } from '../store/ports.ts';
import { formatLocalDate } from '../domain/time.ts';

const BROWSER = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.49';
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
  'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'curl/8.5.0',
  'python-requests/2.32.3',
];

/** A counter over a fake database whose writes can be made to fail, at a clock the test moves. */
function harness(options: { zone?: string; maxKeys?: number } = {}) {
  const written: ViewCount[][] = [];
  let failing = false;
  let clock = Date.parse('2026-03-01T04:00:00Z');
  const problems: string[] = [];
  const counter = new ViewCounter({
    write: async (batch) => {
      await new Promise((r) => setImmediate(r));
      if (failing) throw new Error('database unavailable');
      written.push(batch);
    },
    timeZone: async () => options.zone ?? 'Asia/Shanghai',
    now: () => clock,
    ...(options.maxKeys ? { maxKeys: options.maxKeys } : {}),
    onProblem: (what) => problems.push(what),
  });
  const totals = () => {
    const out: Record<string, number> = {};
    for (const b of written) for (const v of b) out[`${v.articleId}@${v.day}`] = (out[`${v.articleId}@${v.day}`] ?? 0) + v.views;
    return out;
  };
  return {
    counter,
    written,
    problems,
    totals,
    fail: (on: boolean) => (failing = on),
    at: (iso: string) => (clock = Date.parse(iso)),
  };
}

test('browsers are counted; bots, requests without a User-Agent and prefetches are not', async () => {
  const h = harness();
  h.counter.hit(1, { 'user-agent': BROWSER });
  h.counter.hit(1, new Headers({ 'user-agent': IPHONE }));
  for (const ua of BOTS) h.counter.hit(1, { 'user-agent': ua });
  h.counter.hit(1, {});
  h.counter.hit(1, { 'user-agent': '' });
  h.counter.hit(1, { 'user-agent': BROWSER, 'sec-purpose': 'prefetch' });
  h.counter.hit(1, { 'user-agent': BROWSER, 'sec-purpose': 'prefetch;prerender' });
  h.counter.hit(1, new Headers({ 'user-agent': BROWSER, purpose: 'prefetch' }));
  h.counter.hit(1, { 'user-agent': BROWSER, 'x-moz': 'prefetch' });
  assert.equal(h.counter.pending, 2);
  assert.equal(h.counter.stats.ignored, BOTS.length + 6);
  await h.counter.flush();
  assert.deepEqual(h.written, [[{ articleId: 1, day: '2026-03-01', views: 2 }]]);
});

test('views are written as one batch per flush, one row per article and local day of the site\'s zone', async () => {
  const h = harness({ zone: 'Asia/Shanghai' });
  // 23:50 and 00:05 in Changchun: two days, though the same UTC day.
  h.at('2026-03-01T15:50:00Z');
  for (let i = 0; i < 5; i++) h.counter.hit(7, { 'user-agent': BROWSER });
  h.counter.hit(8, { 'user-agent': BROWSER });
  h.at('2026-03-01T16:05:00Z');
  for (let i = 0; i < 3; i++) h.counter.hit(7, { 'user-agent': IPHONE });
  await h.counter.flush();
  assert.equal(h.written.length, 1);
  assert.deepEqual(h.totals(), { '7@2026-03-01': 5, '8@2026-03-01': 1, '7@2026-03-02': 3 });
  assert.equal(h.counter.pending, 0);
  await h.counter.flush();
  assert.equal(h.written.length, 1, 'nothing held, nothing written');
});

test('a failed write keeps every count for the next one, beside those counted meanwhile', async () => {
  const h = harness();
  for (let i = 0; i < 4; i++) h.counter.hit(3, { 'user-agent': BROWSER });
  h.fail(true);
  await assert.rejects(h.counter.flush(), /database unavailable/);
  await assert.rejects(h.counter.flush(), /database unavailable/);
  assert.equal(h.counter.pending, 4);
  h.counter.hit(3, { 'user-agent': BROWSER });
  h.counter.hit(4, { 'user-agent': BROWSER });
  h.fail(false);
  await h.counter.flush();
  assert.deepEqual(h.totals(), { '3@2026-03-01': 5, '4@2026-03-01': 1 });
  assert.deepEqual(h.problems, ['write_failed', 'write_failed']);
});

test('views counted while a write is running go into the next write, never twice', async () => {
  const h = harness();
  h.counter.hit(1, { 'user-agent': BROWSER });
  const first = h.counter.flush();
  h.counter.hit(1, { 'user-agent': BROWSER });
  const second = h.counter.flush();
  await Promise.all([first, second]);
  assert.equal(h.written.length, 2);
  assert.deepEqual(h.totals(), { '1@2026-03-01': 2 });
});

test('memory is bounded: past the cap new articles are dropped (and a write starts), known ones still count', async () => {
  const h = harness({ maxKeys: 3 });
  h.fail(true);
  for (const id of [1, 2, 3]) h.counter.hit(id, { 'user-agent': BROWSER });
  h.counter.hit(4, { 'user-agent': BROWSER });
  h.counter.hit(1, { 'user-agent': BROWSER });
  assert.equal(h.counter.stats.dropped, 1);
  // The write the cap started at once took the three; it fails, and they come back beside the new one.
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(h.counter.pending, 4);
  h.fail(false);
  await h.counter.flush();
  assert.deepEqual(h.totals(), { '1@2026-03-01': 2, '2@2026-03-01': 1, '3@2026-03-01': 1 });
  h.counter.hit(4, { 'user-agent': BROWSER });
  await h.counter.flush();
  assert.equal(h.totals()['4@2026-03-01'], 1, 'room again after a write');
});

test('any run of views, failures and writes: every view is written once, held, or counted as dropped', async () => {
  type Step = { kind: 'hit'; id: number; minutes: number; bot: boolean } | { kind: 'flush'; fail: boolean };
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('hit' as const), id: fc.integer({ min: 1, max: 6 }), minutes: fc.integer({ min: 0, max: 90 }), bot: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('flush' as const), fail: fc.boolean() }) },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(step, { maxLength: 60 }), fc.integer({ min: 2, max: 40 }), fc.constantFrom('Asia/Shanghai', 'UTC', 'Asia/Kathmandu', 'America/St_Johns'), async (steps, maxKeys, zone) => {
      const h = harness({ zone, maxKeys });
      let clock = Date.parse('2026-03-01T15:00:00Z');
      const expected: Record<string, number> = {};
      let humans = 0;
      for (const s of steps) {
        if (s.kind === 'hit') {
          clock += s.minutes * 60_000;
          h.at(new Date(clock).toISOString());
          h.counter.hit(s.id, { 'user-agent': s.bot ? BOTS[0]! : BROWSER });
          if (!s.bot) {
            humans++;
            const key = `${s.id}@${formatLocalDate(new Date(clock).toISOString(), zone)}`;
            expected[key] = (expected[key] ?? 0) + 1;
          }
        } else {
          h.fail(s.fail);
          await h.counter.flush().catch(() => {});
        }
      }
      h.fail(false);
      await h.counter.flush();
      const got = h.totals();
      const written = Object.values(got).reduce((a, b) => a + b, 0);
      assert.equal(written + h.counter.stats.dropped, humans);
      // Nothing written that was not read, and never more than was read, per article and day.
      for (const [key, n] of Object.entries(got)) assert.ok(n <= (expected[key] ?? 0), `${key}: ${n} > ${expected[key]}`);
      if (h.counter.stats.dropped === 0) assert.deepEqual(got, expected);
    }),
    { numRuns: 150 },
  );
});

test('a quarter hour lies in one local day in every zone (why counts are kept by quarter)', () => {
  const zones = ['Asia/Shanghai', 'Asia/Kathmandu', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham', 'Europe/London', 'America/New_York'];
  fc.assert(
    fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2035-01-01T00:00:00Z') }), (zone, t) => {
      const quarterStart = Math.floor(t / 900_000) * 900_000;
      assert.equal(formatLocalDate(new Date(quarterStart).toISOString(), zone), formatLocalDate(new Date(t).toISOString(), zone));
    }),
    { numRuns: 2000 },
  );
});

test('after a failed write the counter waits before trying again (doubling), so a locked database is not retried at every view', async () => {
  let clock = Date.parse('2026-03-01T04:00:00Z');
  let attempts = 0;
  let failing = true;
  const counter = new ViewCounter({
    write: async () => {
      attempts++;
      await new Promise((r) => setImmediate(r));
      if (failing) throw new Error('database is locked');
    },
    timeZone: async () => 'Asia/Shanghai',
    now: () => clock,
    maxKeys: 2,
  });
  const settle = () => new Promise((r) => setTimeout(r, 10));
  counter.hit(1, { 'user-agent': BROWSER });
  counter.hit(2, { 'user-agent': BROWSER });
  counter.hit(3, { 'user-agent': BROWSER }); // full: a write starts at once, and fails
  await settle();
  assert.equal(attempts, 1);
  // Full and failing: every further new article would start a write without the wait.
  for (let id = 4; id < 50; id++) counter.hit(id, { 'user-agent': BROWSER });
  await settle();
  assert.equal(attempts, 1, 'no write during the wait');
  clock += 15_000;
  counter.hit(60, { 'user-agent': BROWSER });
  await settle();
  assert.equal(attempts, 2, 'tried again once the wait is over');
  clock += 15_000; // the second wait is twice as long
  counter.hit(61, { 'user-agent': BROWSER });
  await settle();
  assert.equal(attempts, 2);
  clock += 15_000;
  failing = false;
  counter.hit(62, { 'user-agent': BROWSER });
  await settle();
  assert.equal(attempts, 3);
  assert.equal(counter.pending, 0, 'the kept counts went with the write that worked');
  // A shutdown's last write does not wait.
  failing = true;
  counter.hit(1, { 'user-agent': BROWSER });
  await counter.flush().catch(() => {});
  counter.hit(1, { 'user-agent': BROWSER });
  await assert.rejects(counter.stop(), /locked/);
  assert.equal(attempts, 5);
});
