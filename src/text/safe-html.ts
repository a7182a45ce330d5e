/**
 * HTML that is safe to send, by construction. Every page, feed body and exported body is built
 * with the `html` tagged template, which escapes every interpolated value unless it already is
 * SafeHtml. A SafeHtml can only come from `html`, from `jsonScript`, or from `trustedHtml`, the
 * one visible exception, which only the article-body renderer uses (on a tree it rebuilt itself).
 * Forgetting to escape a new field is therefore not possible: a string interpolated anywhere is
 * text.
 */
const MINT = Symbol('SafeHtml');
let create: (value: string) => SafeHtml;

export class SafeHtml {
  readonly #value: string;
  // The token keeps the constructor closed at run time too, not only to the type checker.
  private constructor(token: symbol, value: string) {
    if (token !== MINT) throw new TypeError('SafeHtml comes from html``, jsonScript or trustedHtml');
    this.#value = value;
  }
  static {
    create = (value) => new SafeHtml(MINT, value);
  }
  toString(): string {
    return this.#value;
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The five markup characters, and what no HTML or XML document may hold: C0 controls other than
 * tab, LF and CR, U+FFFE/U+FFFF and lone surrogates (dropped, so a stray one in old data cannot
 * make a feed or sitemap unreadable).
 */
const UNSAFE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(UNSAFE, (c) => ESCAPES[c] ?? '');
}

function render(v: HtmlValue): string {
  if (v instanceof SafeHtml) return v.toString();
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) {
    let out = '';
    for (const x of v as readonly HtmlValue[]) out += render(x);
    return out;
  }
  return escapeHtml(String(v));
}

/** The template every HTML output is written with; `${value}` is text unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return create(out);
}

/** Joins pieces with a separator that is itself SafeHtml (or text, escaped). */
export function joinHtml(parts: readonly HtmlValue[], separator: HtmlValue): SafeHtml {
  return create(parts.map(render).join(render(separator)));
}

/**
 * JSON in a script data block (JSON-LD, boot data). `<`, `>` and `&` are written as \u escapes,
 * so no string in the data can end the element or start a comment; U+2028/9 for old parsers.
 */
export function jsonScript(type: 'application/ld+json' | 'application/json', data: unknown, id?: string): SafeHtml {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return create(`<script${id ? ` id="${escapeHtml(id)}"` : ''} type="${type}">${json}</script>`);
}

/**
 * The unescaped path, and the only one: for HTML that was rebuilt element by element from an
 * allowlist (see body-html.ts). Anything else must go through `html`. A test lists every caller.
 */
export function trustedHtml(rebuilt: string): SafeHtml {
  return create(rebuilt);
}
