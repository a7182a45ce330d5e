/**
 * Times are stored as UTC ISO-8601 strings and shown in the site's time zone, to the second,
 * as the seed page does (`2018-08-26 23:23:27`).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(iso: string, timeZone: string): LocalParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in the given zone. */
export function formatLocalDateTime(iso: string, timeZone: string): string {
  const p = localParts(iso, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** `YYYY-MM-DD` in the given zone. */
export function formatLocalDate(iso: string, timeZone: string): string {
  return formatLocalDateTime(iso, timeZone).slice(0, 10);
}

/** The zone's offset from UTC at that instant, as `+08:00`. */
export function offsetAt(iso: string, timeZone: string): string {
  const p = localParts(iso, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const instant = Math.floor(new Date(iso).getTime() / 1000) * 1000;
  const minutes = Math.round((asUtc - instant) / 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** RFC 3339 in the site's zone, e.g. `2018-08-26T23:23:27+08:00` (what ninjs and JSON-LD carry). */
export function formatZoned(iso: string, timeZone: string): string {
  return `${formatLocalDateTime(iso, timeZone).replace(' ', 'T')}${offsetAt(iso, timeZone)}`;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Normalises any parseable date-time to a UTC ISO string; null if it is not one. */
export function toUtcIso(value: string): string | null {
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The UTC instant of a local calendar day's start (or last second) in a zone; null for a malformed date. */
export function localDayToUtc(date: string, timeZone: string, endOfDay = false): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const guess = Date.UTC(y, mo - 1, d, endOfDay ? 23 : 0, endOfDay ? 59 : 0, endOfDay ? 59 : 0);
  if (new Date(guess).getUTCDate() !== d || new Date(guess).getUTCMonth() !== mo - 1) return null;
  // Shift by the zone's offset at that moment (offsets change rarely; checking the guess is enough here).
  const off = offsetAt(new Date(guess).toISOString(), timeZone);
  const sign = off.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
  return new Date(guess - minutes * 60_000).toISOString();
}

/**
 * The date of an article in a list: `MM-DD HH:MM` in the current year (of the site's zone), and
 * `YYYY-MM-DD` otherwise, so an old story never passes for one of this week's. A page showing
 * these must be dropped when the site's local year turns (see msUntilLocalMidnight).
 */
export function formatListDate(iso: string, timeZone: string, now: number = Date.now()): string {
  const when = formatLocalDateTime(iso, timeZone);
  const thisYear = localParts(new Date(now).toISOString(), timeZone).year;
  return Number(when.slice(0, 4)) === thisYear ? when.slice(5, 16) : when.slice(0, 10);
}

/**
 * Milliseconds from `now` until the site's local date next changes: the first second whose
 * local date is a later one (00:00 of tomorrow, or whenever a clock change makes the day begin).
 */
export function msUntilLocalMidnight(now: number, timeZone: string): number {
  const today = formatLocalDate(new Date(now).toISOString(), timeZone);
  const later = (second: number) => formatLocalDate(new Date(second * 1000).toISOString(), timeZone) > today;
  // A search over seconds rather than arithmetic on offsets: midnight can be skipped or repeated
  // by a clock change, and no day is longer than 26 hours, so the day has turned within 50.
  let lo = Math.floor(now / 1000);
  let hi = lo + 50 * 3600;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (later(mid)) hi = mid;
    else lo = mid;
  }
  return hi * 1000 - now;
}

/** Zones whose clock is one a Chinese reader names: 北京時間 and the times of Taipei, Hong Kong and Macau. */
const NAMED_ZONES: Readonly<Record<string, ZoneName>> = {
  'Asia/Shanghai': 'beijing', 'Asia/Chongqing': 'beijing', 'Asia/Chungking': 'beijing', 'Asia/Harbin': 'beijing', PRC: 'beijing',
  'Asia/Taipei': 'taipei', ROC: 'taipei',
  'Asia/Hong_Kong': 'hongkong', Hongkong: 'hongkong',
  'Asia/Macau': 'macau', 'Asia/Macao': 'macau',
};
export type ZoneName = 'beijing' | 'taipei' | 'hongkong' | 'macau';

/**
 * What to call the site's clock after a time: one of the named zones, or the offset as
 * `UTC+08:00`. Xinjiang's zones (Asia/Urumqi) keep local time six hours ahead of UTC, which is
 * not 北京時間, so they go by their offset.
 */
export function zoneNameAt(iso: string, timeZone: string): { name: ZoneName } | { offset: string } {
  const name = NAMED_ZONES[timeZone];
  return name ? { name } : { offset: `UTC${offsetAt(iso, timeZone)}` };
}
