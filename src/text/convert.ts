import * as OpenCC from 'opencc-js';
import type { Script, Target, Term } from './scripts.ts';
import { WordAwareConverter } from './word-aware-converter.ts';
import { wordBoundaries } from './segmenter.ts';
import { BUILTIN_WORD_TERMS, MEASURE_ZHI } from './builtin-terms.ts';
import { rebuildBodyHtml, rebuildBodyHtmlYielding, type BodyLead } from './body-html.ts';
import type { SafeHtml } from './safe-html.ts';

/**
 * Script conversion at phrase level with OpenCC's dictionaries, word-aware from Simplified (see
 * WordAwareConverter), with terms that always convert one way: Heitu's own fixes for classes
 * the converter still gets wrong, the site's dictionary, and an article's locked terms.
 * Traditional output uses Taiwan-standard characters (為, 群眾); zh-HK uses Hong Kong's.
 */
export type { Script, Target, Term };

type Convert = (s: string) => string;
const identity: Convert = (s) => s;
const converters = new Map<string, Convert>();

// Building a converter loads several dictionaries (~100 ms); do it once per direction, on first use.
function converter(from: Script, to: Target): Convert {
  if (from === to) return identity;
  const key = `${from}>${to}`;
  const cached = converters.get(key);
  if (cached) return cached;
  let c: Convert;
  if (from === 'zh-Hans') {
    const w = new WordAwareConverter(to === 'zh-HK' ? 's2hk' : 's2tw', wordBoundaries);
    c = (s) => w.convert(s);
  } else {
    c = to === 'zh-Hans' ? OpenCC.Converter({ from: 'tw', to: 'cn' }) : OpenCC.Converter({ from: 'tw', to: 'hk' });
  }
  converters.set(key, c);
  return c;
}

function sourceOf(term: Term, from: Script): string {
  return from === 'zh-Hans' ? term.hans : term.hant;
}

function targetOf(term: Term, to: Target): string {
  return to === 'zh-Hans' ? term.hans : to === 'zh-HK' ? (term.hk ?? term.hant) : term.hant;
}

interface Matcher {
  pattern: RegExp;
  replacement: Map<string, string>;
}
const matchers = new WeakMap<readonly Term[], Map<string, Matcher | null>>();

/** One regular expression per term list and direction, longest terms first. */
function matcherFor(terms: readonly Term[], from: Script, to: Target): Matcher | null {
  let byDirection = matchers.get(terms);
  if (!byDirection) matchers.set(terms, (byDirection = new Map()));
  const key = `${from}>${to}`;
  if (byDirection.has(key)) return byDirection.get(key)!;
  const replacement = new Map<string, string>();
  for (const t of terms) {
    const src = sourceOf(t, from);
    if (src && !replacement.has(src)) replacement.set(src, targetOf(t, to));
  }
  const sources = [...replacement.keys()].sort((a, b) => b.length - a.length);
  const m = sources.length ? { pattern: new RegExp(sources.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g'), replacement } : null;
  byDirection.set(key, m);
  return m;
}

function withTerms(text: string, from: Script, to: Target, terms: readonly Term[], convert: Convert, wordsOnly = false): string {
  const m = matcherFor(terms, from, to);
  if (!m) return convert(text);
  let out = '';
  let last = 0;
  let bounds: Set<number> | null = null;
  for (const hit of text.matchAll(m.pattern)) {
    if (wordsOnly) {
      bounds ??= wordBoundaries(text);
      if (!bounds.has(hit.index) || !bounds.has(hit.index + hit[0].length)) continue;
    }
    if (hit.index > last) out += convert(text.slice(last, hit.index));
    out += m.replacement.get(hit[0])!;
    last = hit.index + hit[0].length;
  }
  return out + (last < text.length ? convert(text.slice(last)) : '');
}

/** `terms` come first: the article's locked terms, then the site's dictionary (earlier entries win). */
export function convertText(text: string, from: Script, to: Target, terms: readonly Term[] = []): string {
  if (from === to) return text;
  const base = converter(from, to);
  // Heitu's own fixes: surname terms where they stand as words (only Simplified is segmented), the measure word 只.
  const fixed: Convert = from === 'zh-Hans' ? (piece) => withTerms(piece, from, to, BUILTIN_WORD_TERMS, base, true).replace(MEASURE_ZHI, '隻') : base;
  return withTerms(text, from, to, terms, fixed);
}

/**
 * Converts the text of body HTML and leaves markup alone (attribute values such as image URLs
 * and links are never rewritten). The HTML is rebuilt from its parsed tree, so the result is
 * SafeHtml whatever the terms say: see body-html.ts.
 */
export function convertHtml(html: string, from: Script, to: Target, terms: readonly Term[] = [], lead?: BodyLead): SafeHtml {
  return rebuildBodyHtml(html, from === to ? undefined : (text) => convertText(text, from, to, terms), lead);
}

/** convertHtml for pages rendered while serving readers: it gives the event loop back as it goes. */
export function convertHtmlYielding(html: string, from: Script, to: Target, terms: readonly Term[] = [], lead?: BodyLead): Promise<SafeHtml> {
  return rebuildBodyHtmlYielding(html, from === to ? undefined : (text) => convertText(text, from, to, terms), lead);
}
