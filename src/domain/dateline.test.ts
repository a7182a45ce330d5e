import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLead, formatLead } from './dateline.ts';
import type { Dateline } from './article.ts';
import { convertText } from '../text/convert.ts';

test('reads the seed lead with its half-width colon, and keeps it verbatim', () => {
  const p = parseLead('中國吉林網8月26日訊:距離8月16日', 2018, '長春');
  assert.ok(p);
  assert.deepEqual(p.dateline, { place: '長春', source: '中國吉林網', date: '2018-08-26', kind: '訊', text: '中國吉林網8月26日訊:' });
  assert.equal(p.rest, '距離8月16日');
  assert.equal(formatLead(p.dateline, 'zh-Hant'), '中國吉林網8月26日訊:');
});

test('reads a wire lead with a place inside the source', () => {
  const p = parseLead('黑土网长春11月28日电：今天', 2026, null);
  assert.equal(p?.dateline.source, '黑土网长春');
  assert.equal(p?.dateline.kind, '电');
  assert.equal(p?.rest, '今天');
});

test('ordinary paragraphs have no lead', () => {
  assert.equal(parseLead('8月26日,星期日。一次前所未有的大會', 2018, null), null);
  assert.equal(parseLead('今天天氣很好', 2018, null), null);
});

test('builds a lead from fields in the article script', () => {
  assert.equal(formatLead({ place: '延吉', source: '黑土网', date: '2026-11-28', kind: null, text: null }, 'zh-Hans'), '黑土网延吉11月28日讯：');
  assert.equal(formatLead({ place: null, source: '黑土網', date: '2026-01-05', kind: '電', text: null }, 'zh-Hant'), '黑土網1月5日電：');
  assert.equal(formatLead({ place: null, source: null, date: null, kind: null, text: null }, 'zh-Hant'), '');
});

const none: Dateline = { place: null, source: null, date: null, kind: null, text: null };
const beijing = (publishedAt: string | null, siteName?: string) => ({ publishedAt, timeZone: 'Asia/Shanghai', ...(siteName ? { siteName } : {}) });

test('what the editor fills shows: place and source, dated by the publication in the site zone', () => {
  // 23:30 UTC on the 27th is the 28th in Beijing.
  const at = beijing('2026-11-27T23:30:00Z', '黑土網');
  assert.equal(formatLead({ ...none, place: '长春', source: '黑土网' }, 'zh-Hans', at), '黑土网长春11月28日讯：');
  assert.equal(formatLead({ ...none, place: '長春', source: '黑土網' }, 'zh-Hant', at), '黑土網長春11月28日訊：');
  assert.equal(formatLead({ ...none, source: '黑土网' }, 'zh-Hans', at), '黑土网11月28日讯：');
  // A date of its own wins over the publication's.
  assert.equal(formatLead({ ...none, source: '黑土网', date: '2026-11-20' }, 'zh-Hans', at), '黑土网11月20日讯：');
  // Only a place: the site filed it.
  assert.equal(formatLead({ ...none, place: '延吉' }, 'zh-Hans', at), '黑土网延吉11月28日讯：');
  // Nothing filled, or no date to be had (a draft without a publication time): no lead.
  assert.equal(formatLead(none, 'zh-Hans', at), '');
  assert.equal(formatLead({ ...none, source: '黑土网' }, 'zh-Hans', beijing(null)), '');
  assert.equal(formatLead({ ...none, source: '黑土网' }, 'zh-Hans'), '');
});

test('wire services file 電, everyone else 訊, unless the editor said which', () => {
  const at = beijing('2026-01-05T02:00:00Z');
  assert.equal(formatLead({ ...none, place: '白山', source: '東北新聞通訊社' }, 'zh-Hant', at), '東北新聞通訊社白山1月5日電：');
  assert.equal(formatLead({ ...none, place: '北京', source: '新华社' }, 'zh-Hans', at), '新华社北京1月5日电：');
  assert.equal(formatLead({ ...none, source: '松花江晨報' }, 'zh-Hant', at), '松花江晨報1月5日訊：');
  assert.equal(formatLead({ ...none, source: '黑土網', kind: '電' }, 'zh-Hant', at), '黑土網1月5日電：');
});

test('fields typed in the other script come out in the article script', () => {
  const at = beijing('2026-11-28T02:00:00Z');
  assert.equal(formatLead({ ...none, place: '長白山', source: '黑土網' }, 'zh-Hans', at), '黑土网长白山11月28日讯：');
  assert.equal(formatLead({ ...none, place: '龙井', source: '图们江晨报' }, 'zh-Hant', at), '圖們江晨報龍井11月28日訊：');
});

test('a lead kept as written yields to fields an editor changed since', () => {
  const seed: Dateline = { place: '長春', source: '中國吉林網', date: '2018-08-26', kind: '訊', text: '中國吉林網8月26日訊:' };
  const at = beijing('2018-08-26T15:23:27Z');
  assert.equal(formatLead(seed, 'zh-Hant', at), '中國吉林網8月26日訊:');
  assert.equal(formatLead({ ...seed, source: '黑土網' }, 'zh-Hant', at), '黑土網長春8月26日訊：');
  // A lead that had the place in its source, when the place changes.
  const wire: Dateline = { place: '长春', source: '黑土网', date: '2026-11-28', kind: '电', text: '黑土网长春11月28日电：' };
  assert.equal(formatLead(wire, 'zh-Hans', at), '黑土网长春11月28日电：');
  assert.equal(formatLead({ ...wire, place: '延吉' }, 'zh-Hans', at), '黑土网延吉11月28日电：');
  // Text that is not a lead at all is the author's to keep.
  assert.equal(formatLead({ ...none, source: '黑土网', text: '本网特稿' }, 'zh-Hans', at), '本网特稿');
});

test('any fields: a lead that ends with a colon, names the source, and never throws', () => {
  const chars = fc.constantFrom(...'黑土网網长長春延吉圖图們们江晨报報新华華社通讯訊电電北京AZaz09 ·-'.split(''));
  const text = (max: number) => fc.option(fc.array(chars, { minLength: 1, maxLength: max }).map((a) => a.join('').trim() || null), { nil: null }).map((v) => v ?? null);
  const instant = fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }).map((t) => new Date(t).toISOString());
  const fold = (s: string) => convertText(s, 'zh-Hant', 'zh-Hans');
  fc.assert(
    fc.property(
      text(30), text(20), fc.option(instant, { nil: null }), fc.option(fc.constantFrom('訊', '讯', '電', '电'), { nil: null }), instant, fc.constantFrom('zh-Hans' as const, 'zh-Hant' as const), text(10),
      (source, place, date, kind, publishedAt, script, siteName) => {
        const d: Dateline = { source, place, date: date ? date.slice(0, 10) : null, kind, text: null };
        const lead = formatLead(d, script, { publishedAt, timeZone: 'Asia/Shanghai', siteName });
        const who = source ?? (place ? siteName : null);
        if (!who) return assert.equal(lead, '');
        assert.match(lead, /[:：]$/u);
        assert.ok(fold(lead).includes(fold(who)), `${lead} names ${who}`);
        if (place && !who.endsWith(place)) assert.ok(fold(lead).includes(fold(place)), `${lead} names ${place}`);
        assert.match(lead, /\d{1,2}月\d{1,2}日(訊|讯|電|电)：$/u);
      },
    ),
    { numRuns: 300 },
  );
});

test('any lead kept as written: either printed as it is or rebuilt from the fields, never a throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }), (text, source) => {
      const d: Dateline = { ...none, source, text };
      const lead = formatLead(d, 'zh-Hans', beijing('2026-11-28T02:00:00Z'));
      assert.ok(lead === text || lead === '' || /：$/u.test(lead));
    }),
  );
});
