import type { Script, Target } from './scripts.ts';
import { convertText } from './convert.ts';
import { html, type SafeHtml } from './safe-html.ts';
import { instanceForSearch, cut } from './segmenter.ts';

/**
 * The one segmentation path for search, used by both databases' indexes and by queries: text is
 * converted to Simplified (jieba's dictionary is Simplified), segmented, and written as
 * space-separated lower-case words. A query in either script meets an article in either script.
 */
const WORD = /[\p{L}\p{N}]/u;

function toSimplified(text: string, script: Script): string {
  return script === 'zh-Hans' ? text : convertText(text, script, 'zh-Hans');
}

const HAN_RUN = /\p{Script=Han}{2,}/gu;
const HAN = /\p{Script=Han}/u;

/** Every two neighbouring characters of each run of Chinese characters. */
function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * Index form: search-mode words (长白山保护开发区 is also 长白山, 保护, 开发区), and the character
 * pairs of the text, so that a query word is found even where jieba cut the article's sentence
 * differently (冰灯 in 冰灯节, which jieba cuts 冰|灯节).
 */
export function indexTokens(text: string, script: Script): string {
  if (!text) return '';
  const simple = toSimplified(text, script).toLowerCase();
  const words = instanceForSearch()
    .cutForSearch(simple, false)
    .filter((w) => WORD.test(w));
  return [...words, ...bigrams(simple)].join(' ');
}

export interface QueryWords {
  /** The words of the query (Simplified, lower case), for highlighting. */
  words: string[];
  /** What must all be in the index: short words as they are, longer Chinese words as their character pairs. */
  terms: string[];
}

/** Query form; punctuation and query syntax are dropped. */
export function queryTokens(query: string): QueryWords {
  const simplified = convertText(query, 'zh-Hant', 'zh-Hans').toLowerCase();
  const words = [...new Set(cut(simplified).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter(Boolean))];
  const terms = words.flatMap((w) => ([...w].length > 2 && HAN.test(w) ? bigrams(w) : [w]));
  return { words, terms: [...new Set(terms)] };
}

/**
 * A snippet of `text` (in its own script) around the first query word, with every query word
 * marked, converted to the reader's script. Matches are found in the Simplified form and mapped
 * back to the original by position: conversion to Simplified keeps one character for one.
 */
export function snippet(text: string, script: Script, terms: string[], target: Target, length = 90): { html: SafeHtml; text: string } {
  const original = text.replace(/\s+/g, ' ').trim();
  const simple = toSimplified(original, script).toLowerCase();
  const aligned = simple.length === original.length;
  const ranges: Array<[number, number]> = [];
  if (aligned) {
    for (const term of terms) {
      for (let i = simple.indexOf(term); i >= 0; i = simple.indexOf(term, i + term.length)) ranges.push([i, i + term.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  // Neighbouring and overlapping matches read as one: 问题疫苗, not 问题|疫苗.
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]![0] <= ranges[i - 1]![1]) {
      ranges[i - 1]![1] = Math.max(ranges[i - 1]![1], ranges[i]![1]);
      ranges.splice(i--, 1);
    }
  }
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(original.length, start + length);
  const convert = (t: string) => convertText(t, script, target);
  const parts: SafeHtml[] = [];
  const plain: string[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (s < at || e > end) continue;
    const before = convert(original.slice(at, s));
    const hit = convert(original.slice(s, e));
    parts.push(html`${before}<mark>${hit}</mark>`);
    plain.push(before, hit);
    at = e;
  }
  const rest = convert(original.slice(at, end));
  const open = start > 0 ? '…' : '';
  const close = end < original.length ? '…' : '';
  return { html: html`${open}${parts}${rest}${close}`, text: open + plain.join('') + rest + close };
}
