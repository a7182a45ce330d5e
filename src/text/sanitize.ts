import sanitizeHtml from 'sanitize-html';
import { checkHtmlLimits } from './html-limits.ts';

/**
 * The article body HTML we accept: paragraphs, sub-headings, quotes, lists, links, and images
 * with caption and credit. Everything else (scripts, styles, event handlers, foreign classes)
 * is dropped before anything is stored.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'a', 'br',
    'figure', 'figcaption', 'img', 'span', 'cite', 'small', 'sub', 'sup'],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    span: ['class'],
  },
  allowedClasses: { span: ['credit', 'caption'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener nofollow' } }),
  },
};

/**
 * An image whose source was refused is an empty box; it is dropped from the output. (Not with an
 * exclusiveFilter: that cuts the output string at every such image, which is quadratic, and a
 * thousand of them after a long text took seconds.) In sanitize-html's output no attribute
 * value holds `>` or `"`, so the pattern cannot be fooled by one.
 */
const IMAGE_WITHOUT_SOURCE = /<img(?![^>]*\ssrc=")[^>]*>/g;

/** Throws HTML_TOO_LARGE or HTML_TOO_DEEP for bodies over what it can clean quickly (see html-limits.ts). */
export function sanitizeBody(html: string): string {
  checkHtmlLimits(html);
  return sanitizeHtml(html, options).replace(IMAGE_WITHOUT_SOURCE, '').trim();
}

/** Plain text paragraphs (one per line or blank-line block) to body HTML. */
export function paragraphsToHtml(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join('\n');
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The text of an HTML fragment (for summaries and lengths), entities decoded. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
