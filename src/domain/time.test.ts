import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLocalDateTime, formatZoned, offsetAt, toUtcIso, isValidTimeZone, localDayToUtc } from './time.ts';

test('shows a UTC instant in Asia/Shanghai to the second', () => {
  assert.equal(formatLocalDateTime('2018-08-26T15:23:27.000Z', 'Asia/Shanghai'), '2018-08-26 23:23:27');
});

test('midnight crosses the date in the site zone', () => {
  assert.equal(formatLocalDateTime('2018-08-26T16:00:00Z', 'Asia/Shanghai'), '2018-08-27 00:00:00');
});

test('zoned RFC 3339 carries the offset', () => {
  assert.equal(offsetAt('2018-08-26T15:23:27Z', 'Asia/Shanghai'), '+08:00');
  assert.equal(formatZoned('2018-08-26T15:23:27Z', 'Asia/Shanghai'), '2018-08-26T23:23:27+08:00');
  assert.equal(formatZoned('2018-08-26T15:23:27Z', 'America/New_York'), '2018-08-26T11:23:27-04:00');
});

test('parses offsets to UTC and refuses nonsense', () => {
  assert.equal(toUtcIso('2018-08-26T23:23:27+08:00'), '2018-08-26T15:23:27.000Z');
  assert.equal(toUtcIso('not a date'), null);
  assert.equal(isValidTimeZone('Asia/Shanghai'), true);
  assert.equal(isValidTimeZone('Mars/Olympus'), false);
});

test('a local day in the site zone as UTC instants', () => {
  assert.equal(localDayToUtc('2026-11-30', 'Asia/Shanghai'), '2026-11-29T16:00:00.000Z');
  assert.equal(localDayToUtc('2026-11-30', 'Asia/Shanghai', true), '2026-11-30T15:59:59.000Z');
  assert.equal(localDayToUtc('2026-02-30', 'Asia/Shanghai'), null);
  assert.equal(localDayToUtc('2026-13-01', 'Asia/Shanghai'), null);
  assert.equal(localDayToUtc('yesterday', 'Asia/Shanghai'), null);
});
