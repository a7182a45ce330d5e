import type { RenderContext } from './render-context.ts';
import type { ArticleSummary } from '../../domain/article.ts';
import { LABELS } from './labels.ts';
import { formatLocalDateTime } from '../../domain/time.ts';
import { esc } from '../html.ts';

export function articleList(ctx: RenderContext, items: ArticleSummary[]): string {
  if (items.length === 0) return `<p>${ctx.t(LABELS.noArticles)}</p>`;
  const tz = ctx.frame.settings.timeZone;
  return `<ul class="list">${items
    .map(
      (a) =>
        `<li><a href="${esc(ctx.href(`/articles/${a.id}`))}">${ctx.t(a.headline, a.language)}</a><time datetime="${esc(a.publishedAt)}">${formatLocalDateTime(a.publishedAt, tz).slice(5, 16)}</time></li>`,
    )
    .join('')}</ul>`;
}
