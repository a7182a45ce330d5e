import type { RenderContext } from './render-context.ts';
import { LABELS } from './labels.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';

/** Where feeds point their stylesheet; one file for every feed and script. */
export const FEED_XSL_PATH = '/assets/feed.xsl';

/** The processing instruction that names it, right after the XML declaration. */
export const FEED_STYLESHEET_PI = html`<?xml-stylesheet type="text/xsl" href="${FEED_XSL_PATH}"?>`;

/** The language codes feeds carry (feeds.ts), lower-cased, for each script's words. */
const FEED_LANGUAGES = { 'zh-hans': 'zh-cn', 'zh-hant': 'zh-tw', 'zh-hk': 'zh-hk' } as const;

/**
 * A stylesheet that turns an RSS or Atom feed into a page a person can read when a browser opens
 * it: the feed's title and description, what a feed is for, and its items with links and dates,
 * styled by the site's CSS. The feed's own text is already in its script; the few words around
 * it are here in every script, chosen by the feed's language. Dates are the items' dc:date, in the
 * site's zone. `contexts` are render contexts of the site's variants.
 */
export function feedXsl(contexts: readonly RenderContext[]): string {
  const words = (pick: (ctx: RenderContext) => string): SafeHtml => {
    const fallback = contexts.find((c) => c.variant === 'zh-hant') ?? contexts[0]!;
    return html`<xsl:choose>${contexts.map((ctx) => html`<xsl:when test="$lang = '${FEED_LANGUAGES[ctx.variant]}'">${pick(ctx)}</xsl:when>`)}<xsl:otherwise>${pick(fallback)}</xsl:otherwise></xsl:choose>`;
  };
  return String(html`<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" exclude-result-prefixes="atom dc">
<xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
<xsl:variable name="lang" select="translate(normalize-space(/rss/channel/language | /atom:feed/@xml:lang), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
<xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
<xsl:variable name="site" select="/rss/channel/link | /atom:feed/atom:link[@rel = 'alternate']/@href"/>
<xsl:template match="/">
<html>
<xsl:attribute name="lang"><xsl:choose><xsl:when test="$lang = 'zh-cn'">zh-Hans</xsl:when><xsl:when test="$lang = 'zh-hk'">zh-HK</xsl:when><xsl:otherwise>zh-Hant</xsl:otherwise></xsl:choose></xsl:attribute>
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title><xsl:value-of select="$title"/></title>
<link rel="stylesheet" href="/assets/site.css"/>
<link rel="icon" href="/favicon.ico"/>
</head>
<body class="feed-page">
<header class="site"><div class="wrap masthead"><p class="brand-line"><a class="brand" href="{$site}"><xsl:value-of select="$title"/></a><span class="tagline"><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></span></p></div></header>
<main id="main"><div class="wrap">
<p class="notice feed-about">${words((ctx) => ctx.t(LABELS.feedIntro))}</p>
<p><a class="button" href="{$site}">${words((ctx) => ctx.t(LABELS.feedVisit))}</a></p>
<h1 class="headline">${words((ctx) => ctx.t(LABELS.feedLatest))}</h1>
<ul class="list feed-items">
<xsl:for-each select="/rss/channel/item | /atom:feed/atom:entry">
<li><a href="{link | atom:link[@rel = 'alternate']/@href}"><xsl:call-template name="text"><xsl:with-param name="of" select="title | atom:title"/></xsl:call-template></a><xsl:if test="dc:date"><time datetime="{dc:date}"><xsl:value-of select="concat(substring(dc:date, 1, 10), ' ', substring(dc:date, 12, 5))"/></time></xsl:if><xsl:if test="description | atom:summary"><p class="snippet"><xsl:call-template name="text"><xsl:with-param name="of" select="description | atom:summary"/></xsl:call-template></p></xsl:if></li>
</xsl:for-each>
</ul>
</div></main>
</body>
</html>
</xsl:template>
<!-- RSS titles and descriptions are HTML, so feeds.ts escapes their text once more: undone here, as text. -->
<xsl:template name="text">
<xsl:param name="of"/>
<xsl:choose>
<xsl:when test="/rss">
<xsl:call-template name="replace"><xsl:with-param name="in"><xsl:call-template name="replace"><xsl:with-param name="in"><xsl:call-template name="replace"><xsl:with-param name="in"><xsl:call-template name="replace"><xsl:with-param name="in"><xsl:call-template name="replace"><xsl:with-param name="in" select="string($of)"/><xsl:with-param name="from">&amp;lt;</xsl:with-param><xsl:with-param name="to">&lt;</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="from">&amp;gt;</xsl:with-param><xsl:with-param name="to">&gt;</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="from">&amp;quot;</xsl:with-param><xsl:with-param name="to">"</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="from">&amp;#39;</xsl:with-param><xsl:with-param name="to">'</xsl:with-param></xsl:call-template></xsl:with-param><xsl:with-param name="from">&amp;amp;</xsl:with-param><xsl:with-param name="to">&amp;</xsl:with-param></xsl:call-template>
</xsl:when>
<xsl:otherwise><xsl:value-of select="$of"/></xsl:otherwise>
</xsl:choose>
</xsl:template>
<xsl:template name="replace">
<xsl:param name="in"/>
<xsl:param name="from"/>
<xsl:param name="to"/>
<xsl:choose>
<xsl:when test="contains($in, $from)"><xsl:value-of select="substring-before($in, $from)"/><xsl:value-of select="$to"/><xsl:call-template name="replace"><xsl:with-param name="in" select="substring-after($in, $from)"/><xsl:with-param name="from" select="$from"/><xsl:with-param name="to" select="$to"/></xsl:call-template></xsl:when>
<xsl:otherwise><xsl:value-of select="$in"/></xsl:otherwise>
</xsl:choose>
</xsl:template>
</xsl:stylesheet>
`);
}
