import type { RenderContext } from './render-context.ts';
import type { ArticleSummary } from '../../domain/article.ts';
import type { Pictures } from '../../services/reader-service.ts';
import { LABELS } from './labels.ts';
import { formatListDate } from '../../domain/time.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';
import { leadPictureOf, thumbnail } from './pictures.ts';

/**
 * A list of articles, each with its lead picture as a thumbnail when it has one. Thumbnails load
 * as the reader scrolls, except the first one when `eagerFirst` says it is at the top of the page.
 */
export function articleList(ctx: RenderContext, items: ArticleSummary[], pictures?: Pictures, eagerFirst = false): SafeHtml {
  if (items.length === 0) return html`<p>${ctx.t(LABELS.noArticles)}</p>`;
  const tz = ctx.frame.settings.timeZone;
  return html`<ul class="list">${items.map((a, i) => {
    const href = ctx.href(`/articles/${a.id}`);
    const line = html`<a href="${href}">${ctx.t(a.headline, a.language)}</a><time datetime="${a.publishedAt}">${formatListDate(a.publishedAt, tz)}</time>`;
    const picture = leadPictureOf(pictures, a);
    return picture ? html`<li class="with-thumb">${thumbnail(ctx, picture, href, !(eagerFirst && i === 0))}${line}</li>` : html`<li>${line}</li>`;
  })}</ul>`;
}
