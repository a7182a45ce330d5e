import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as OpenCC from 'opencc-js';
import { crossesWord } from './word-aware-converter.ts';
import { convertText } from './convert.ts';

test('a phrase crosses a word only when it spans a boundary without lining up at both ends', () => {
  const b = new Set([0, 2, 3, 5]); // 指明|了|方向
  assert.equal(crossesWord(1, 3, b), true); // 明了
  assert.equal(crossesWord(0, 2, b), false); // 指明
  assert.equal(crossesWord(0, 3, b), false); // 指明了, lined up
  assert.equal(crossesWord(3, 4, b), false); // 方, inside one word
});

const s2tw = OpenCC.Converter({ from: 'cn', to: 'tw' });

test('the mistakes OpenCC makes in news text are fixed', () => {
  const fixed: Array<[string, string, string]> = [
    ['指明了', '指明瞭', '指明了'],
    ['查明了', '查明瞭', '查明了'],
    ['阐明了', '闡明瞭', '闡明了'],
    ['被发明', '被髮明', '被發明'],
    ['参与制造', '參與制造', '參與製造'],
    ['展示了如何', '展示瞭如何', '展示了如何'],
    ['五分之一出席', '五分之一齣席', '五分之一出席'],
  ];
  for (const [hans, opencc, right] of fixed) {
    assert.equal(s2tw(hans), opencc, `OpenCC no longer gets ${hans} wrong; move it to the controls`);
    assert.equal(convertText(hans, 'zh-Hans', 'zh-Hant'), right, hans);
  }
});

test('words OpenCC gets right stay right', () => {
  for (const [hans, right] of [['简单明了', '簡單明瞭'], ['了如指掌', '瞭如指掌'], ['了解', '瞭解'], ['头发', '頭髮'], ['理发店', '理髮店'], ['一目了然', '一目瞭然'], ['细面', '細麵'], ['干群关系', '幹群關係']]) {
    assert.equal(convertText(hans!, 'zh-Hans', 'zh-Hant'), right, hans);
  }
});

test('the seed page\'s own mistake: 指明瞭方向 in the Traditional original converts back to 指明了', () => {
  assert.equal(convertText('為做好案件處置指明瞭方向', 'zh-Hant', 'zh-Hans'), '为做好案件处置指明了方向');
  assert.equal(convertText('为做好案件处置指明了方向', 'zh-Hans', 'zh-Hant'), '為做好案件處置指明了方向');
});
