import type { RenderContext } from './render-context.ts';
import type { ArticleSummary } from '../../domain/article.ts';
import { LABELS } from './labels.ts';
import { formatLocalDateTime } from '../../domain/time.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';

export function articleList(ctx: RenderContext, items: ArticleSummary[]): SafeHtml {
  if (items.length === 0) return html`<p>${ctx.t(LABELS.noArticles)}</p>`;
  const tz = ctx.frame.settings.timeZone;
  return html`<ul class="list">${items.map(
    (a) => html`<li><a href="${ctx.href(`/articles/${a.id}`)}">${ctx.t(a.headline, a.language)}</a><time datetime="${a.publishedAt}">${formatLocalDateTime(a.publishedAt, tz).slice(5, 16)}</time></li>`,
  )}</ul>`;
}
