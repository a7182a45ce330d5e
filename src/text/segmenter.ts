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

export function cut(text: string): string[] {
  return instance().cut(text, false);
}

/** Offsets (in UTF-16 code units) where jieba puts a word boundary, 0 and the end included. */
export function wordBoundaries(text: string): Set<number> {
  const bounds = new Set<number>([0]);
  let at = 0;
  for (const token of cut(text)) {
    at += token.length;
    bounds.add(at);
  }
  // jieba covers the input exactly; if it ever did not, no boundary would be trustworthy.
  return at === text.length ? bounds : new Set([0, text.length]);
}
