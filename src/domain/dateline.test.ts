import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLead, formatLead } from './dateline.ts';

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
