import type { RenderContext } from './render-context.ts';
import type { ListData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { articleList } from './article-list.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';
import type { Script } from '../../domain/variant.ts';
import { decodeTag } from './reader-paths.ts';

/** Page N of a list lives at `path?page=N`; the first at `path` alone. */
export function pagePath(path: string, page: number): string {
  return page === 1 ? path : `${path}?page=${page}`;
}

function pager(ctx: RenderContext, path: string, data: Pick<ListData, 'page' | 'pages'>): SafeHtml | null {
  if (data.pages <= 1) return null;
  const href = (p: number) => ctx.href(pagePath(path, p));
  return html`<nav class="pager">${data.page > 1 ? html`<a rel="prev" href="${href(data.page - 1)}">${ctx.t(LABELS.previous)}</a>` : null}<span>${ctx.t(LABELS.pageOf(data.page, data.pages))}</span>${data.page < data.pages ? html`<a rel="next" href="${href(data.page + 1)}">${ctx.t(LABELS.next)}</a>` : null}</nav>`;
}

function listPage(ctx: RenderContext, data: ListData, heading: string, path: string): string {
  const s = data.settings;
  const body = html`<h1 class="headline">${heading}</h1><p class="list-count">${ctx.t(LABELS.listCount(data.total))}</p>${articleList(ctx, data.articles, data.pictures)}${pager(ctx, path, data)}`;
  return layout(ctx, { title: `${heading}${data.page > 1 ? ` ${ctx.t(LABELS.pageOf(data.page, data.pages))}` : ''} - ${ctx.t(s.siteName, s.language)}`, path: pagePath(path, data.page), body });
}

/** 滾動新聞: every public article, newest first, twenty a page. */
export function allArticlesPage(ctx: RenderContext, data: ListData): string {
  return listPage(ctx, data, ctx.t(LABELS.allNews), '/articles');
}

/** A tag's page path: the tag percent-encoded as UTF-8, as a browser sends it. */
export function tagPath(tag: string): string {
  return `/tags/${encodeURIComponent(tag)}`;
}

/**
 * A tag's articles. The tag came in a URL in one script or the other; the page names it and
 * links itself in the reader's.
 */
export function tagPage(ctx: RenderContext, data: ListData, tag: string, script: Script): string {
  const name = ctx.t(tag, script);
  // The name is already in the reader's script: only the label is converted.
  return listPage(ctx, data, `${ctx.t(LABELS.tags)}:${name}`, tagPath(name));
}

/** The article's tags as links to their pages, in the reader's script. */
export function articleTags(ctx: RenderContext, tags: readonly string[], from: Script): SafeHtml | null {
  if (tags.length === 0) return null;
  return html`<p class="tags"><span class="label">${ctx.t(LABELS.tags)}:</span>${tags.map((t) => {
    const name = ctx.t(t, from);
    // A tag no URL can name (. or ..) is shown, not linked.
    return decodeTag(encodeURIComponent(name)) === null ? html`<span class="tag">${name}</span>` : html`<a href="${ctx.href(tagPath(name))}" rel="tag">${name}</a>`;
  })}</p>`;
}
