import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { convertName, nameForms, nameScript } from './convert-name.ts';
import { convertText } from './convert.ts';

test('a Traditional name on a Simplified article is converted by its own script', () => {
  assert.equal(nameScript('杜文傑', 'zh-Hans', 'zh-Hans'), 'zh-Hant');
  assert.equal(convertName('杜文傑', 'zh-Hans', 'zh-Hans'), '杜文杰');
  assert.equal(convertName('杜文傑', 'zh-Hans', 'zh-Hant'), '杜文傑');
  // Read as the article's Simplified text, it would stay as it is on a Simplified page.
  assert.equal(convertText('杜文傑', 'zh-Hans', 'zh-Hans'), '杜文傑');
});

test('a Simplified name on a Traditional article, and outlets', () => {
  assert.equal(convertName('刘征宇', 'zh-Hant', 'zh-Hant'), '劉徵宇');
  assert.equal(convertName('刘征宇', 'zh-Hant', 'zh-Hans'), '刘征宇');
  assert.equal(convertName('图们江晨报', 'zh-Hant', 'zh-Hant'), '圖們江晨報');
  assert.equal(convertName('圖們江晨報', 'zh-Hans', 'zh-Hans'), '图们江晨报');
  assert.equal(convertName('圖們江晨報', 'zh-Hans', 'zh-HK'), '圖們江晨報');
});

test('a name mixing both scripts comes out in one', () => {
  assert.equal(convertName('记者 杜文傑', 'zh-Hans', 'zh-Hant'), '記者 杜文傑');
  assert.equal(convertName('记者 杜文傑', 'zh-Hant', 'zh-Hans'), '记者 杜文杰');
});

test('a name that reads the same in both scripts falls back to the article script, and terms still apply', () => {
  assert.equal(nameScript('王小明', 'zh-Hant', 'zh-Hans'), 'zh-Hant');
  assert.equal(nameScript('Li Wei', 'zh-Hans', 'zh-Hant'), 'zh-Hans');
  assert.equal(convertName('刘征宇', 'zh-Hant', 'zh-Hant', [{ hans: '刘征宇', hant: '劉征宇' }]), '劉征宇');
});

test('a name converted into a script has none of the other script left (Simplified target)', () => {
  const han = fc.constantFrom(...'杜文傑杰劉刘徵征宇圖图們们江晨報报張张偉伟王小明記记者趙赵國国棟栋孫孙雨桐'.split(''));
  fc.assert(
    fc.property(fc.array(han, { minLength: 1, maxLength: 6 }), fc.constantFrom('zh-Hans' as const, 'zh-Hant' as const), (chars, fallback) => {
      const name = chars.join('');
      const hans = convertName(name, fallback, 'zh-Hans');
      // Converting Traditional to Simplified changes nothing more: no Traditional character is left.
      assert.equal(convertText(hans, 'zh-Hant', 'zh-Hans'), hans);
      // The Traditional form is one the Simplified form goes back to Traditional as.
      const hant = convertName(name, fallback, 'zh-Hant');
      assert.equal(convertText(hant, 'zh-Hant', 'zh-Hans'), hans);
    }),
  );
});

test('a name is looked for in every script it may be registered in', () => {
  assert.deepEqual(new Set(nameForms('圖們江晨報')), new Set(['圖們江晨報', '图们江晨报']));
  assert.deepEqual(new Set(nameForms('图们江晨报')), new Set(['图们江晨报', '圖們江晨報']));
  // A Hong Kong variant (綫) finds the name registered in the Taiwan form (線) or in Simplified.
  const hk = nameForms('邊綫出版');
  assert.ok(hk.includes('边线出版') && hk.includes('邊線出版'), hk.join(' '));
  // Nothing to convert: the query alone.
  assert.deepEqual(nameForms('HTL-2026-%'), ['HTL-2026-%']);
});

test('every form of a name folds to the same Simplified one', () => {
  const han = fc.constantFrom(...'圖图們们江晨報报邊边綫線线出版社裡里裏後后髮发'.split(''));
  fc.assert(
    fc.property(fc.array(han, { minLength: 1, maxLength: 8 }), (chars) => {
      const forms = nameForms(chars.join(''));
      assert.equal(forms[0], chars.join(''));
      assert.equal(new Set(forms.map((f) => convertText(f, 'zh-Hant', 'zh-Hans'))).size, 1);
    }),
  );
});
