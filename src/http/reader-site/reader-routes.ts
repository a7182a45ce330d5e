import type { Hono, Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ReaderService, SiteFrame } from '../../services/reader-service.ts';
import { isVariant, variantOfScript, VARIANTS, type Variant } from '../../domain/variant.ts';
import { renderContext } from './render-context.ts';
import { articlePage, articleBody } from './article-page.ts';
import { homePage, topicPage } from './home-page.ts';
import { channelPage } from './channel-page.ts';
import { mostReadTag } from './most-read.ts';
import { furnitureTags, mountFurnitureRoutes } from './furniture-routes.ts';
import { errorPage, bareErrorPage } from './error-page.ts';
import { SITE_CSS } from './site.css.ts';
import { encodePage, notModifiedHeaders, type CachedPage, type PageCache } from '../page-cache.ts';
import { sitePath, homeOf } from './reader-paths.ts';
import { variantFromAcceptLanguage } from '../accept-language.ts';
import { searchPage } from './search-page.ts';
import { LABELS } from './labels.ts';
import type { SearchService } from '../../services/search-service.ts';
import type { RightsService } from '../../services/rights-service.ts';
import { verifyPage } from './verify-page.ts';
import { renderFeed, FEED_TYPES, type FeedFormat } from './feeds.ts';
import { sitemapIndex, pagesSitemap, articlesSitemap, newsSitemap, robotsTxt } from './sitemaps.ts';
import { claimFormPage, claimThanksPage, type ClaimFormValues } from './claim-page.ts';
import { tipFormPage, tipThanksPage } from './tip-page.ts';
import type { TipsService } from '../../services/tips-service.ts';
import type { ClaimsService } from '../../services/claims-service.ts';
import { readForm } from '../form-input.ts';
import { refusalPage } from './refusal-page.ts';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, statusOf } from '../error-mapper.ts';
import { RateLimiter } from '../rate-limit.ts';
import { ipOf } from '../api-registry.ts';
import { isDomainError, type DomainError } from '../../domain/errors.ts';
import { convertText } from '../../text/convert.ts';
import { targetOfVariant } from '../../domain/variant.ts';
import type { MediaService } from '../../services/media-service.ts';
import { mountSiteIcons } from './site-icons.ts';
import { feedXsl, FEED_XSL_PATH } from './feed-xsl.ts';

const HTML = 'text/html; charset=utf-8';
const PAGE_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300';
/** The reader's remembered script. */
export const VARIANT_COOKIE = 'heitu_variant';
const VARIANT_PATTERN = '{zh-h(?:ans|ant|k)}'; // VARIANTS; an alternation without a group would split Hono's whole route pattern

export function send(c: Context, page: CachedPage): Response {
  if (page.status === 200 && c.req.header('if-none-match') === page.etag) {
    return c.body(null, 304, notModifiedHeaders(page));
  }
  // Page bodies are Buffers made by Buffer.from, never over shared memory.
  return c.body(page.body as Uint8Array<ArrayBuffer>, page.status as 200, page.headers);
}

/** Responses already marked as depending on the reader's cookie and languages. */
const variesByReader = new WeakSet<Context>();

/**
 * The variant for a request without one in its path: the reader's remembered choice, else their
 * browser's, else the site's. Whatever is answered from it differs per reader, so the response
 * says so in Vary here, where the headers are read, and no route can forget it.
 */
export function chosenVariant(c: Context, frame: SiteFrame): Variant {
  if (!variesByReader.has(c)) {
    variesByReader.add(c);
    c.header('vary', 'Accept-Language, Cookie', { append: true });
  }
  const remembered = getCookie(c, VARIANT_COOKIE);
  if (remembered && isVariant(remembered)) return remembered;
  return variantFromAcceptLanguage(c.req.header('accept-language'), frame.settings.defaultScript);
}

/** The forms that take files: only their multipart bodies may be larger than any other (request-guard.ts). */
export const FILE_FORMS = new RegExp(`^/(?:${VARIANTS.join('|')})/(?:tips/new|rights/claims/new)$`);

/** Input refused (too large, control characters, unreadable): a page in the reader's script. */
export function readerRefusal(reader: ReaderService, publicUrl: string): (c: Context, e: DomainError) => Promise<Response> {
  return async (c, e) => {
    const frame = await reader.frame();
    const first = c.req.path.split('/')[1] ?? '';
    const variant = isVariant(first) ? first : chosenVariant(c, frame);
    const back = c.req.method === 'POST' && FILE_FORMS.test(c.req.path) ? c.req.path : null;
    return c.html(refusalPage(renderContext(frame, variant, publicUrl), e.code, c.req.path, back), statusOf(e) as 400, { 'cache-control': 'no-store' });
  };
}

/**
 * The public reader site: home, channel and article pages in every script variant, each at a
 * stable URL. Paths without a variant redirect to the reader's. It also answers what no other
 * route did, with a 404 page in the reader's script.
 */
export interface ReaderSiteServices {
  search: SearchService;
  rights: RightsService;
  claims: ClaimsService;
  tips: TipsService;
  /** The site's icons are made from a library picture. */
  media: MediaService;
}

export function mountReaderSite(app: Hono, reader: ReaderService, cache: PageCache, publicUrl: string, services: ReaderSiteServices): void {
  const { search, rights, claims, tips } = services;
  const refuse = readerRefusal(reader, publicUrl);
  const tipLimiter = new RateLimiter(5 / 600, 5);
  // Public forms: five claims per address in ten minutes.
  const claimLimiter = new RateLimiter(5 / 600, 5);
  // Verification: a person checks a few names; a script trying many is slowed down.
  const verifyLimiter = new RateLimiter(1, 30);
  /** Pages sent but not kept: rendered without something they show (see ArticleFurniture.complete). */
  const unkept = new WeakSet<CachedPage>();
  /**
   * Renders on a miss and keeps the bytes; `key` is the canonical path the page lives at. A
   * render may add to `tags` what it found the page shows.
   */
  async function cached(key: string, tags: string[], render: () => Promise<CachedPage | null>): Promise<CachedPage | null> {
    const hit = cache.get(key);
    if (hit) return hit;
    const page = await render();
    if (page && !unkept.has(page)) cache.set(key, page, tags);
    return page;
  }

  async function notFound(c: Context, variant: Variant | null): Promise<Response> {
    const frame = await reader.frame();
    const v = variant ?? chosenVariant(c, frame);
    const path = c.req.path.replace(new RegExp(`^/(${VARIANTS.join('|')})(?=/|$)`), '') || '/';
    return send(c, encodePage(404, HTML, errorPage(renderContext(frame, v, publicUrl), 404, path), 'no-store'));
  }

  const home = async (c: Context, variant: Variant) => {
    const page = await cached(c.req.path, ['home', 'topics', mostReadTag(null)], async () => {
      const data = await reader.home();
      return encodePage(200, HTML, homePage(renderContext(data, variant, publicUrl), data), PAGE_CACHE_CONTROL);
    });
    return send(c, page!);
  };

  const article = async (c: Context, variant: Variant) => {
    const raw = c.req.param('id') ?? '';
    const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(id)) return notFound(c, variant);
    const tags = [`a:${id}`];
    const page = await cached(c.req.path, tags, async () => {
      const data = await reader.article(id);
      if (!data) return null;
      const furniture = await reader.furniture(data.article);
      // It shows its neighbours and related stories too: a change of any of them drops it.
      tags.push(...furnitureTags(data.article, furniture));
      const ctx = renderContext(data, variant, publicUrl, data.article.lockedTerms);
      // Kept with the page: the fast path counts a view when it sends the page (server.ts).
      const rendered: CachedPage = { ...encodePage(200, HTML, articlePage(ctx, { ...data, furniture }, await articleBody(ctx, data)), PAGE_CACHE_CONTROL), onServe: (h) => reader.mostRead.hit(id, h) };
      if (!furniture.complete) unkept.add(rendered);
      return rendered;
    });
    if (page && c.req.method === 'GET') page.onServe?.(c.req.raw.headers);
    return page ? send(c, page) : notFound(c, variant);
  };

  const channel = async (c: Context, variant: Variant) => {
    const slug = c.req.param('slug') ?? '';
    const rawPage = c.req.query('page') ?? '1';
    const pageNo = /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : NaN;
    if (!/^[a-z0-9-]{1,60}$/.test(slug) || Number.isNaN(pageNo)) return notFound(c, variant);
    const key = pageNo === 1 ? c.req.path : `${c.req.path}?page=${pageNo}`;
    const page = await cached(key, [`c:${slug}`, mostReadTag(slug)], async () => {
      const data = await reader.channel(slug, pageNo);
      return data ? encodePage(200, HTML, channelPage(renderContext(data, variant, publicUrl), data), PAGE_CACHE_CONTROL) : null;
    });
    return page ? send(c, page) : notFound(c, variant);
  };

  /**
   * A path without a variant: send the reader to theirs. Not cached by shared caches: it depends on
   * the reader. The target is rebuilt from a page the site serves; a path shaped like a route that
   * is no page (`/articles/abc`) is a 404 here, as it would be in any variant.
   */
  const negotiate = async (c: Context) => {
    const v = chosenVariant(c, await reader.frame());
    const url = new URL(c.req.url);
    const target = sitePath(`${url.pathname}${url.search}`, v);
    return target ? c.redirect(target, 302) : notFound(c, v);
  };
  const negotiated = (res: Response) => {
    res.headers.set('vary', 'Accept-Language, Cookie');
    res.headers.set('cache-control', 'private, no-cache');
    return res;
  };

  const css = encodePage(200, 'text/css; charset=utf-8', SITE_CSS, 'public, max-age=86400');
  app.get('/assets/site.css', (c) => send(c, css));
  mountSiteIcons(app, reader, services.media);
  app.get(FEED_XSL_PATH, async (c) => {
    const page = await cached(FEED_XSL_PATH, [], async () => {
      const frame = await reader.frame();
      return encodePage(200, 'text/xsl; charset=utf-8', feedXsl(VARIANTS.map((v) => renderContext(frame, v, publicUrl))), 'public, max-age=86400');
    });
    return send(c, page!);
  });
  // 滾動新聞, tag pages, QR codes and reader.js.
  mountFurnitureRoutes(app, VARIANT_PATTERN, { reader, publicUrl, cached, send, notFound, negotiated: async (c) => negotiated(await negotiate(c)) });

  app.get('/', async (c) => negotiated(await negotiate(c)));
  app.get('/articles/:id', async (c) => negotiated(await negotiate(c)));
  app.get('/channels/:slug', async (c) => negotiated(await negotiate(c)));
  // The 简/繁/港 switch: remember the choice, then show the same page in it.
  app.get(`/variant/:variant${VARIANT_PATTERN}`, (c) => {
    const v = c.req.param('variant') as Variant;
    // Only a page the site serves, rebuilt from its parts: the raw `to` never reaches the header.
    const to = sitePath(c.req.query('to') ?? '', v) ?? homeOf(v);
    setCookie(c, VARIANT_COOKIE, v, { path: '/', sameSite: 'Lax', maxAge: 365 * 86400 });
    c.header('cache-control', 'private, no-store');
    return c.redirect(to, 302);
  });
  /** The words of a refused search, in the reader's script. */
  const searchError = (e: unknown, variant: Variant): string | null => {
    if (!isDomainError(e)) throw e;
    const key = `err_${e.code}` as keyof typeof LABELS;
    const text = typeof LABELS[key] === 'string' ? (LABELS[key] as string) : LABELS.err_VALIDATION_FAILED;
    return convertText(text, 'zh-Hant', targetOfVariant(variant));
  };
  const runSearch = async (c: Context, variant: Variant) => {
    const q = c.req.query();
    const page = /^[1-9]\d{0,3}$/.test(q['page'] ?? '1') ? Number(q['page'] ?? '1') : 1;
    try {
      const r = await search.search({ q: q['q'] ?? '', target: targetOfVariant(variant), channel: q['channel'] || undefined, region: q['region'] || undefined, from: q['from'] || undefined, to: q['to'] || undefined, page });
      return { ...r, error: null, code: null, status: 200 as const };
    } catch (e) {
      return { results: [], total: 0, page, pages: 0, words: [], error: searchError(e, variant), code: isDomainError(e) ? e.code : 'INTERNAL', status: 400 as const };
    }
  };
  app.get(`/:variant${VARIANT_PATTERN}/search`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const q = c.req.query();
    // A search page is cached like any page, by its query; any article change drops them all.
    const key = `${c.req.path}?${new URLSearchParams(Object.entries(q).filter(([k]) => ['q', 'channel', 'region', 'from', 'to', 'page'].includes(k)).sort()).toString()}`;
    const page = await cached(key, ['search'], async () => {
      const frame = await reader.frame();
      // An empty form is a page to search from, not an error.
      const r = q['q'] === undefined ? { results: [], total: 0, page: 1, pages: 0, error: null, status: 200 as const } : await runSearch(c, variant);
      // One batch for the page's pictures, however many results it shows.
      const pictures = await reader.pictures(r.results.map((x) => x.leadImageId));
      const html = searchPage(renderContext(frame, variant, publicUrl), { q: q['q'] ?? '', channel: q['channel'] ?? '', from: q['from'] ?? '', to: q['to'] ?? '', ...r, pictures });
      return encodePage(r.status, HTML, html, r.status === 200 ? PAGE_CACHE_CONTROL : 'no-store');
    });
    return send(c, page!);
  });
  app.get('/search', async (c) => negotiated(await negotiate(c)));
  app.get(`/:variant${VARIANT_PATTERN}/licensees/verify`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const q = (c.req.query('q') ?? '').slice(0, 100);
    if (q && !verifyLimiter.take(`verify:${ipOf(c)}`)) {
      return c.html(verifyPage(renderContext(await reader.frame(), variant, publicUrl), '', [], convertText(LABELS.claimErrors['rate']!, 'zh-Hant', targetOfVariant(variant))), 429);
    }
    const found = await rights.verify(q);
    return c.html(verifyPage(renderContext(await reader.frame(), variant, publicUrl), q, found), 200, { 'cache-control': 'no-store' });
  });
  app.get('/licensees/verify', async (c) => negotiated(await negotiate(c)));

  const emptyClaim: ClaimFormValues = { claimant: '', contact: '', article: '', claim: '', links: '' };
  app.get(`/:variant${VARIANT_PATTERN}/rights/claims/new`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const article = (c.req.query('article') ?? '').slice(0, 500);
    return c.html(claimFormPage(renderContext(await reader.frame(), variant, publicUrl), { ...emptyClaim, article }, null), 200, { 'cache-control': 'no-store' });
  });
  app.post(`/:variant${VARIANT_PATTERN}/rights/claims/new`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const ctx = renderContext(await reader.frame(), variant, publicUrl);
    const say = (key: string) => convertText(LABELS.claimErrors[key] ?? LABELS.claimErrors['claim']!, 'zh-Hant', targetOfVariant(variant));
    const form = await readForm(c);
    if (isDomainError(form)) return refuse(c, form);
    const { text } = form;
    const values: ClaimFormValues = { claimant: text('claimant'), contact: text('contact'), article: text('article'), claim: text('claim'), links: text('links') };
    const ip = ipOf(c);
    // A filled honeypot is a robot: answer as if all went well, keep nothing.
    if (text('website')) return c.html(claimThanksPage(ctx, 'HT-0', null), 200);
    if (!claimLimiter.take(`claim:${ip}`)) return c.html(claimFormPage(ctx, values, say('rate')), 429);
    try {
      const files = await form.files('files');
      const claim = await claims.file({ ...values, links: values.links.split(/\s+/).filter(Boolean) }, files, ip);
      const window = (await reader.frame()).settings.claimWindowDays;
      return c.html(claimThanksPage(ctx, claim.reference, claim.withinWindow ? null : { days: claim.daysAfterPublication ?? 0, window }), 201);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return c.html(claimFormPage(ctx, values, say(e.code === 'UPLOAD_REJECTED' ? 'files' : (e.property ?? 'claim'))), 400);
    }
  });
  app.get('/rights/claims/new', async (c) => negotiated(await negotiate(c)));

  app.get(`/:variant${VARIANT_PATTERN}/tips/new`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    return c.html(tipFormPage(renderContext(await reader.frame(), variant, publicUrl), { text: '', contact: '' }, await tips.formToken(), null), 200, { 'cache-control': 'no-store' });
  });
  app.post(`/:variant${VARIANT_PATTERN}/tips/new`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const ctx = renderContext(await reader.frame(), variant, publicUrl);
    const say = (key: string) => convertText(LABELS.tipErrors[key] ?? LABELS.tipErrors['text']!, 'zh-Hant', targetOfVariant(variant));
    const form = await readForm(c);
    if (isDomainError(form)) return refuse(c, form);
    const { text } = form;
    const values = { text: text('text'), contact: text('contact') };
    if (text('website')) return c.html(tipThanksPage(ctx, 'XS-0'), 200);
    if (!tipLimiter.take(`tip:${ipOf(c)}`)) return c.html(tipFormPage(ctx, values, await tips.formToken(), say('rate')), 429);
    try {
      const tip = await tips.file(values, text('token'), await form.files('files'), ipOf(c));
      return c.html(tipThanksPage(ctx, tip.reference), 201);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      const key = e.code === 'UPLOAD_REJECTED' ? 'files' : e.property === 'token' ? 'token' : 'text';
      return c.html(tipFormPage(ctx, values, await tips.formToken(), say(key)), 400);
    }
  });
  app.get('/tips/new', async (c) => negotiated(await negotiate(c)));
  app.get('/api/search', async (c) => {
    const requested = c.req.query('variant') ?? '';
    const named = isVariant(requested);
    const variant = named ? requested : chosenVariant(c, await reader.frame());
    const answer = async (): Promise<CachedPage | Response> => {
      const r = await runSearch(c, variant);
      if (r.error) return c.json({ errors: [{ code: r.code, message: r.error, property: 'q' }] }, r.status, { 'cache-control': 'no-store' });
      const json = JSON.stringify({
        results: r.results.map((x) => ({ id: x.id, headline: x.headlineText, url: `${publicUrl}/${variant}/articles/${x.id}`, snippet: String(x.snippet), publishedAt: x.publishedAt })),
        total: r.total,
        page: r.page,
      });
      return encodePage(200, 'application/json; charset=utf-8', json, named ? 'public, max-age=30' : 'private, max-age=30');
    };
    if (!named) {
      const page = await answer();
      return page instanceof Response ? page : send(c, page);
    }
    // With the variant named, the answer is the same for everyone: kept like the search page,
    // by its query, and dropped on any article change.
    const key = `/api/search?${new URLSearchParams(Object.entries(c.req.query()).filter(([k]) => ['q', 'channel', 'region', 'from', 'to', 'page', 'variant'].includes(k)).sort()).toString()}`;
    let refused: Response | null = null;
    const page = await cached(key, ['search'], async () => {
      const a = await answer();
      if (a instanceof Response) {
        refused = a;
        return null;
      }
      return a;
    });
    return refused ?? send(c, page!);
  });
  // Feeds: site-wide and per channel, in every variant; without a variant, the site's default
  // script (feed readers keep no cookies and send no useful Accept-Language).
  const FEED_FILES: Record<string, FeedFormat> = { 'feed.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };
  const feedResponse = async (c: Context, variant: Variant, slug: string | null, file: string) => {
    const format = FEED_FILES[file];
    if (!format || (slug !== null && !/^[a-z0-9-]{1,60}$/.test(slug))) return notFound(c, variant);
    const page = await cached(c.req.path, [slug ? `c:${slug}` : 'home'], async () => {
      const data = await reader.feed(slug);
      return data ? encodePage(200, FEED_TYPES[format], await renderFeed(renderContext(data, variant, publicUrl), data, format), PAGE_CACHE_CONTROL) : null;
    });
    return page ? send(c, page) : notFound(c, variant);
  };
  const defaultVariant = async () => variantOfScript((await reader.frame()).settings.defaultScript);
  app.get(`/:variant${VARIANT_PATTERN}/:file`, async (c, next) => (FEED_FILES[c.req.param('file')] ? feedResponse(c, c.req.param('variant') as Variant, null, c.req.param('file')) : next()));
  app.get(`/:variant${VARIANT_PATTERN}/channels/:slug/:file`, (c) => feedResponse(c, c.req.param('variant') as Variant, c.req.param('slug'), c.req.param('file')));
  for (const file of Object.keys(FEED_FILES)) {
    app.get(`/${file}`, async (c) => feedResponse(c, await defaultVariant(), null, file));
    app.get(`/channels/:slug/${file}`, async (c) => feedResponse(c, await defaultVariant(), c.req.param('slug'), file));
  }

  const XML = 'application/xml; charset=utf-8';
  const xmlPage = async (c: Context, render: () => Promise<string | null>) => {
    const page = await cached(c.req.path, ['sitemap'], async () => {
      const body = await render();
      return body === null ? null : encodePage(200, XML, body, PAGE_CACHE_CONTROL);
    });
    return page ? send(c, page) : notFound(c, null);
  };
  app.get('/robots.txt', (c) => c.text(robotsTxt(publicUrl), 200, { 'cache-control': 'public, max-age=3600' }));
  app.get('/sitemap.xml', (c) => xmlPage(c, () => sitemapIndex(reader, publicUrl)));
  app.get('/news-sitemap.xml', (c) => xmlPage(c, async () => newsSitemap(reader, await reader.frame(), publicUrl)));
  app.get('/sitemaps/:variant/:file', (c) => {
    const variant = c.req.param('variant');
    const file = c.req.param('file');
    if (!isVariant(variant)) return notFound(c, null);
    if (file === 'pages.xml') return xmlPage(c, async () => pagesSitemap(await reader.frame(), publicUrl, variant));
    const n = /^articles-(\d{1,4})\.xml$/.exec(file)?.[1];
    return n === undefined ? notFound(c, variant) : xmlPage(c, () => articlesSitemap(reader, publicUrl, variant, Number(n)));
  });

  app.get(`/:variant${VARIANT_PATTERN}`, (c) => c.redirect(homeOf(c.req.param('variant') as Variant), 301));
  app.get(`/:variant${VARIANT_PATTERN}/`, (c) => home(c, c.req.param('variant') as Variant));
  app.get(`/:variant${VARIANT_PATTERN}/articles/:id`, (c) => article(c, c.req.param('variant') as Variant));
  app.get(`/:variant${VARIANT_PATTERN}/channels/:slug`, (c) => channel(c, c.req.param('variant') as Variant));
  app.get(`/:variant${VARIANT_PATTERN}/topics/:slug`, async (c) => {
    const variant = c.req.param('variant') as Variant;
    const slug = c.req.param('slug');
    if (!/^[a-z0-9-]{1,60}$/.test(slug)) return notFound(c, variant);
    const page = await cached(c.req.path, ['topics'], async () => {
      const data = await reader.topic(slug);
      return data ? encodePage(200, HTML, topicPage(renderContext(data, variant, publicUrl), data), PAGE_CACHE_CONTROL) : null;
    });
    return page ? send(c, page) : notFound(c, variant);
  });

  app.notFound(async (c) => {
    const first = c.req.path.split('/')[1] ?? '';
    return notFound(c, isVariant(first) ? first : null);
  });

  app.onError(async (err, c) => {
    if (isDatabaseUnavailable(err)) {
      // Pages already rendered keep being served from the cache; this one has to wait.
      console.error(`reader site: ${c.req.method} ${c.req.path}: the database is unavailable:`, err.message);
      return c.html(bareErrorPage(503), 503, { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });
    }
    console.error(`reader site: ${c.req.method} ${c.req.path} failed:`, err);
    try {
      const frame = await reader.frame();
      const first = c.req.path.split('/')[1] ?? '';
      const v = isVariant(first) ? first : chosenVariant(c, frame);
      return send(c, encodePage(500, HTML, errorPage(renderContext(frame, v, publicUrl), 500, '/'), 'no-store'));
    } catch {
      return c.html(bareErrorPage(500), 500);
    }
  });
}
