import type { Term } from './convert.ts';

/**
 * Heitu's maintained fixes for conversions the word-aware converter still gets wrong, each with
 * the sentence class it fixes. The regression set (regression/news-sentences.json) checks them.
 */
export const BUILTIN_TERMS: readonly Term[] = [];
