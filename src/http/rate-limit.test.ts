import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from './rate-limit.ts';

test('a burst is allowed, then the rate; keys are separate', () => {
  const r = new RateLimiter(1, 3);
  assert.deepEqual([r.take('a', 0), r.take('a', 0), r.take('a', 0), r.take('a', 0)], [true, true, true, false]);
  assert.equal(r.take('b', 0), true);
  assert.equal(r.take('a', 1000), true);
  assert.equal(r.take('a', 1000), false);
});
