import { Feed } from 'feed';
import type { FeedData } from '../../services/reader-service.ts';
import type { RenderContext } from './render-context.ts';
import { formatLead } from '../../domain/dateline.ts';
import { convertHtml, convertText } from '../../text/convert.ts';
import { escapeHtml } from '../../text/safe-html.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

/**
 * RSS 2.0, Atom and JSON Feed 1.1 from one list, written by the `feed` library (which writes RFC
 * 822 dates in RSS and RFC 3339 in Atom and JSON Feed). Guids are the articles' permanent URIs.
 */
export function renderFeed(ctx: RenderContext, data: FeedData, format: FeedFormat): string {
  const s = data.settings;
  const site = (text: string) => convertText(text, s.language, ctx.target, data.terms);
  const base = data.channel ? `/channels/${data.channel.slug}` : '';
  const title = data.channel ? `${site(s.siteName)} - ${convertText(data.channel.name, data.channel.language, ctx.target, data.terms)}` : site(s.siteName);
  const newest = data.articles[0];
  const feed = new Feed({
    id: ctx.absolute(ctx.href(`${base}/`)),
    title,
    description: site(s.tagline),
    link: ctx.absolute(ctx.href(base || '/')),
    // RSS wants RFC 1766 tags (zh-cn, zh-tw); those are valid BCP 47 for Atom and JSON Feed too.
    language: ({ 'zh-Hans': 'zh-cn', 'zh-Hant': 'zh-tw', 'zh-HK': 'zh-hk' } as const)[ctx.target],
    copyright: `© ${site(s.operator)}`,
    updated: newest ? new Date(newest.updatedAt) : new Date(0),
    generator: 'Heitu',
    feedLinks: {
      rss: ctx.absolute(ctx.href(`${base}/feed.xml`)),
      atom: ctx.absolute(ctx.href(`${base}/atom.xml`)),
      json: ctx.absolute(ctx.href(`${base}/feed.json`)),
    },
  });
  // Titles and summaries are text in Heitu, but HTML in Atom (type="html") and in what RSS
  // readers do with them: they go in escaped. JSON Feed's title and summary are text.
  const items = data.articles.map((a) => {
    const terms = [...a.lockedTerms, ...data.terms];
    const text = (t: string) => convertText(t, a.language, ctx.target, terms);
    return {
      article: a,
      title: text(a.headline),
      summary: a.summary ? text(a.summary) : null,
      content: s.feedFullText ? String(convertHtml(a.bodyHtml, a.language, ctx.target, terms, { text: formatLead(a.dateline, a.language), as: 'text' })) : null,
      author: a.byline ? text(a.byline) : null,
      link: ctx.absolute(ctx.href(`/articles/${a.id}`)),
      tags: a.channels.map((slug) => ({ name: convertText(data.channels.find((c) => c.slug === slug)?.name ?? slug, 'zh-Hant', ctx.target), term: slug })),
    };
  });
  if (format === 'json') return jsonFeed11(feed.options, items, ctx.target);
  for (const i of items) {
    feed.addItem({
      title: escapeHtml(i.title),
      id: i.article.uri,
      guid: i.article.uri,
      link: i.link,
      date: new Date(i.article.updatedAt),
      published: new Date(i.article.publishedAt!),
      ...(i.summary ? { description: escapeHtml(i.summary) } : {}),
      ...(i.content ? { content: i.content } : {}),
      ...(i.author ? { author: [{ name: i.author }] } : {}),
      category: i.tags,
    });
  }
  return format === 'rss' ? feed.rss2() : feed.atom1();
}

type FeedItem = { article: FeedData['articles'][number]; title: string; summary: string | null; content: string | null; author: string | null; link: string; tags: Array<{ name: string }> };

/**
 * JSON Feed 1.1 (the library writes 1.0): `authors` instead of `author`, and the language.
 */
function jsonFeed11(o: Feed['options'], items: FeedItem[], language: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: o.title,
    home_page_url: o.link,
    feed_url: o.feedLinks?.json,
    description: o.description,
    language,
    items: items.map((i) => ({
      id: i.article.uri,
      url: i.link,
      title: i.title,
      ...(i.summary ? { summary: i.summary } : {}),
      ...(i.content ? { content_html: i.content } : {}),
      date_published: new Date(i.article.publishedAt!).toISOString(),
      date_modified: new Date(i.article.updatedAt).toISOString(),
      ...(i.author ? { authors: [{ name: i.author }] } : {}),
      tags: i.tags.map((c) => c.name),
    })),
  }, null, 2);
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
