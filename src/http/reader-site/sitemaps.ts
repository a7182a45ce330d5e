import type { ReaderService, SiteFrame } from '../../services/reader-service.ts';
import { VARIANTS, targetOfVariant, type Variant } from '../../domain/variant.ts';
import { convertText } from '../../text/convert.ts';
// XML needs the same five escapes as HTML, so sitemaps use the same template.
import { html, joinHtml, type SafeHtml } from '../../text/safe-html.ts';

/** At most this many URLs in one sitemap file (the protocol's limit is 50,000). */
export const SITEMAP_URLS = 50_000;

/** The index: per variant, the channel pages and the article files (ids in ranges of 50,000). */
export async function sitemapIndex(reader: ReaderService, publicUrl: string): Promise<string> {
  const files: string[] = [];
  for (const v of VARIANTS) files.push(`${publicUrl}/sitemaps/${v}/pages.xml`);
  let after = 0;
  let n = 0;
  for (;;) {
    const page = await reader.sitemapPage(after, SITEMAP_URLS);
    if (page.length === 0) break;
    for (const v of VARIANTS) files.push(`${publicUrl}/sitemaps/${v}/articles-${n}.xml`);
    after = page[page.length - 1]!.id;
    n++;
    if (page.length < SITEMAP_URLS) break;
  }
  return String(html`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${joinHtml(files.map((f) => html`<sitemap><loc>${f}</loc></sitemap>`), '\n')}\n</sitemapindex>\n`);
}

/** Home, 滾動新聞 and channel pages of one variant (tag pages are reached from their articles). */
export function pagesSitemap(frame: SiteFrame, publicUrl: string, variant: Variant): string {
  const urls = ['/', '/articles', ...frame.channels.map((c) => `/channels/${c.slug}`)];
  return urlset(urls.map((u) => html`<url><loc>${`${publicUrl}/${variant}${u}`}</loc><changefreq>hourly</changefreq></url>`));
}

/** Articles of one variant, file `n` of the index (the nth run of 50,000 public articles by id). */
export async function articlesSitemap(reader: ReaderService, publicUrl: string, variant: Variant, n: number): Promise<string | null> {
  let after = 0;
  let page: Awaited<ReturnType<ReaderService['sitemapPage']>> = [];
  for (let i = 0; i <= n; i++) {
    page = await reader.sitemapPage(after, SITEMAP_URLS);
    if (page.length === 0) return null;
    after = page[page.length - 1]!.id;
  }
  return urlset(page.map((a) => html`<url><loc>${`${publicUrl}/${variant}/articles/${a.id}`}</loc><lastmod>${a.updatedAt}</lastmod></url>`));
}

/**
 * Google News: articles of the last two days, at most 1,000 URLs, in Simplified (zh-cn) and
 * Traditional (zh-tw); Hong Kong pages share zh-tw's words and are left to the plain sitemap.
 */
export async function newsSitemap(reader: ReaderService, frame: SiteFrame, publicUrl: string): Promise<string> {
  const recent = await reader.recent(48, 500);
  const entries: SafeHtml[] = [];
  for (const [variant, language] of [['zh-hans', 'zh-cn'], ['zh-hant', 'zh-tw']] as const) {
    const target = targetOfVariant(variant);
    const name = convertText(frame.settings.siteName, frame.settings.language, target, frame.terms);
    for (const a of recent) {
      entries.push(
        html`<url><loc>${`${publicUrl}/${variant}/articles/${a.id}`}</loc><news:news><news:publication><news:name>${name}</news:name><news:language>${language}</news:language></news:publication><news:publication_date>${a.publishedAt}</news:publication_date><news:title>${convertText(a.headline, a.language, target, frame.terms)}</news:title></news:news></url>`,
      );
    }
  }
  return String(html`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${joinHtml(entries, '\n')}\n</urlset>\n`);
}

function urlset(urls: SafeHtml[]): string {
  return String(html`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${joinHtml(urls, '\n')}\n</urlset>\n`);
}

export function robotsTxt(publicUrl: string): string {
  return `User-agent: *\nDisallow: /newsroom\nDisallow: /api/\nAllow: /api/content/v1/openapi.json\n\nSitemap: ${publicUrl}/sitemap.xml\nSitemap: ${publicUrl}/news-sitemap.xml\n`;
}
