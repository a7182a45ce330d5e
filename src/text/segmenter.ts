import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese word segmentation with jieba. Its dictionary is Simplified; the site's own words
// (channel names, people, terms) are added so they stay whole.

/**
 * Words jieba does not know but should keep whole. Each is here because a real sentence was cut
 * wrongly without it; the converter's tests name the sentence.
 */
export const EXTRA_WORDS: ReadonlyArray<[word: string, frequency: number]> = [
  ['周线', 3000], // 周线图 (weekly chart): jieba cut 周|线图 and so refused OpenCC's 週線
  ['发往', 3000], // 被发往: jieba cut 被|发|往, which let OpenCC's 被发 (被髮, loose hair) through
];

let jieba: Jieba | null = null;
const added = new Set<string>();

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(EXTRA_WORDS.map(([w, f]) => `${w} ${f} n`).join('\n')));
  }
  return jieba;
}

/** Words jieba should keep whole (in Simplified), e.g. 长白山保护开发区. Safe to call repeatedly. */
export function addWords(words: Iterable<string>): void {
  const fresh = [...words].map((w) => w.trim()).filter((w) => w && !/\s/.test(w) && !added.has(w));
  if (fresh.length === 0) return;
  for (const w of fresh) added.add(w);
  // A high frequency makes jieba prefer the whole word over its parts.
  instance().loadDict(Buffer.from(fresh.map((w) => `${w} 100000 n`).join('\n')));
}

/** The shared jieba instance, for search-mode segmentation. */
export function instanceForSearch(): Jieba {
  return instance();
}

export function cut(text: string): string[] {
  return instance().cut(text, false);
}

/**
 * A long word as a sequence of the dictionary words it is made of (龙舟竞渡 → 龙舟|竞渡), or null
 * when its parts overlap or leave characters over (发送到: 发送, 送到, 到).
 */
function tiling(token: string, parts: Set<string>, from = 0): number[] | null {
  if (from === token.length) return [];
  for (let end = token.length - (from === 0 ? 1 : 0); end > from + 1; end--) {
    if (!parts.has(token.slice(from, end))) continue;
    const rest = tiling(token, parts, end);
    if (rest) return [end, ...rest];
  }
  return null;
}

/**
 * Offsets (in UTF-16 code units) where jieba puts a word boundary, 0 and the end included. A
 * long word made of dictionary words also gets their boundaries (龙舟竞渡: 龙舟|竞渡), so a phrase
 * that ends on one of them (划龙舟) still lines up with words.
 */
export function wordBoundaries(text: string): Set<number> {
  const bounds = new Set<number>([0]);
  const j = instance();
  let at = 0;
  for (const token of cut(text)) {
    if (token.length >= 4) {
      const parts = new Set(j.cutForSearch(token, false).filter((w) => w.length < token.length));
      for (const end of tiling(token, parts) ?? []) bounds.add(at + end);
    }
    at += token.length;
    bounds.add(at);
  }
  // jieba covers the input exactly; if it ever did not, no boundary would be trustworthy.
  return at === text.length ? bounds : new Set([0, text.length]);
}
