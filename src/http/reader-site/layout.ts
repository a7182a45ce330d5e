import type { RenderContext } from './render-context.ts';
import { LABELS } from './labels.ts';
import { VARIANTS, targetOfVariant, type Variant } from '../../domain/variant.ts';
import { html, joinHtml, type SafeHtml } from '../../text/safe-html.ts';
import type { AbsoluteImage } from './pictures.ts';
import { navChannels } from '../../domain/channel.ts';
import { ICON_LINKS } from './site-icons.ts';

const VARIANT_NAMES: Record<Variant, string> = { 'zh-hans': '简体', 'zh-hant': '繁體', 'zh-hk': '香港' };
const LANG_ATTR = (v: Variant): string => targetOfVariant(v);

export interface PageShell {
  /** Plain text, in the reader's script. */
  title: string;
  /** The page's path without a variant prefix, used by the script switch and alternates. */
  path: string;
  body: SafeHtml;
  currentChannel?: string;
  /** For OpenGraph and Twitter cards; plain text in the reader's script. */
  meta?: { description?: string; type?: 'article' | 'website'; publishedTime?: string; modifiedTime?: string; image?: AbsoluteImage };
}

const OG_LOCALE: Record<Variant, string> = { 'zh-hans': 'zh_CN', 'zh-hant': 'zh_TW', 'zh-hk': 'zh_HK' };

/**
 * Every page: site name, the 简/繁/港 switch, a search box, hotline, tips and e-mail, the channel row
 * (regions, then topic channels), and the statement in the footer. On a phone the header stacks and
 * the channel row scrolls sideways in one line; every link is a whole token a finger can hit.
 */
export function layout(ctx: RenderContext, page: PageShell): string {
  const { settings } = ctx.frame;
  const s = settings.language;
  // The switch goes through /variant/… so the choice is remembered for the next visit.
  const switcher = VARIANTS.map((v) =>
    v === ctx.variant
      ? html`<strong aria-current="true" lang="${LANG_ATTR(v)}">${VARIANT_NAMES[v]}</strong>`
      : html`<a href="${`/variant/${v}?to=${encodeURIComponent(ctx.hrefIn(v, page.path))}`}" lang="${LANG_ATTR(v)}" hreflang="${LANG_ATTR(v)}" rel="alternate">${VARIANT_NAMES[v]}</a>`,
  );
  const alternates = joinHtml([
    html`<link rel="canonical" href="${ctx.absolute(ctx.href(page.path))}">`,
    ...VARIANTS.map((v) => html`<link rel="alternate" hreflang="${LANG_ATTR(v)}" href="${ctx.absolute(ctx.hrefIn(v, page.path))}">`),
    html`<link rel="alternate" hreflang="x-default" href="${ctx.absolute(page.path)}">`,
  ], '\n');
  const m = page.meta ?? {};
  const og = joinHtml([
    ...([
      ['og:title', page.title],
      ['og:type', m.type ?? 'website'],
      ['og:url', ctx.absolute(ctx.href(page.path))],
      ['og:site_name', ctx.t(settings.siteName, s)],
      ['og:locale', OG_LOCALE[ctx.variant]],
      ...(m.description ? [['og:description', m.description]] : []),
      ...(m.publishedTime ? [['article:published_time', m.publishedTime]] : []),
      ...(m.modifiedTime ? [['article:modified_time', m.modifiedTime]] : []),
      ...(m.image
        ? [['og:image', m.image.url], ['og:image:type', 'image/jpeg'], ['og:image:width', String(m.image.width)], ['og:image:height', String(m.image.height)], ...(m.image.alt ? [['og:image:alt', m.image.alt]] : [])]
        : []),
    ] as Array<[string, string]>).map(([p, c]) => html`<meta property="${p}" content="${c}">`),
    // A shared link with a picture is shown with it, large.
    html`<meta name="twitter:card" content="${m.image ? 'summary_large_image' : 'summary'}">`,
    m.image ? html`<meta name="twitter:image" content="${m.image.url}">` : null,
    m.image?.alt ? html`<meta name="twitter:image:alt" content="${m.image.alt}">` : null,
    m.description ? html`<meta name="description" content="${m.description}">` : null,
  ], '\n');
  const shown = navChannels(ctx.frame.channels);
  const channelLink = (c: (typeof shown)[number]) =>
    html`<li><a href="${ctx.href(`/channels/${c.slug}`)}"${page.currentChannel === c.slug ? html` aria-current="page"` : null}>${ctx.t(c.name, c.language)}</a></li>`;
  const regions = shown.filter((c) => c.kind === 'region');
  const topics = shown.filter((c) => c.kind !== 'region');
  const clauses = settings.copyrightClauses.map((c, i) => html`<li>${i + 1}、${ctx.t(c, s)}</li>`);
  // A phone dials the hotline from the link; what is not a number stays text.
  const dial = settings.hotline.replace(/[^\d+]/g, '');
  const hotline = settings.hotline
    ? html`<li>${dial.length >= 3 ? html`<a href="${`tel:${dial}`}">${ctx.t(LABELS.hotline)}:${settings.hotline}</a>` : html`<span>${ctx.t(LABELS.hotline)}:${settings.hotline}</span>`}</li>`
    : null;
  const feedTitle = ctx.t(settings.siteName, s);
  return String(html`<!doctype html>
<html lang="${LANG_ATTR(ctx.variant)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="stylesheet" href="/assets/site.css">
<script src="/assets/reader.js" defer></script>
${ICON_LINKS}
<meta name="theme-color" content="#2b1d14">
<link rel="alternate" type="application/rss+xml" title="${feedTitle} RSS" href="${ctx.href('/feed.xml')}">
<link rel="alternate" type="application/atom+xml" title="${feedTitle} Atom" href="${ctx.href('/atom.xml')}">
${alternates}
${og}
</head>
<body>
<a class="skip sr-only" href="#main">${ctx.t(LABELS.skipToContent)}</a>
<header class="site"><div class="wrap masthead">
<p class="brand-line"><a class="brand" href="${ctx.href('/')}">${ctx.t(settings.siteName, s)}</a>${settings.tagline ? html`<span class="tagline">${ctx.t(settings.tagline, s)}</span>` : null}</p>
<nav class="switch" aria-label="${ctx.t(LABELS.switchTo)}">${switcher}</nav>
<form class="site-search" role="search" action="${ctx.href('/search')}" method="get"><input name="q" type="search" aria-label="${ctx.t(LABELS.search)}" placeholder="${ctx.t(LABELS.searchPlaceholder)}" maxlength="100"><button type="submit">${ctx.t(LABELS.search)}</button></form>
<ul class="contact">${hotline}<li><a href="${ctx.href('/tips/new')}">${ctx.t(LABELS.tipTitle)}</a></li><li><a href="${`mailto:${settings.email}`}">${ctx.t(LABELS.email)}:${settings.email}</a></li></ul>
</div></header>
<nav class="channels" aria-label="${ctx.t(LABELS.channels)}"><div class="wrap"><ul class="regions">${regions.map(channelLink)}</ul>${topics.length ? html`<ul class="topic-channels">${topics.map(channelLink)}</ul>` : null}<ul class="all-news"><li><a href="${ctx.href('/articles')}">${ctx.t(LABELS.allNews)}</a></li></ul></div></nav>
<main id="main"><div class="wrap">
${page.body}
</div></main>
<footer class="site"><div class="wrap">
<h2>${ctx.t(settings.statementTitle, s)}:</h2>
<ol class="statement">${clauses}</ol>
<p class="operator">© ${ctx.t(settings.operator, s)}${settings.marketingAgent ? html` · ${ctx.t(LABELS.contentLicensing)}:${ctx.t(settings.marketingAgent, s)}` : null}</p>
<nav class="site-links" aria-label="${ctx.t(LABELS.siteLinks)}"><a href="${ctx.href('/licensees/verify')}">${ctx.t(LABELS.verifyTitle)}</a><a href="${ctx.href('/rights/claims/new')}">${ctx.t(LABELS.claimLink)}</a><a href="${ctx.href('/tips/new')}">${ctx.t(LABELS.tipTitle)}</a><a href="${ctx.href('/feed.xml')}">${ctx.t(LABELS.subscribe)}</a></nav>
</div></footer>
</body>
</html>
`);
}
