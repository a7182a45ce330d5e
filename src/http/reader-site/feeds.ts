import type { FeedData } from '../../services/reader-service.ts';
import type { RenderContext } from './render-context.ts';
import { formatLead } from '../../domain/dateline.ts';
import { convertText } from '../../text/convert.ts';
import { convertName } from '../../text/convert-name.ts';
import { rebuildBodyHtmlYielding } from '../../text/body-html.ts';
import { escapeHtml, html, type SafeHtml } from '../../text/safe-html.ts';
import { absoluteImage, feedBodyPictures, leadPictureOf, type AbsoluteImage } from './pictures.ts';
import { formatZoned } from '../../domain/time.ts';
import { FEED_STYLESHEET_PI } from './feed-xsl.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';

interface FeedItem {
  uri: string;
  link: string;
  /** Plain text, in the reader's script. */
  title: string;
  summary: string | null;
  author: string | null;
  /** Body HTML rebuilt from its allowlist (null when the site sends summaries only). */
  content: SafeHtml | null;
  published: Date;
  /** The publication in the site's zone with its offset (dc:date): what the feed's page shows. */
  publishedLocal: string;
  updated: Date;
  categories: Array<{ term: string; label: string }>;
  /** The lead picture's largest 16:9 JPEG, with its caption and credit as text in the reader's script. */
  image: (AbsoluteImage & { caption: string | null; credit: string | null }) | null;
}

interface FeedHead {
  id: string;
  title: string;
  description: string;
  link: string;
  language: string;
  copyright: string;
  updated: Date;
  links: Record<FeedFormat, string>;
}

/**
 * RSS 2.0, Atom and JSON Feed 1.1 from one list, written with the same escaping template as the
 * pages (XML needs the same five escapes): every value is text unless it is the rebuilt body.
 * Where a format says a value is HTML (RSS descriptions, Atom's type="html", JSON Feed's
 * content_html), Heitu's text goes in escaped as HTML too. Guids are the articles' permanent URIs.
 */
export async function renderFeed(ctx: RenderContext, data: FeedData, format: FeedFormat): Promise<string> {
  const s = data.settings;
  const site = (text: string) => convertText(text, s.language, ctx.target, data.terms);
  const base = data.channel ? `/channels/${data.channel.slug}` : '';
  const head: FeedHead = {
    id: ctx.absolute(ctx.href(`${base}/`)),
    title: data.channel ? `${site(s.siteName)} - ${convertText(data.channel.name, data.channel.language, ctx.target, data.terms)}` : site(s.siteName),
    description: site(s.tagline),
    link: ctx.absolute(ctx.href(base || '/')),
    // RSS wants RFC 1766 tags (zh-cn, zh-tw); those are valid BCP 47 for Atom and JSON Feed too.
    language: ({ 'zh-Hans': 'zh-cn', 'zh-Hant': 'zh-tw', 'zh-HK': 'zh-hk' } as const)[ctx.target],
    copyright: `© ${site(s.operator)}`,
    updated: data.articles[0] ? new Date(data.articles[0].updatedAt) : new Date(0),
    links: {
      rss: ctx.absolute(ctx.href(`${base}/feed.xml`)),
      atom: ctx.absolute(ctx.href(`${base}/atom.xml`)),
      json: ctx.absolute(ctx.href(`${base}/feed.json`)),
    },
  };
  const items: FeedItem[] = [];
  for (const a of data.articles) {
    const terms = [...a.lockedTerms, ...data.terms];
    const text = (t: string) => convertText(t, a.language, ctx.target, terms);
    const picture = leadPictureOf(data.pictures, a);
    items.push({
      uri: a.uri,
      link: ctx.absolute(ctx.href(`/articles/${a.id}`)),
      title: text(a.headline),
      summary: a.summary ? text(a.summary) : null,
      author: a.byline ? convertName(a.byline, a.language, ctx.target, terms) : null,
      // Twenty full bodies in another script are the costly part: converted yielding to the loop.
      content: s.feedFullText
        ? await rebuildBodyHtmlYielding(a.bodyHtml, text, { text: formatLead(a.dateline, a.language, { publishedAt: a.publishedAt, timeZone: s.timeZone, siteName: s.siteName }), as: 'text' }, feedBodyPictures(ctx, data.pictures))
        : null,
      published: new Date(a.publishedAt!),
      publishedLocal: formatZoned(a.publishedAt!, s.timeZone),
      updated: new Date(a.updatedAt),
      categories: a.channels.map((slug) => ({ term: slug, label: convertText(data.channels.find((c) => c.slug === slug)?.name ?? slug, 'zh-Hant', ctx.target) })),
      image: picture
        ? {
            ...absoluteImage(ctx, picture),
            caption: picture.caption ? convertText(picture.caption, picture.language, ctx.target, terms) : null,
            credit: picture.credit ? convertText(picture.credit, picture.language, ctx.target, terms) : null,
          }
        : null,
    });
  }
  if (format === 'json') return jsonFeed11(head, items, ctx.target);
  return String(format === 'rss' ? rss2(head, items) : atom1(head, items));
}

function rss2(head: FeedHead, items: FeedItem[]): SafeHtml {
  // RSS gives titles and descriptions no type and readers render them as HTML: escaped once more.
  return html`<?xml version="1.0" encoding="utf-8"?>
${FEED_STYLESHEET_PI}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>${escapeHtml(head.title)}</title>
<link>${head.link}</link>
<description>${escapeHtml(head.description)}</description>
<language>${head.language}</language>
<copyright>${head.copyright}</copyright>
<lastBuildDate>${head.updated.toUTCString()}</lastBuildDate>
<generator>Heitu</generator>
<atom:link href="${head.links.rss}" rel="self" type="application/rss+xml"/>
${items.map((i) => html`<item>
<title>${escapeHtml(i.title)}</title>
<link>${i.link}</link>
<guid isPermaLink="false">${i.uri}</guid>
<pubDate>${i.published.toUTCString()}</pubDate>
<dc:date>${i.publishedLocal}</dc:date>
${i.summary ? html`<description>${escapeHtml(i.summary)}</description>\n` : null}${i.content ? html`<content:encoded>${String(i.content)}</content:encoded>\n` : null}${i.author ? html`<dc:creator>${i.author}</dc:creator>\n` : null}${i.categories.map((c) => html`<category domain="${c.term}">${c.label}</category>\n`)}${i.image ? rssImage(i.image) : null}</item>
`)}</channel>
</rss>
`;
}

/**
 * The lead picture for RSS readers: an enclosure (most readers show only that), and Media RSS
 * with its size and words. The JPEG's length is not known before it is made; 0 is what the RSS
 * profile asks for then.
 */
function rssImage(image: NonNullable<FeedItem['image']>): SafeHtml {
  return html`<enclosure url="${image.url}" length="0" type="image/jpeg"/>
<media:content url="${image.url}" medium="image" type="image/jpeg" width="${image.width}" height="${image.height}">${
    image.caption ? html`<media:description type="plain">${image.caption}</media:description>` : null
  }${image.credit ? html`<media:credit>${image.credit}</media:credit>` : null}</media:content>
`;
}

function atom1(head: FeedHead, items: FeedItem[]): SafeHtml {
  return html`<?xml version="1.0" encoding="utf-8"?>
${FEED_STYLESHEET_PI}
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="${head.language}">
<id>${head.id}</id>
<title type="text">${head.title}</title>
<subtitle type="text">${head.description}</subtitle>
<updated>${head.updated.toISOString()}</updated>
<generator>Heitu</generator>
<link rel="alternate" type="text/html" href="${head.link}"/>
<link rel="self" type="application/atom+xml" href="${head.links.atom}"/>
<rights type="text">${head.copyright}</rights>
${items.map((i) => html`<entry>
<id>${i.uri}</id>
<title type="text">${i.title}</title>
<link rel="alternate" type="text/html" href="${i.link}"/>
<published>${i.published.toISOString()}</published>
<updated>${i.updated.toISOString()}</updated>
<dc:date>${i.publishedLocal}</dc:date>
${i.summary ? html`<summary type="text">${i.summary}</summary>\n` : null}${i.content ? html`<content type="html">${String(i.content)}</content>\n` : null}${i.author ? html`<author><name>${i.author}</name></author>\n` : null}${i.categories.map((c) => html`<category term="${c.term}" label="${c.label}"/>\n`)}${i.image ? html`<link rel="enclosure" type="image/jpeg" href="${i.image.url}"/>\n` : null}</entry>
`)}</feed>
`;
}

/** JSON Feed 1.1: title and summary are text, content_html is the rebuilt body. */
function jsonFeed11(head: FeedHead, items: FeedItem[], language: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: head.title,
    home_page_url: head.link,
    feed_url: head.links.json,
    description: head.description,
    language,
    items: items.map((i) => ({
      id: i.uri,
      url: i.link,
      title: i.title,
      ...(i.summary ? { summary: i.summary } : {}),
      ...(i.content ? { content_html: String(i.content) } : {}),
      ...(i.image ? { image: i.image.url } : {}),
      date_published: i.published.toISOString(),
      date_modified: i.updated.toISOString(),
      ...(i.author ? { authors: [{ name: i.author }] } : {}),
      tags: i.categories.map((c) => c.label),
    })),
  }, null, 2);
}

/**
 * RSS and Atom go out as XML: browsers show application/rss+xml and application/atom+xml as plain
 * text without applying the stylesheet, while feed readers read the document whatever its type.
 * The page's <link rel="alternate"> still names each feed's own type for discovery.
 */
export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/xml; charset=utf-8',
  atom: 'application/xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};
