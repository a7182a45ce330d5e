import { VARIANTS, type Variant } from '../../domain/variant.ts';

const SLUG = '[a-z0-9-]{1,60}';
const FEED = '(?:feed\\.xml|atom\\.xml|feed\\.json)';
/** Free text a page reads from its query (a search, a name to verify); anything without control characters. */
const TEXT = /^[^\p{Cc}]{0,500}$/u;
const PAGE = /^[1-9]\d{0,5}$/;
/** Tags are at most 40 characters (domain/article.ts); each is at most 12 characters percent-encoded. */
const MAX_TAG = 40;

/**
 * A tag from its path segment (percent-encoded UTF-8), or null: malformed or overlong encoding,
 * too long, control characters, space around it (tags are stored trimmed, so none has it), or a
 * name a path cannot hold.
 */
export function decodeTag(segment: string): string | null {
  if (segment.length === 0 || segment.length > MAX_TAG * 12) return null;
  let tag: string;
  try {
    tag = decodeURIComponent(segment);
  } catch {
    return null;
  }
  if (tag.length === 0 || tag.length > MAX_TAG || tag.trim() !== tag || /\p{Cc}/u.test(tag)) return null;
  // URLs resolve . and .. (also written %2E) as steps up the path: no page can be named so.
  if (tag === '.' || tag === '..') return null;
  return tag;
}

/**
 * The reader site's pages, without their variant, and the query parameters each one reads. These
 * are the routes of reader-routes.ts; a page missing here only means a redirect goes to the home
 * page instead, never somewhere the site does not serve.
 */
const PAGES: ReadonlyArray<{ path: RegExp; query: Readonly<Record<string, RegExp>>; canonical?: (path: string) => string | null }> = [
  { path: /^\/$/, query: {} },
  { path: /^\/articles$/, query: { page: PAGE } },
  { path: /^\/articles\/[1-9]\d{0,15}$/, query: {} },
  // A tag is written afresh from what it decodes to, so every way of encoding one tag is one URL.
  { path: /^\/tags\/[^/]+$/, query: { page: PAGE }, canonical: (path) => {
    const tag = decodeTag(path.slice('/tags/'.length));
    return tag === null ? null : `/tags/${encodeURIComponent(tag)}`;
  } },
  { path: new RegExp(`^/channels/${SLUG}$`), query: { page: PAGE } },
  { path: new RegExp(`^/topics/${SLUG}$`), query: {} },
  { path: /^\/search$/, query: { q: TEXT, channel: TEXT, region: TEXT, from: TEXT, to: TEXT, page: /^[1-9]\d{0,3}$/ } },
  { path: /^\/licensees\/verify$/, query: { q: TEXT } },
  { path: /^\/rights\/claims\/new$/, query: { article: TEXT } },
  { path: /^\/tips\/new$/, query: {} },
  { path: new RegExp(`^(?:/channels/${SLUG})?/${FEED}$`), query: {} },
];

const BASE = 'http://reader.invalid';
const VARIANT_PREFIX = new RegExp(`^/(?:${VARIANTS.join('|')})(?=/|$)`);

/**
 * The page `target` names on this site, in `variant`: rebuilt from the parts that match one of
 * the site's pages (its path and the query parameters that page reads, encoded afresh), or null.
 * The target may carry any variant or none. Nothing of the raw input reaches the result unless it
 * matched, so it can go into a Location header as it is.
 */
export function sitePath(target: string, variant: Variant): string | null {
  // Control characters and white space are never part of a link the site made; the URL parser
  // would drop some of them silently, so they are refused before it sees them.
  if (target.length > 2000 || !target.startsWith('/') || /[\p{Cc}\s\\]/u.test(target)) return null;
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const given = url.pathname.replace(VARIANT_PREFIX, '') || '/';
  const page = PAGES.find((p) => p.path.test(given));
  if (!page) return null;
  const path = page.canonical ? page.canonical(given) : given;
  if (path === null) return null;
  const query = new URLSearchParams();
  for (const [key, value] of url.searchParams) {
    const allowed = Object.hasOwn(page.query, key) ? page.query[key] : undefined;
    if (allowed?.test(value) && !query.has(key)) query.set(key, value);
  }
  const search = query.toString();
  return `/${variant}${path}${search ? `?${search}` : ''}`;
}

/** Where a redirect goes when its target is not one of the site's pages. */
export const homeOf = (variant: Variant): string => `/${variant}/`;
