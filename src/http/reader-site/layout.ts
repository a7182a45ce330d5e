import type { RenderContext } from './render-context.ts';
import { LABELS } from './labels.ts';
import { VARIANTS, targetOfVariant, type Variant } from '../../domain/variant.ts';
import { esc } from '../html.ts';

const VARIANT_NAMES: Record<Variant, string> = { 'zh-hans': '简体', 'zh-hant': '繁體', 'zh-hk': '香港' };
const LANG_ATTR = (v: Variant): string => targetOfVariant(v);

export interface PageShell {
  title: string;
  /** The page's path without a variant prefix, used by the script switch and alternates. */
  path: string;
  body: string;
  currentChannel?: string;
  /** For OpenGraph and Twitter cards; already in the reader's script, not yet escaped. */
  meta?: { description?: string; type?: 'article' | 'website'; publishedTime?: string; modifiedTime?: string };
}

const OG_LOCALE: Record<Variant, string> = { 'zh-hans': 'zh_CN', 'zh-hant': 'zh_TW', 'zh-hk': 'zh_HK' };

/** Every page: site name, region row, hotline and e-mail, the 简/繁 switch, and the statement in the footer. */
export function layout(ctx: RenderContext, page: PageShell): string {
  const { settings, regions } = ctx.frame;
  const s = settings.language;
  // The switch goes through /variant/… so the choice is remembered for the next visit.
  const switcher = VARIANTS.map((v) =>
    v === ctx.variant
      ? `<strong aria-current="true" lang="${LANG_ATTR(v)}">${VARIANT_NAMES[v]}</strong>`
      : `<a href="${esc(`/variant/${v}?to=${encodeURIComponent(ctx.hrefIn(v, page.path))}`)}" lang="${LANG_ATTR(v)}" hreflang="${LANG_ATTR(v)}" rel="alternate">${VARIANT_NAMES[v]}</a>`,
  ).join('');
  const alternates = [
    `<link rel="canonical" href="${esc(ctx.absolute(ctx.href(page.path)))}">`,
    ...VARIANTS.map((v) => `<link rel="alternate" hreflang="${LANG_ATTR(v)}" href="${esc(ctx.absolute(ctx.hrefIn(v, page.path)))}">`),
    `<link rel="alternate" hreflang="x-default" href="${esc(ctx.absolute(page.path))}">`,
  ].join('\n');
  const m = page.meta ?? {};
  const og = [
    ['og:title', page.title.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")],
    ['og:type', m.type ?? 'website'],
    ['og:url', ctx.absolute(ctx.href(page.path))],
    ['og:site_name', ctx.t(settings.siteName, s).replace(/&amp;/g, '&')],
    ['og:locale', OG_LOCALE[ctx.variant]],
    ...(m.description ? [['og:description', m.description]] : []),
    ...(m.publishedTime ? [['article:published_time', m.publishedTime]] : []),
    ...(m.modifiedTime ? [['article:modified_time', m.modifiedTime]] : []),
  ]
    .map(([p, c]) => `<meta property="${p}" content="${esc(c!)}">`)
    .concat([`<meta name="twitter:card" content="summary">`, ...(m.description ? [`<meta name="description" content="${esc(m.description)}">`] : [])])
    .join('\n');
  const nav = regions
    .map((c) => `<a href="${esc(ctx.href(`/channels/${c.slug}`))}"${page.currentChannel === c.slug ? ' aria-current="page"' : ''}>${ctx.t(c.name, c.language)}</a>`)
    .join('');
  const clauses = settings.copyrightClauses.map((c, i) => `<li>${i + 1}、${ctx.t(c, s)}</li>`).join('');
  return `<!doctype html>
<html lang="${LANG_ATTR(ctx.variant)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<link rel="stylesheet" href="/assets/site.css">
${alternates}
${og}
</head>
<body>
<header class="site"><div class="wrap">
<nav class="switch" aria-label="${ctx.t(LABELS.switchTo)}">${switcher}</nav>
<a class="brand" href="${esc(ctx.href('/'))}">${ctx.t(settings.siteName, s)}</a><span class="tagline">${ctx.t(settings.tagline, s)}</span>
<form class="site-search" role="search" action="${esc(ctx.href('/search'))}" method="get"><input name="q" type="search" aria-label="${ctx.t(LABELS.search)}" placeholder="${ctx.t(LABELS.search)}" maxlength="100"></form>
<div class="contact"><span>${ctx.t(LABELS.hotline)}:${esc(settings.hotline)}</span><span><a href="${esc(ctx.href('/tips/new'))}" style="color:inherit">${ctx.t(LABELS.tipTitle)}</a></span><span>${ctx.t(LABELS.email)}:<a href="mailto:${esc(settings.email)}" style="color:inherit">${esc(settings.email)}</a></span></div>
</div></header>
<nav class="regions" aria-label="${ctx.t(LABELS.regions)}"><div class="wrap">${nav}</div></nav>
<main><div class="wrap">
${page.body}
</div></main>
<footer class="site"><div class="wrap">
<h2>${ctx.t(settings.statementTitle, s)}:</h2>
<ol class="statement">${clauses}</ol>
<p>© ${ctx.t(settings.operator, s)}${settings.marketingAgent ? ` · ${ctx.t('內容授權', 'zh-Hant')}:${ctx.t(settings.marketingAgent, s)}` : ''} · <a href="${esc(ctx.href('/licensees/verify'))}">${ctx.t('授權機構查詢', 'zh-Hant')}</a> · <a href="${esc(ctx.href('/rights/claims/new'))}">${ctx.t('版權聯繫', 'zh-Hant')}</a></p>
</div></footer>
</body>
</html>
`;
}
