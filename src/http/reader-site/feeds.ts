import { Feed } from 'feed';
import type { FeedData } from '../../services/reader-service.ts';
import type { RenderContext } from './render-context.ts';
import { formatLead } from '../../domain/dateline.ts';
import { convertHtml, convertText } from '../../text/convert.ts';

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
  for (const a of data.articles) {
    const terms = [...a.lockedTerms, ...data.terms];
    const lead = formatLead(a.dateline, a.language);
    const body = lead ? a.bodyHtml.replace(/^(\s*<p>)/, `$1${lead}`) : a.bodyHtml;
    const summary = a.summary ? convertText(a.summary, a.language, ctx.target, terms) : undefined;
    feed.addItem({
      title: convertText(a.headline, a.language, ctx.target, terms),
      id: a.uri,
      guid: a.uri,
      link: ctx.absolute(ctx.href(`/articles/${a.id}`)),
      date: new Date(a.updatedAt),
      published: new Date(a.publishedAt!),
      ...(summary ? { description: summary } : {}),
      ...(s.feedFullText ? { content: convertHtml(body, a.language, ctx.target, terms) } : {}),
      ...(a.byline ? { author: [{ name: convertText(a.byline, a.language, ctx.target, terms) }] } : {}),
      category: a.channels.map((slug) => ({ name: convertText(data.channels.find((c) => c.slug === slug)?.name ?? slug, 'zh-Hant', ctx.target), term: slug })),
    });
  }
  return format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : jsonFeed11(feed, ctx.target);
}

/**
 * JSON Feed 1.1 (the library writes 1.0): `authors` instead of `author`, and the language.
 */
function jsonFeed11(feed: Feed, language: string): string {
  const o = feed.options;
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: o.title,
    home_page_url: o.link,
    feed_url: o.feedLinks?.json,
    description: o.description,
    language,
    items: feed.items.map((i) => ({
      id: i.id ?? i.link,
      url: i.link,
      title: i.title,
      ...(i.description ? { summary: i.description } : {}),
      ...(i.content ? { content_html: i.content } : {}),
      date_published: (i.published ?? i.date).toISOString(),
      date_modified: i.date.toISOString(),
      ...(i.author?.length ? { authors: i.author.map((a) => ({ name: a.name })) } : {}),
      tags: (i.category ?? []).map((c) => c.name),
    })),
  }, null, 2);
}

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
