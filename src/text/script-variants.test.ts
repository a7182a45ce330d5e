import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameCharacters } from './script-variants.ts';

test('the site dictionary lets one editor change published text: only forms of the same characters are the same characters', () => {
  for (const [hans, other] of <Array<[string, string]>>[['刘征宇', '劉征宇'], ['刘征宇', '劉徵宇'], ['余老师', '余老師'], ['干部', '幹部'], ['头发', '頭髮'], ['里', '裏'], ['CCTV新闻', 'CCTV新聞']]) {
    assert.ok(sameCharacters(hans, other), `${hans} → ${other}`);
  }
  for (const [hans, other] of <Array<[string, string]>>[['长春', '謠言'], ['长春', '長春市'], ['长春', '本報此前報道均屬捏造'], ['黑土', '白土'], ['发', 'x']]) {
    assert.ok(!sameCharacters(hans, other), `${hans} → ${other}`);
  }
});
