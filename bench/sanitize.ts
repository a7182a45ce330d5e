/**
 * The worst article body the sanitiser accepts, and how long it takes to clean.
 *
 * For each shape (deepest nesting, unclosed tags, stray end tags, many attributes, deep lists,
 * links, entities …) the body is grown to the largest the limits accept (html-limits.ts), then
 * sanitised several rounds; the median is reported next to a plain body of the same length
 * (paragraphs of text) as a baseline. Also: how long refusing `<p>` + 100,000 `<b>` takes.
 *
 *   BENCH_ROUNDS=7 npm run bench -- sanitize
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sanitizeBody } from '../src/text/sanitize.ts';
import { checkHtmlLimits, HTML_LIMITS } from '../src/text/html-limits.ts';
import { median, repoRoot } from './support.ts';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 7);
const r2 = (x: number) => Math.round(x * 100) / 100;
const D = HTML_LIMITS.depth;

/** A body: what opens it, a unit repeated n times, what closes it. */
interface Shape {
  name: string;
  what: string;
  head?: string;
  unit: string;
  tail?: string;
}

const attrs = (n: number) => Array.from({ length: n }, (_, i) => `data-x${i}="${i}"`).join(' ');
const SHAPES: Shape[] = [
  { name: 'deepest-blocks', what: `blocks nested ${D} deep, again and again`, unit: `${'<blockquote>'.repeat(D - 1)}<p>深</p>${'</blockquote>'.repeat(D - 1)}` },
  { name: 'unclosed-at-max-depth', what: `${D - 1} unclosed <b>, then closed pairs under them`, head: '<b>'.repeat(D - 1), unit: '<i>字</i>' },
  { name: 'unclosed-stray-ends', what: `${D - 1} unclosed <b>, then end tags that close nothing`, head: '<b>'.repeat(D - 1), unit: '</i></u>' },
  { name: 'unclosed-paragraphs', what: '<p> without end tags (each closes the one before)', unit: '<p>段' },
  { name: 'many-attributes', what: `${HTML_LIMITS.attributesPerElement} attributes on every element`, unit: `<span ${attrs(HTML_LIMITS.attributesPerElement)}>x</span>` },
  { name: 'many-attributes-deep', what: `${HTML_LIMITS.attributesPerElement} attributes, nested ${D} deep`, unit: `${`<span ${attrs(HTML_LIMITS.attributesPerElement)}>`.repeat(D)}x${'</span>'.repeat(D)}` },
  { name: 'deep-lists', what: `lists nested ${D / 2} deep (ul and li)`, unit: `${'<ul><li>'.repeat(D / 2)}項${'</li></ul>'.repeat(D / 2)}` },
  { name: 'links', what: 'links with href and title (rewritten rel)', unit: '<a href="https://example.org/news/2026/12/01/article.html?x=1" title="連結">連結</a>' },
  { name: 'links-nested', what: `links nested ${D} deep`, unit: `${'<a href="https://example.org/a" title="t">'.repeat(D)}字${'</a>'.repeat(D)}` },
  { name: 'unclosed-list-items', what: '<li> without end tags (each closes the one before)', head: '<ul>', unit: '<li>項' },
  { name: 'foreign-content', what: `svg and math nested ${D} deep (dropped, parsed as foreign content)`, unit: `${'<svg><g>'.repeat(D / 2)}x${'</g></svg>'.repeat(D / 2)}` },
  { name: 'images', what: 'images, every other one with a refused source', unit: '<img src="https://example.org/a.jpg" alt="圖"><img src="javascript:alert(1)" alt="x">' },
  { name: 'entities', what: 'character references', unit: '&amp;&#x5b57;&lt;' },
  { name: 'bare-lt', what: 'a < that starts no tag', unit: '< ' },
  { name: 'dropped-tags', what: 'tags the sanitiser drops, with their content', unit: '<div class="x"><script>alert(1)</script><style>p{}</style>字</div>' },
  { name: 'comments', what: 'comments', unit: '<!--註-->字' },
  { name: 'long-attribute', what: 'one link with a very long address', head: '<a href="https://example.org/', unit: 'x', tail: '">x</a>' },
  { name: 'long-text', what: 'one paragraph of text', head: '<p>', unit: '吉林長春', tail: '</p>' },
];

const build = (s: Shape, n: number) => `${s.head ?? ''}${s.unit.repeat(n)}${s.tail ?? ''}`;
const accepted = (html: string) => {
  try {
    checkHtmlLimits(html);
    return true;
  } catch {
    return false;
  }
};

/** The most repetitions the limits accept (they only ever refuse more of the same). */
function largest(s: Shape): number {
  let lo = 0;
  let hi = 1;
  while (accepted(build(s, hi))) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (accepted(build(s, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Median milliseconds of `rounds` runs, after two unmeasured ones. */
function time(f: () => void): number {
  f();
  f();
  const xs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** Paragraphs of ordinary text (a few hundred characters each), exactly `length` long. */
function plainBody(length: number): string {
  const sentence = '延邊州今年冬季旅遊季開幕,長白山、延吉、琿春等地推出冰雪活動,吸引各地遊客前來觀光。';
  const para = `<p>${sentence.repeat(8)}</p>`;
  const whole = para.repeat(Math.floor(length / para.length));
  const rest = length - whole.length;
  return rest >= 7 ? `${whole}<p>${sentence.repeat(Math.ceil(rest / sentence.length)).slice(0, rest - 7)}</p>` : whole + ' '.repeat(rest);
}

// Warm the JIT on ordinary bodies first; that is start-up, not a request.
for (let i = 0; i < 20; i++) sanitizeBody(plainBody(50_000));

const rows = SHAPES.map((s) => {
  const n = largest(s);
  const html = build(s, n);
  const ms = time(() => sanitizeBody(html));
  const baseline = time(() => sanitizeBody(plainBody(html.length)));
  return { shape: s.name, what: s.what, length: html.length, sanitizeMs: r2(ms), plainSameLengthMs: r2(baseline), toPlain: r2(ms / baseline) };
}).sort((a, b) => b.sanitizeMs - a.sanitizeMs);

const pathological = `<p>${'<b>'.repeat(100_000)}x</p>`;
const refuseMs = time(() => {
  try {
    sanitizeBody(pathological);
  } catch {
    return;
  }
  throw new Error('the 100k-deep body was accepted');
});

const results = {
  limits: HTML_LIMITS,
  rounds,
  worstAccepted: rows[0],
  shapes: rows,
  refusal: { body: '<p> + 100,000 <b> + x</p>', length: pathological.length, refuseMs: r2(refuseMs) },
  note: 'median of rounds, in this process, after warm-up; the limits should keep every accepted shape well under 50 ms',
};
console.table(rows.map(({ what: _what, ...r }) => r));
console.log(JSON.stringify(results, null, 2));
mkdirSync(join(repoRoot, 'test-output', 'bench'), { recursive: true });
writeFileSync(join(repoRoot, 'test-output', 'bench', 'sanitize.json'), JSON.stringify(results, null, 2) + '\n');
