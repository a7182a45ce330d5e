import { VARIANTS, type Variant } from '../../domain/variant.ts';

const SLUG = '[a-z0-9-]{1,60}';
const FEED = '(?:feed\\.xml|atom\\.xml|feed\\.json)';
/** Free text a page reads from its query (a search, a name to verify); anything without control characters. */
const TEXT = /^[^\p{Cc}]{0,500}$/u;

/**
 * The reader site's pages, without their variant, and the query parameters each one reads. These
 * are the routes of reader-routes.ts; a page missing here only means a redirect goes to the home
 * page instead, never somewhere the site does not serve.
 */
const PAGES: ReadonlyArray<{ path: RegExp; query: Readonly<Record<string, RegExp>> }> = [
  { path: /^\/$/, query: {} },
  { path: /^\/articles\/[1-9]\d{0,15}$/, query: {} },
  { path: new RegExp(`^/channels/${SLUG}$`), query: { page: /^[1-9]\d{0,5}$/ } },
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
  const path = url.pathname.replace(VARIANT_PREFIX, '') || '/';
  const page = PAGES.find((p) => p.path.test(path));
  if (!page) return null;
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
