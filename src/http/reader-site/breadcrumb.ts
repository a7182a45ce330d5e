import type { RenderContext } from './render-context.ts';
import type { Article } from '../../domain/article.ts';
import { LABELS } from './labels.ts';
import { html, joinHtml, type SafeHtml } from '../../text/safe-html.ts';

/** One step of 當前位置, its name in the reader's script; the page itself has the article's path. */
export interface Crumb {
  name: string;
  path: string;
}

/**
 * 首頁 > the article's first channel (a topic channel's region before it, when it has one) > 正文.
 * A channel the site no longer has is left out rather than linked to a missing page.
 */
export function articleTrail(ctx: RenderContext, article: Pick<Article, 'id' | 'channels'>): Crumb[] {
  const bySlug = new Map(ctx.frame.channels.map((c) => [c.slug, c]));
  const channel = article.channels[0] ? bySlug.get(article.channels[0]) : undefined;
  const parent = channel?.kind === 'topic' && channel.parentSlug ? bySlug.get(channel.parentSlug) : undefined;
  return [
    { name: ctx.t(LABELS.home), path: '/' },
    ...[parent, channel].flatMap((c) => (c ? [{ name: ctx.t(c.name, c.language), path: `/channels/${c.slug}` }] : [])),
    { name: ctx.t(LABELS.breadcrumbArticle), path: `/articles/${article.id}` },
  ];
}

/** 當前位置:首頁 > 長春 > 正文, every step but the last a link. */
export function breadcrumbNav(ctx: RenderContext, trail: readonly Crumb[]): SafeHtml {
  const steps = trail.map((c, i) =>
    i === trail.length - 1 ? html`<span aria-current="page">${c.name}</span>` : html`<a href="${ctx.href(c.path)}">${c.name}</a>`,
  );
  return html`<nav class="breadcrumb" aria-label="${ctx.t(LABELS.breadcrumb)}"><span class="here">${ctx.t(LABELS.breadcrumb)}:</span>${joinHtml(steps, html`<span class="crumb-sep" aria-hidden="true"> &gt; </span>`)}</nav>`;
}

/** The same trail as schema.org's BreadcrumbList, with absolute URLs. */
export function breadcrumbList(ctx: RenderContext, trail: readonly Crumb[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: ctx.absolute(ctx.href(c.path)) })),
  };
}
