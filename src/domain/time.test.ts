import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatLocalDateTime, formatLocalDate, formatZoned, offsetAt, toUtcIso, isValidTimeZone, localDayToUtc, formatListDate, msUntilLocalMidnight, zoneNameAt } from './time.ts';

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

test('a list date names the year unless it is the current one in the site zone', () => {
  const now = Date.parse('2026-11-30T04:00:00Z');
  assert.equal(formatListDate('2026-11-28T01:02:03Z', 'Asia/Shanghai', now), '11-28 09:02');
  // The seed article, among this week's stories.
  assert.equal(formatListDate('2018-08-26T15:23:27Z', 'Asia/Shanghai', now), '2018-08-26');
  // New Year's Eve in UTC is already the new year in Beijing, for both the story and "now".
  const newYear = Date.parse('2026-12-31T17:00:00Z');
  assert.equal(formatListDate('2026-12-31T16:30:00Z', 'Asia/Shanghai', newYear), '01-01 00:30');
  assert.equal(formatListDate('2026-12-31T15:30:00Z', 'Asia/Shanghai', newYear), '2026-12-31');
  assert.equal(formatListDate('2026-12-31T15:30:00Z', 'UTC', newYear), '12-31 15:30');
});

test('list dates: the short form exactly when the local years agree, and never a bare month-day otherwise', () => {
  const zones = ['Asia/Shanghai', 'Asia/Taipei', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'];
  const instant = fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') });
  fc.assert(
    fc.property(instant, instant, fc.constantFrom(...zones), (at, now, tz) => {
      const iso = new Date(at).toISOString();
      const shown = formatListDate(iso, tz, now);
      const full = formatLocalDateTime(iso, tz);
      if (full.slice(0, 4) === formatLocalDate(new Date(now).toISOString(), tz).slice(0, 4)) assert.equal(shown, full.slice(5, 16));
      else assert.equal(shown, full.slice(0, 10));
    }),
  );
});

test('the next local midnight in Beijing, and across a year', () => {
  assert.equal(msUntilLocalMidnight(Date.parse('2026-11-30T15:59:59Z'), 'Asia/Shanghai'), 1000);
  assert.equal(msUntilLocalMidnight(Date.parse('2026-11-30T16:00:00Z'), 'Asia/Shanghai'), 24 * 3600_000);
  assert.equal(msUntilLocalMidnight(Date.parse('2026-12-31T10:00:00.250Z'), 'Asia/Shanghai'), 6 * 3600_000 - 250);
  // A day that is 23 hours long: New York's spring change.
  assert.equal(msUntilLocalMidnight(Date.parse('2026-03-08T05:00:00Z'), 'America/New_York'), 23 * 3600_000);
  // Santiago moves its clocks at midnight: the day begins at 01:00, not at a 00:00 that never comes.
  const at = Date.parse('2025-09-06T12:00:00Z') + msUntilLocalMidnight(Date.parse('2025-09-06T12:00:00Z'), 'America/Santiago');
  assert.equal(formatLocalDateTime(new Date(at).toISOString(), 'America/Santiago'), '2025-09-07 01:00:00');
});

test('msUntilLocalMidnight lands on the first second of a later local date, in any zone', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'America/Santiago', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'America/Havana'];
  fc.assert(
    fc.property(fc.integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2040-01-01T00:00:00Z') }), fc.constantFrom(...zones), (now, tz) => {
      const ms = msUntilLocalMidnight(now, tz);
      const date = (t: number) => formatLocalDate(new Date(t).toISOString(), tz);
      assert.ok(ms > 0 && ms <= 26 * 3600_000, `${ms}`);
      assert.ok(date(now + ms) > date(now));
      assert.equal(date(now + ms - 1000 > now ? now + ms - 1000 : now), date(now));
      assert.equal((now + ms) % 1000, 0);
    }),
  );
});

test('the zone is named as readers name it, or by its offset', () => {
  assert.deepEqual(zoneNameAt('2018-08-26T15:23:27Z', 'Asia/Shanghai'), { name: 'beijing' });
  assert.deepEqual(zoneNameAt('2018-08-26T15:23:27Z', 'Asia/Taipei'), { name: 'taipei' });
  assert.deepEqual(zoneNameAt('2018-08-26T15:23:27Z', 'Asia/Hong_Kong'), { name: 'hongkong' });
  assert.deepEqual(zoneNameAt('2018-08-26T15:23:27Z', 'Asia/Macau'), { name: 'macau' });
  // Xinjiang's local time is not Beijing's.
  assert.deepEqual(zoneNameAt('2018-08-26T15:23:27Z', 'Asia/Urumqi'), { offset: 'UTC+06:00' });
  assert.deepEqual(zoneNameAt('2018-08-26T15:23:27Z', 'Asia/Tokyo'), { offset: 'UTC+09:00' });
  assert.deepEqual(zoneNameAt('2018-01-26T15:23:27Z', 'America/New_York'), { offset: 'UTC-05:00' });
});
