import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { Trie, ConverterFactory } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';
import type { DictGroup } from 'opencc-js/core';
import { crossesWord, WordAwareConverter } from './word-aware-converter.ts';
import { convertText } from './convert.ts';
import { wordBoundaries } from './segmenter.ts';
import { BUILTIN_WORD_TERMS } from './builtin-terms.ts';

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

/**
 * The converter as it was before boundaries were read from a sorted array: it handed each
 * segment its boundaries by walking the whole set, quadratic in the text but plainly right, so
 * the faster converter is held to its output exactly.
 */
class ReferenceConverter {
  private readonly normalize: (s: string) => string;
  private readonly segmentation: RefNode;
  private readonly chain: RefNode[];

  constructor(
    configName: 's2tw' | 's2hk',
    private readonly boundaries: (text: string) => Set<number>,
  ) {
    const config = (configs as Record<string, RefConfig>)[configName]!;
    this.normalize = config.normalizationChain ? ConverterFactory(...config.normalizationChain) : (s) => s;
    this.segmentation = refRoot(config.segmentation);
    this.chain = config.conversionChain.map(refRoot);
  }

  convert(text: string): string {
    const s = this.normalize(text);
    const bounds = this.boundaries(s);
    let out = '';
    for (const [start, end] of this.segments(s, bounds)) {
      let piece = s.slice(start, end);
      let local = new Set<number>([0, end - start]);
      for (const b of bounds) if (b > start && b < end) local.add(b - start);
      for (const t of this.chain) ({ text: piece, bounds: local } = refConvertAware(t, piece, local));
      out += piece;
    }
    return out;
  }

  private segments(s: string, bounds: Set<number>): Array<[number, number]> {
    const segments: Array<[number, number]> = [];
    let plainFrom: number | null = null;
    for (let i = 0; i < s.length; ) {
      const m = refLongest(this.segmentation, s, i, bounds);
      if (m) {
        if (plainFrom !== null) segments.push([plainFrom, i]);
        plainFrom = null;
        segments.push([i, m.end]);
        i = m.end;
      } else {
        plainFrom ??= i;
        i += refCharLength(s, i);
      }
    }
    if (plainFrom !== null) segments.push([plainFrom, s.length]);
    return segments;
  }
}

type RefNode = Map<number, RefNode> & { trie_val?: string };
type RefConfig = { segmentation: DictGroup; conversionChain: readonly DictGroup[]; normalizationChain?: readonly DictGroup[] };

function refRoot(group: DictGroup): RefNode {
  const t = new Trie();
  t.loadDictGroup(group);
  return (t as unknown as { map: RefNode }).map;
}

const refCharLength = (s: string, i: number): number => (s.codePointAt(i)! > 0xffff ? 2 : 1);

function refLongest(root: RefNode, s: string, i: number, bounds: Set<number>): { end: number; value: string } | null {
  let node: RefNode | undefined = root;
  const found: Array<{ end: number; value: string }> = [];
  for (let j = i; j < s.length; ) {
    const cp = s.codePointAt(j)!;
    j += cp > 0xffff ? 2 : 1;
    node = node.get(cp);
    if (!node) break;
    if (node.trie_val !== undefined) found.push({ end: j, value: node.trie_val });
  }
  for (let k = found.length - 1; k >= 0; k--) if (!crossesWord(i, found[k]!.end, bounds)) return found[k]!;
  return null;
}

function refConvertAware(root: RefNode, s: string, bounds: Set<number>): { text: string; bounds: Set<number> } {
  let out = '';
  const next = new Set<number>([0]);
  for (let i = 0; i < s.length; ) {
    const m = refLongest(root, s, i, bounds);
    const end = m ? m.end : i + refCharLength(s, i);
    out += m ? m.value : s.slice(i, end);
    if (!m) for (let b = i + 1; b < end; b++) if (bounds.has(b)) next.add(out.length - (end - b));
    if (bounds.has(end)) next.add(out.length);
    i = end;
  }
  return { text: out, bounds: next };
}

// Common characters, punctuation, the words the converter exists for, the surname terms, a
// character outside the BMP (two code units), Traditional and Latin text.
const PIECES = [
  ...'的一是了不在有人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高程',
  ...'，。、；：？！“”（）《》…— \n',
  '指明了', '查明了', '阐明了', '被发明', '参与制造', '展示了如何', '五分之一出席', '余老师', '上千只', '简单明了',
  '了如指掌', '了解', '头发', '理发店', '一目了然', '细面', '干群关系', '周线图', '被发往', '其余老师', '钟师傅', '姓范',
  '𠮷', '為', '們', 'abc', '2024',
];
const chineseText = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((xs) => xs.join(''));

test('reading boundaries from a sorted array changes no output', () => {
  for (const config of ['s2tw', 's2hk'] as const) {
    const fast = new WordAwareConverter(config, wordBoundaries);
    const reference = new ReferenceConverter(config, wordBoundaries);
    fc.assert(fc.property(chineseText, (text) => fast.convert(text) === reference.convert(text)), { numRuns: 300 });
  }
});

test('any boundary set, in any order, gives the reference output', () => {
  // jieba's boundaries arrive in ascending order; a set built otherwise must not matter.
  const cases = fc.tuple(chineseText, fc.array(fc.integer({ min: -2, max: 300 }), { maxLength: 60 }));
  let offsets: number[] = [];
  const boundaries = (): Set<number> => new Set(offsets);
  for (const config of ['s2tw', 's2hk'] as const) {
    // Built once: loading the dictionaries takes far longer than a conversion.
    const fast = new WordAwareConverter(config, boundaries);
    const reference = new ReferenceConverter(config, boundaries);
    fc.assert(
      fc.property(cases, ([text, given]) => {
        offsets = given;
        return fast.convert(text) === reference.convert(text);
      }),
      { numRuns: 300 },
    );
  }
});

test('conversion time grows linearly with the text', () => {
  // News prose without Heitu's word terms, which would cut the text into short pieces before
  // the converter sees it and so hide how it scales.
  const sentences = (JSON.parse(readFileSync(new URL('./regression/news-sentences.json', import.meta.url), 'utf8')) as Array<{ hans: string }>)
    .map((r) => r.hans)
    .filter((s) => !BUILTIN_WORD_TERMS.some((t) => s.includes(t.hans)));
  const prose = (n: number): string => {
    let s = '';
    for (let i = 0; s.length < n; i++) s += sentences[i % sentences.length];
    return s.slice(0, n);
  };
  // CPU time, not wall time: other test files and processes on a small machine take turns on
  // the cores, and a short run is likelier than a long one to get a core to itself. The sizes
  // alternate and the best of three counts, as load only ever makes a run slower.
  const cpuMs = (text: string): number => {
    const t0 = process.cpuUsage();
    convertText(text, 'zh-Hans', 'zh-Hant');
    const d = process.cpuUsage(t0);
    return (d.user + d.system) / 1000;
  };
  const small = prose(20_000);
  const large = prose(160_000);
  cpuMs(small);
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let r = 0; r < 3; r++) {
    smallMs = Math.min(smallMs, cpuMs(small));
    largeMs = Math.min(largeMs, cpuMs(large));
  }
  const ratio = largeMs / smallMs;
  // 8× the text: linear is about 8×, quadratic about 64×.
  assert.ok(ratio < 16, `160,000 characters took ${ratio.toFixed(1)}× the CPU time of 20,000`);
});
