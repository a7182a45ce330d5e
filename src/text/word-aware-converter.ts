import { Trie, ConverterFactory } from 'opencc-js/core';
import { configs } from 'opencc-js/preset';
import type { DictGroup } from 'opencc-js/core';

type TrieNode = Map<number, TrieNode> & { trie_val?: string };
type Config = { segmentation: DictGroup; conversionChain: readonly DictGroup[]; normalizationChain?: readonly DictGroup[] };

/**
 * OpenCC's conversion with one change: a dictionary phrase may not cut into a word. OpenCC
 * matches the longest phrase from its dictionaries at each position, which can take characters
 * that belong to the next or previous word (指明了 → 指明瞭 through the phrase 明了; 被发明 →
 * 被髮明 through 被发; 参与制造 → 參與制造 through 参与制). Here a phrase that spans a jieba word
 * boundary without lining up with words at both ends is not taken; the next shorter phrase, or
 * the single character, is. Phrases that line up with words (细面 → 細麵 over 细|面) are kept,
 * and every other step is OpenCC's own (segmentation, then each dictionary of the chain within
 * a segment), so OpenCC's test cases still hold.
 */
export class WordAwareConverter {
  private readonly normalize: (s: string) => string;
  private readonly segmentation: TrieNode;
  private readonly chain: TrieNode[];

  constructor(
    configName: 's2tw' | 's2hk',
    private readonly boundaries: (text: string) => Set<number>,
  ) {
    const config = (configs as Record<string, Config>)[configName]!;
    this.normalize = config.normalizationChain ? ConverterFactory(...config.normalizationChain) : (s) => s;
    this.segmentation = rootOf(config.segmentation as unknown as DictGroup);
    this.chain = config.conversionChain.map(rootOf);
  }

  convert(text: string): string {
    const s = this.normalize(text);
    const bounds = this.boundaries(s);
    // Segments come in order and do not overlap, so one pass over the sorted boundaries hands
    // each segment its own; reading the whole set per segment made long texts quadratic.
    const sorted = ascending(bounds);
    let next = 0;
    let out = '';
    for (const [start, end] of this.segments(s, bounds)) {
      while (next < sorted.length && sorted[next]! <= start) next++;
      let piece = s.slice(start, end);
      let local = within(sorted, next, start, end);
      for (const t of this.chain) ({ text: piece, bounds: local } = convertAware(t, piece, local));
      out += piece;
    }
    return out;
  }

  /** OpenCC's segmentation: dictionary phrases and runs of other text, minus phrases that cut into a word. */
  private segments(s: string, bounds: Set<number>): Array<[number, number]> {
    const segments: Array<[number, number]> = [];
    let plainFrom: number | null = null;
    for (let i = 0; i < s.length; ) {
      const m = longestAllowed(this.segmentation, s, i, bounds);
      if (m) {
        if (plainFrom !== null) segments.push([plainFrom, i]);
        plainFrom = null;
        segments.push([i, m.end]);
        i = m.end;
      } else {
        plainFrom ??= i;
        i += charLength(s, i);
      }
    }
    if (plainFrom !== null) segments.push([plainFrom, s.length]);
    return segments;
  }
}

function rootOf(group: DictGroup): TrieNode {
  const t = new Trie();
  t.loadDictGroup(group);
  return (t as unknown as { map: TrieNode }).map;
}

const charLength = (s: string, i: number): number => (s.codePointAt(i)! > 0xffff ? 2 : 1);

/** The boundaries in ascending order; jieba's already are, so the sort is usually skipped. */
function ascending(bounds: Set<number>): number[] {
  const out = [...bounds];
  for (let k = 1; k < out.length; k++) if (!(out[k - 1]! < out[k]!)) return out.sort((a, b) => a - b);
  return out;
}

/**
 * Boundaries inside (start, end), relative to start, with both ends. `sorted` is ascending and
 * `from` is the first index past start, so only this segment's boundaries are read.
 */
function within(sorted: readonly number[], from: number, start: number, end: number): Set<number> {
  const out = new Set<number>([0, end - start]);
  for (let k = from; k < sorted.length && sorted[k]! < end; k++) out.add(sorted[k]! - start);
  return out;
}

/** A phrase [start, end) crosses a word when it spans a boundary but does not line up with words at both ends. */
export function crossesWord(start: number, end: number, bounds: Set<number>): boolean {
  if (bounds.has(start) && bounds.has(end)) return false;
  for (let b = start + 1; b < end; b++) if (bounds.has(b)) return true;
  return false;
}

function longestAllowed(root: TrieNode, s: string, i: number, bounds: Set<number>): { end: number; value: string } | null {
  let node: TrieNode | undefined = root;
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

/**
 * One dictionary step over a segment, longest allowed match first. A replacement may differ in
 * length from what it replaces, so the word boundaries are carried over to the output.
 */
function convertAware(root: TrieNode, s: string, bounds: Set<number>): { text: string; bounds: Set<number> } {
  let out = '';
  const next = new Set<number>([0]);
  for (let i = 0; i < s.length; ) {
    const m = longestAllowed(root, s, i, bounds);
    const end = m ? m.end : i + charLength(s, i);
    out += m ? m.value : s.slice(i, end);
    if (!m) for (let b = i + 1; b < end; b++) if (bounds.has(b)) next.add(out.length - (end - b));
    if (bounds.has(end)) next.add(out.length);
    i = end;
  }
  return { text: out, bounds: next };
}
