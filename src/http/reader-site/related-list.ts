import type { RenderContext } from './render-context.ts';
import type { ArticleSummary } from '../../domain/article.ts';
import type { ArticleFurniture } from '../../services/reader-furniture.ts';
import { LABELS } from './labels.ts';
import { articleList } from './article-list.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';

/** 上一篇 and 下一篇 in the article's first channel; 沒有了 at either end, as portals write it. */
export function neighbourLinks(ctx: RenderContext, furniture: Pick<ArticleFurniture, 'previous' | 'next'>): SafeHtml {
  const line = (cls: string, label: string, a: ArticleSummary | null) =>
    html`<p class="${cls}"><span class="label">${ctx.t(label)}:</span>${a ? html`<a href="${ctx.href(`/articles/${a.id}`)}">${ctx.t(a.headline, a.language)}</a>` : html`<span class="none">${ctx.t(LABELS.noMoreArticles)}</span>`}</p>`;
  return html`<nav class="article-nav" aria-label="${ctx.t(LABELS.previousArticle)} / ${ctx.t(LABELS.nextArticle)}">${line('previous', LABELS.previousArticle, furniture.previous)}${line('next', LABELS.nextArticle, furniture.next)}</nav>`;
}

/** 相關新聞, when there are any: headlines and dates, no pictures (the page has its own). */
export function relatedList(ctx: RenderContext, related: ArticleSummary[]): SafeHtml | null {
  if (related.length === 0) return null;
  return html`<section class="related" aria-labelledby="related-heading"><h2 id="related-heading">${ctx.t(LABELS.related)}</h2>${articleList(ctx, related)}</section>`;
}
