import type { RenderContext } from './render-context.ts';
import type { ArticleSummary } from '../../domain/article.ts';
import type { MostReadLists } from '../../services/most-read.ts';
import { LABELS } from './labels.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';

/**
 * The cache tag of the pages showing a ranking: the home pages (site-wide) or a channel's pages.
 * Dropped when the ranking's order changes, which no content change tells.
 */
export function mostReadTag(channel: string | null): string {
  return channel === null ? 'rank:home' : `rank:c:${channel}`;
}

/**
 * 點擊排行: today's and this week's most read, each a numbered list, one after the other (no
 * script needed). Nothing when neither has an article yet.
 */
export function mostReadBlock(ctx: RenderContext, lists: MostReadLists): SafeHtml | null {
  if (lists.today.length === 0 && lists.week.length === 0) return null;
  const list = (cls: string, title: string, items: ArticleSummary[]) =>
    items.length
      ? html`<section class="${cls}"><h3>${ctx.t(title)}</h3><ol>${items.map((a) => html`<li><a href="${ctx.href(`/articles/${a.id}`)}">${ctx.t(a.headline, a.language)}</a></li>`)}</ol></section>`
      : null;
  return html`<aside class="most-read" aria-labelledby="most-read-title"><h2 id="most-read-title">${ctx.t(LABELS.mostRead)}</h2>${list('most-read-today', LABELS.mostReadToday, lists.today)}${list('most-read-week', LABELS.mostReadWeek, lists.week)}</aside>`;
}
