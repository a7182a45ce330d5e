import sanitizeHtml from 'sanitize-html';
import { checkHtmlLimits } from './html-limits.ts';
import { html } from './safe-html.ts';
import { BODY_ATTRIBUTES, BODY_CLASSES, BODY_SCHEMES, BODY_SCHEMES_BY_TAG, BODY_TAGS, MEDIA_ID } from './body-html.ts';

/**
 * The article body HTML we accept (body-html.ts's allowlist, which the renderer applies again):
 * paragraphs, sub-headings, quotes, lists, links, and images with caption and credit. Everything
 * else (scripts, styles, event handlers, foreign classes) is dropped before anything is stored.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: [...BODY_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(BODY_ATTRIBUTES).map(([tag, attrs]) => [tag, [...attrs]])),
  allowedClasses: Object.fromEntries(Object.entries(BODY_CLASSES).map(([tag, classes]) => [tag, [...classes]])),
  allowedSchemes: [...BODY_SCHEMES],
  allowedSchemesByTag: Object.fromEntries(Object.entries(BODY_SCHEMES_BY_TAG).map(([tag, schemes]) => [tag, [...schemes]])),
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener nofollow' } }),
    // A library id is digits or nothing: the renderer looks it up, and nothing else may ride in it.
    img: (tagName, attribs) => ({ tagName, attribs: Object.fromEntries(Object.entries(attribs).filter(([k, v]) => k !== 'data-media-id' || MEDIA_ID.test(v))) }),
  },
};

/**
 * An image whose source was refused is an empty box; it is dropped from the output (a library
 * picture, named by its id, has no source of its own and stays). (Not with an
 * exclusiveFilter: that cuts the output string at every such image, which is quadratic, and a
 * thousand of them after a long text took seconds.) In sanitize-html's output no attribute
 * value holds `>` or `"`, so the pattern cannot be fooled by one.
 */
const IMAGE_WITHOUT_SOURCE = /<img(?![^>]*\s(?:src|data-media-id)=")[^>]*>/g;

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
    .map((p) => String(html`<p>${p}</p>`))
    .join('\n');
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
