import type { Hono, Context } from 'hono';
import type { ReaderService } from '../../services/reader-service.ts';
import type { Article } from '../../domain/article.ts';
import type { ArticleFurniture } from '../../services/reader-furniture.ts';
import { convertName, nameScript } from '../../text/convert-name.ts';
import { targetOfVariant, type Variant } from '../../domain/variant.ts';
import { encodePage, type CachedPage } from '../page-cache.ts';
import { renderContext } from './render-context.ts';
import { allArticlesPage, pagePath, tagPage, tagPath } from './list-pages.ts';
import { decodeTag } from './reader-paths.ts';
import { qrSvg, QR_CONTENT_TYPE } from './qr-code.ts';
import { READER_JS } from './reader-script.ts';

const HTML = 'text/html; charset=utf-8';
const PAGE_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300';
/** A QR code never changes for its URL; only whether the article is public does, and the cache follows that. */
const QR_CACHE_CONTROL = 'public, max-age=86400';
const PAGE_NUMBER = /^[1-9]\d{0,5}$/;

/**
 * The cache tags of what an article page shows besides the story: each article it links as
 * neighbour or related (withdrawn or edited, the link must go or change), and its first channel
 * only while it is that channel's newest story, the one page a new story there gives a 下一篇.
 * Tagging every page with its channel would drop a whole channel's pages on each publication.
 * A story published with a time earlier than the channel's newest (a back-dated one) is missed by
 * its new neighbours until they change or leave the cache.
 */
export function furnitureTags(article: Pick<Article, 'channels'>, f: ArticleFurniture): string[] {
  const linked = [f.previous, f.next, ...f.related].flatMap((x) => (x ? [`a:${x.id}`] : []));
  const newest = !f.next && article.channels[0] ? [`c:${article.channels[0]}`] : [];
  return [...new Set([...newest, ...linked])];
}

export interface FurnitureRouteDeps {
  reader: ReaderService;
  publicUrl: string;
  cached(key: string, tags: string[], render: () => Promise<CachedPage | null>): Promise<CachedPage | null>;
  send(c: Context, page: CachedPage): Response;
  notFound(c: Context, variant: Variant | null): Promise<Response>;
  /** Sends a path without a variant to the reader's. */
  negotiated(c: Context): Promise<Response>;
}

/** The page number of `?page=`, 1 without one; NaN for anything else (a 404, never a 500). */
function pageNumber(c: Context): number {
  const raw = c.req.query('page') ?? '1';
  return PAGE_NUMBER.test(raw) ? Number(raw) : NaN;
}

/** 滾動新聞, tag pages, an article's QR code, and the reader script. */
export function mountFurnitureRoutes(app: Hono, variantPattern: string, deps: FurnitureRouteDeps): void {
  const { reader, publicUrl, cached, send, notFound } = deps;
  const js = encodePage(200, 'text/javascript; charset=utf-8', READER_JS, 'public, max-age=86400');
  app.get('/assets/reader.js', (c) => send(c, js));

  app.get(`/:variant${variantPattern}/articles`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const pageNo = pageNumber(c);
    if (Number.isNaN(pageNo)) return notFound(c, variant);
    // Every article change drops 'home' (content-watch.ts): any of them can move this list.
    const page = await cached(pagePath(`/${variant}/articles`, pageNo), ['home'], async () => {
      const data = await reader.allArticles(pageNo);
      return data ? encodePage(200, HTML, allArticlesPage(renderContext(data, variant, publicUrl), data), PAGE_CACHE_CONTROL) : null;
    });
    return page ? send(c, page) : notFound(c, variant);
  });

  app.get(`/:variant${variantPattern}/tags/:tag`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    // The raw segment, decoded here: Hono hands on a malformed one undecoded, indistinguishable from a tag.
    const asked = decodeTag(new URL(c.req.url).pathname.split('/')[3] ?? '');
    const pageNo = pageNumber(c);
    if (asked === null || Number.isNaN(pageNo)) return notFound(c, variant);
    // Every spelling of a tag (社區, 社区, and each mix of the two) shows one page, made and kept
    // once under the tag as the reader's script writes it: a tag of k convertible characters has
    // 2^k spellings, which must not each take a place in the cache.
    // Converted as names are, by its own script (a mix of both comes out whole in the reader's).
    const target = targetOfVariant(variant);
    const tag = convertName(asked, 'zh-Hans', target);
    // Kept under the path a browser asks for (UTF-8, percent-encoded), where the fast path finds it.
    const key = pagePath(`/${variant}${tagPath(tag)}`, pageNo);
    // Every article change drops 'search' too: a tag can be added to or taken from any article.
    const page = await cached(key, ['search'], async () => {
      const data = await reader.tagged(tag, pageNo);
      return data ? encodePage(200, HTML, tagPage(renderContext(data, variant, publicUrl), data, tag, nameScript(tag, 'zh-Hans', target)), PAGE_CACHE_CONTROL) : null;
    });
    return page ? send(c, page) : notFound(c, variant);
  });

  app.get(`/:variant${variantPattern}/articles/:id/qr.svg`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const raw = c.req.param('id');
    const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id)) return notFound(c, variant);
    // Only for a public article, and gone with it: a draft's address is nobody's to share.
    const page = await cached(c.req.path, [`a:${id}`], async () => {
      if (!(await reader.article(id))) return null;
      return encodePage(200, QR_CONTENT_TYPE, await qrSvg(`${publicUrl}/${variant}/articles/${id}`), QR_CACHE_CONTROL);
    });
    return page ? send(c, page) : notFound(c, variant);
  });

  app.get('/articles', (c) => deps.negotiated(c));
  app.get('/tags/:tag', (c) => deps.negotiated(c));
}
