import type { Term } from './scripts.ts';

/**
 * Heitu's maintained fixes for conversions the word-aware converter still gets wrong, by class.
 * The regression set (regression/news-sentences.json) checks them.
 */

// Surnames that OpenCC reads as the common word: 余 (not 餘), 钟 (鍾, not 鐘), 范 (not 範), 朴 (not 樸).
const SURNAMES: Array<[string, string]> = [['余', '余'], ['钟', '鍾'], ['范', '范'], ['朴', '朴']];
// Titles after a surname, as in 余老师 or 钟师傅, in both scripts.
const TITLES: Array<[string, string]> = [
  ['老师', '老師'], ['先生', '先生'], ['女士', '女士'], ['师傅', '師傅'], ['医生', '醫生'], ['教授', '教授'],
  ['书记', '書記'], ['主任', '主任'], ['经理', '經理'], ['同学', '同學'], ['警官', '警官'], ['大爷', '大爺'],
  ['阿姨', '阿姨'], ['村长', '村長'], ['队长', '隊長'], ['院长', '院長'], ['校长', '校長'], ['律师', '律師'],
  ['记者', '記者'], ['法官', '法官'], ['老人', '老人'], ['大姐', '大姐'], ['大哥', '大哥'],
];

/**
 * Terms that apply only where they stand as words (their ends on jieba word boundaries), so that
 * 其余老师 (the other teachers) keeps 其餘 while 余老师 (Teacher Yu) becomes 余老師.
 */
export const BUILTIN_WORD_TERMS: readonly Term[] = [
  ...SURNAMES.flatMap(([s, t]) => [
    ...TITLES.map(([hans, hant]) => ({ hans: s + hans, hant: t + hant })),
    { hans: `姓${s}`, hant: `姓${t}` },
  ]),
];

/**
 * 只 as a measure word after a number (上千只候鸟 → 上千隻候鳥): OpenCC knows 一只…十只 and 百只 but
 * not every numeral before it. Applied to Traditional output; 只 followed by a verb or adverb
 * (只是, 只有, 只能 …) is "only" and stays.
 */
export const MEASURE_ZHI = /(?<=[一二兩两三四五六七八九十百千萬万幾几數数多上])只(?=\p{Script=Han})(?![是有能要好得會在剩不夠管需用因為許])/gu;
