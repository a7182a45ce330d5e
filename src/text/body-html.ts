import { Parser } from 'htmlparser2';
import { performance } from 'node:perf_hooks';
import { escapeHtml, trustedHtml, type SafeHtml } from './safe-html.ts';

/**
 * The article body's HTML, as stored (sanitised on every write) and as sent (rebuilt here on
 * every render). The same allowlist drives both, so what a reader's browser receives has only
 * these elements and attributes even if a row were changed behind the application's back.
 */
export const BODY_TAGS = ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'br',
  'figure', 'figcaption', 'img', 'span', 'cite', 'small', 'sub', 'sup'] as const;
export const BODY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title', 'rel'],
  // A picture from the media library is named by its id; the page renders it from the library.
  img: ['src', 'alt', 'width', 'height', 'data-media-id'],
  span: ['class'],
};
/** Classes an editor may set (the lead's `dateline` span is the renderer's own, never parsed). */
export const BODY_CLASSES: Readonly<Record<string, readonly string[]>> = { span: ['credit', 'caption'] };
export const BODY_SCHEMES = ['http', 'https', 'mailto'] as const;
export const BODY_SCHEMES_BY_TAG: Readonly<Record<string, readonly string[]>> = { img: ['http', 'https'] };

const TAGS = new Set<string>(BODY_TAGS);
const VOID = new Set(['br', 'img']);
// Elements whose content is not text a reader should see: dropped with everything inside.
const DROP_WITH_CONTENT = new Set(['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'title', 'head']);

/** True when a URL is relative (not protocol-relative) or has an allowed scheme. */
export function allowedUrl(tag: string, url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`).
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (compact.startsWith('//') || compact.startsWith('\\\\') || compact.startsWith('/\\')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (!scheme) return !/^[^/?#]*:/.test(compact);
  return (BODY_SCHEMES_BY_TAG[tag] ?? BODY_SCHEMES).includes(scheme[1]!.toLowerCase());
}

export interface BodyLead {
  /** Plain text, e.g. `黑土网长春11月28日电：`; it is escaped like any other text. */
  text: string;
  /** `span`: in `<span class="dateline">` (pages); `text`: as the paragraph's first words (feeds, ninjs). */
  as: 'span' | 'text';
}

/** A media library id as a body names it: digits only, so it can never carry anything else. */
export const MEDIA_ID = /^[1-9]\d{0,11}$/;

/**
 * Renders a library picture the body names (`<img data-media-id="12">`): the page's `<figure>`,
 * or null when the picture must not be shown (missing, taken down), and the image is then left
 * out. `alt` is the body's own alt text, already converted into the reader's script.
 */
export type BodyPicture = (id: number, alt: string | null) => SafeHtml | null;

/**
 * Markup already rebuilt from the allowlist, a run of text still to convert and escape, or a
 * library picture still to render.
 */
type Piece = string | { text: string } | { mediaId: number; alt: string | null };

/** Text is converted between slices of this much work, so a long body never holds the event loop. */
const SLICE_MS = 4;
const CHUNK = 16_384;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Parses body HTML into rebuilt markup and text runs: elements and attributes from the allowlist
 * only. The parser is fed a chunk per step of `feed`, so a caller can stop early or yield between.
 */
function parseBody(html: string, lead: BodyLead | undefined, withPictures = false): { pieces: Piece[]; feed: Generator<void> } {
  const pieces: Piece[] = [];
  let text = '';
  let skipDepth = 0;
  let leadPending = lead && lead.text ? lead : null;
  let seenElement = false;
  /** Elements open now, as rebuilt (a picture in a paragraph is lifted out of it). */
  const open: string[] = [];
  const flush = () => {
    if (text) pieces.push({ text });
    text = '';
  };
  /** Where the paragraph reopened after a lifted picture starts (its end is dropped if it stays empty). */
  let reopenedAt = -1;
  /** Ends the paragraph a picture interrupts, or takes it back out if the picture came first in it. */
  const closeParagraph = () => {
    const last = pieces[pieces.length - 1];
    if (typeof last === 'string' && /^<p[\s>]/.test(last)) pieces.pop();
    else pieces.push('</p>');
  };
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipDepth > 0) {
          skipDepth++;
          return;
        }
        const mediaId = name === 'img' ? attribs['data-media-id'] : undefined;
        if (withPictures && mediaId !== undefined && MEDIA_ID.test(mediaId)) {
          // Before the lead is placed: a picture above the first paragraph leaves the dateline where it belongs.
          flush();
          // A figure cannot sit in a paragraph (browsers close it, leaving an empty one behind):
          // one written inside a top-level paragraph splits it, and an empty half is left out.
          const inParagraph = open.length === 1 && open[0] === 'p';
          if (inParagraph) closeParagraph();
          pieces.push({ mediaId: Number(mediaId), alt: attribs['alt'] ?? null });
          if (inParagraph) {
            pieces.push('<p>');
            reopenedAt = pieces.length - 1;
          }
          return;
        }
        const first = !seenElement && text.trim() === '';
        seenElement = true;
        if (DROP_WITH_CONTENT.has(name)) {
          flush();
          skipDepth = 1;
          return;
        }
        if (!TAGS.has(name)) return;
        let attrs = '';
        const allowed = BODY_ATTRIBUTES[name] ?? [];
        for (const key of allowed) {
          const value = attribs[key];
          if (value === undefined) continue;
          if ((key === 'href' || key === 'src') && !allowedUrl(name, value)) continue;
          if (key === 'data-media-id' && !MEDIA_ID.test(value)) continue;
          if (key === 'class') {
            const classes = value.split(/\s+/).filter((c) => BODY_CLASSES[name]?.includes(c));
            if (classes.length) attrs += ` class="${escapeHtml(classes.join(' '))}"`;
            continue;
          }
          attrs += ` ${key}="${escapeHtml(value)}"`;
        }
        // An image without an allowed source is an empty box; a library picture keeps its id for
        // whoever renders it (pages render it; a body sent elsewhere still says what it was).
        if (name === 'img' && !/ (?:src|data-media-id)="/.test(attrs)) return;
        flush();
        pieces.push(`<${name}${attrs}>`);
        if (!VOID.has(name)) open.push(name);
        if (leadPending && first && name === 'p') {
          if (leadPending.as === 'span') pieces.push('<span class="dateline">', { text: leadPending.text }, '</span>');
          else pieces.push({ text: leadPending.text });
        }
        leadPending = null;
      },
      ontext(data) {
        if (skipDepth === 0) text += data;
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (!TAGS.has(name) || VOID.has(name)) return;
        flush();
        open.pop();
        if (name === 'p' && reopenedAt === pieces.length - 1) {
          pieces.pop();
          reopenedAt = -1;
        } else pieces.push(`</${name}>`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  function* feed(): Generator<void> {
    for (let at = 0; at < html.length; at += CHUNK) {
      parser.write(html.slice(at, at + CHUNK));
      yield;
    }
    parser.end();
    flush();
  }
  return { pieces, feed: feed() };
}

/**
 * Rebuilds body HTML from its parsed tree: elements and attributes from the allowlist only, every
 * text node passed through `convert` (script conversion) and escaped. Conversion therefore sees
 * text, never markup: no dictionary entry or locked term can add an element or an attribute.
 * A lead, when given, opens the first paragraph.
 */
export function rebuildBodyHtml(html: string, convert: (text: string) => string = (t) => t, lead?: BodyLead, pictures?: BodyPicture): SafeHtml {
  const { pieces, feed } = parseBody(html, lead, !!pictures);
  for (const _ of feed);
  let out = '';
  for (const p of pieces) out += render(p, convert, pictures);
  return trustedHtml(out);
}

/** One piece as output: markup as rebuilt, text converted and escaped, a picture as its renderer made it (SafeHtml). */
function render(p: Piece, convert: (text: string) => string, pictures: BodyPicture | undefined): string {
  if (typeof p === 'string') return p;
  if ('text' in p) return escapeHtml(convert(p.text));
  return String(pictures?.(p.mediaId, p.alt === null ? null : convert(p.alt)) ?? '');
}

/**
 * The same, giving the event loop back every few milliseconds of parsing or conversion: a long
 * body rendered in another script (conversion is the costly part) must not keep every other
 * reader waiting.
 */
export async function rebuildBodyHtmlYielding(html: string, convert: (text: string) => string = (t) => t, lead?: BodyLead, pictures?: BodyPicture): Promise<SafeHtml> {
  const { pieces, feed } = parseBody(html, lead, !!pictures);
  let slice = performance.now();
  const pause = async () => {
    if (performance.now() - slice < SLICE_MS) return;
    await yieldToLoop();
    slice = performance.now();
  };
  for (const _ of feed) await pause();
  let out = '';
  for (const p of pieces) {
    out += render(p, convert, pictures);
    await pause();
  }
  return trustedHtml(out);
}

/** The first `max` characters of a body's text (for descriptions), without reading all of it. */
export function leadingText(html: string, max: number): string {
  const { pieces, feed } = parseBody(html, undefined);
  const textOf = () => pieces.map((p) => (typeof p === 'string' || !('text' in p) ? '' : p.text)).join('');
  for (const _ of feed) if (textOf().length >= max) break;
  return textOf().slice(0, max);
}
