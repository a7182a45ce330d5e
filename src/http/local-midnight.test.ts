import { test } from 'node:test';
import assert from 'node:assert/strict';
import { atLocalMidnight } from './local-midnight.ts';
import { msUntilLocalMidnight } from '../domain/time.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A clock that reaches the next local midnight of `zone` `ms` from now. */
function clockBefore(zone: string, ms: number): () => number {
  // Once first: the zone's formatter is made on first use, which takes longer than the margin.
  msUntilLocalMidnight(Date.now(), zone);
  const start = Date.now();
  const shift = msUntilLocalMidnight(start, zone) - ms;
  return () => Date.now() + shift;
}

test('runs when the local day turns in the site zone, then waits for the next one', async () => {
  let runs = 0;
  let reads = 0;
  const m = atLocalMidnight(async () => (reads++, 'Asia/Shanghai'), () => runs++, clockBefore('Asia/Shanghai', 100));
  try {
    await sleep(20);
    assert.equal(runs, 0, 'not before midnight');
    await sleep(300);
    assert.equal(runs, 1);
    // The zone is read again for the next day, and that day is a day away.
    assert.equal(reads, 2);
    await sleep(50);
    assert.equal(runs, 1);
  } finally {
    m.stop();
  }
});

test('the midnight is the site zone\'s, not the machine\'s', async () => {
  let runs = 0;
  // Close to midnight in New York is mid-afternoon in Beijing: nothing turns there.
  const m = atLocalMidnight(async () => 'Asia/Shanghai', () => runs++, clockBefore('America/New_York', 40));
  try {
    await sleep(150);
    assert.equal(runs, 0);
  } finally {
    m.stop();
  }
});

test('stop cancels what is waiting, and a zone that cannot be read is not a crash', async () => {
  let runs = 0;
  const m = atLocalMidnight(async () => 'Asia/Shanghai', () => runs++, clockBefore('Asia/Shanghai', 40));
  await sleep(5);
  m.stop();
  await sleep(100);
  assert.equal(runs, 0);
  const failing = atLocalMidnight(async () => {
    throw new Error('database away');
  }, () => runs++);
  await sleep(20);
  failing.stop();
  assert.equal(runs, 0);
});
