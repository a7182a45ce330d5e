import { TfIdf } from '@node-rs/jieba';
import { idf } from '@node-rs/jieba/dict.js';
import type { Script } from './scripts.ts';
import { convertText } from './convert.ts';
import { instanceForSearch } from './segmenter.ts';

/**
 * The words a story is most about, for finding its 相關新聞 in the search index. Words are
 * weighed by TF-IDF against jieba's general corpus: a word this story uses often and news in
 * general seldom (冰雪節, 淨月潭) beats one every story has (表示, 記者).
 */

// The corpus' IDF table is 6 MB of text and about 20 MB loaded: read on first use, once.
let extractor: TfIdf | null = null;

/** Enough of a long body to know what it is about; its opening carries the story. */
const BODY_CHARS = 3000;
/** A headline word weighs as much as this many of the same word in the body. */
const HEADLINE_REPEAT = 3;
const LETTER = /[\p{L}]/u;

export interface KeyTermSource {
  headline: string;
  summary?: string | null;
  /** Plain text. */
  body: string;
}

/**
 * At most `count` words, best first, written as the search index writes words (Simplified,
 * lower case, jieba's words), so each can be looked up there as it is. Numbers alone are left
 * out: a year or a count says nothing about the subject.
 */
export function keyTerms(source: KeyTermSource, script: Script, count = 8): string[] {
  const text = [
    ...Array.from({ length: HEADLINE_REPEAT }, () => source.headline),
    source.summary ?? '',
    source.body.slice(0, BODY_CHARS),
  ].join('\n');
  const simple = (script === 'zh-Hans' ? text : convertText(text, script, 'zh-Hans')).toLowerCase();
  extractor ??= TfIdf.withDict(idf);
  const words = extractor.extractKeywords(instanceForSearch(), simple, count * 2).map((k) => k.keyword);
  return [...new Set(words.filter((w) => LETTER.test(w)))].slice(0, count);
}
