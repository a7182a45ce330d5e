import type { RenderContext } from './render-context.ts';
import type { SearchResult } from '../../services/search-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { formatListDate } from '../../domain/time.ts';
import { html } from '../../text/safe-html.ts';
import type { MediaItem } from '../../domain/media.ts';
import { thumbnail } from './pictures.ts';

export interface SearchView {
  q: string;
  channel: string;
  from: string;
  to: string;
  results: SearchResult[];
  total: number;
  page: number;
  pages: number;
  /** Set when the query was refused; already in the reader's words. */
  error: string | null;
  /** Lead pictures of the results, by media id. */
  pictures?: ReadonlyMap<number, MediaItem>;
}

/** The search form and results; the form works without JavaScript. */
export function searchPage(ctx: RenderContext, v: SearchView): string {
  const tz = ctx.frame.settings.timeZone;
  const options = ctx.frame.channels.map((c) => html`<option value="${c.slug}"${c.slug === v.channel ? html` selected` : null}>${ctx.t(c.name, c.language)}</option>`);
  // Each label is kept with its field: the pair wraps to the next line as one, never apart.
  const form = html`<form class="search" role="search" action="${ctx.href('/search')}" method="get">
<p class="search-words"><label for="q" class="sr-only">${ctx.t(LABELS.search)}</label><input id="q" name="q" type="search" value="${v.q}" placeholder="${ctx.t(LABELS.searchPlaceholder)}" maxlength="100" required><button type="submit">${ctx.t(LABELS.search)}</button></p>
<p class="search-filters"><span class="field"><label for="channel">${ctx.t(LABELS.searchChannel)}</label><select id="channel" name="channel"><option value="">${ctx.t(LABELS.searchAll)}</option>${options}</select></span>
<span class="field"><label for="from">${ctx.t(LABELS.searchFrom)}</label><input id="from" name="from" type="date" value="${v.from}"></span>
<span class="field"><label for="to">${ctx.t(LABELS.searchTo)}</label><input id="to" name="to" type="date" value="${v.to}"></span></p>
</form>`;
  let results = null;
  if (v.error) results = html`<p class="notice" role="alert">${v.error}</p>`;
  else if (v.q) {
    const link = (p: number) => `${ctx.href('/search')}?${new URLSearchParams({ q: v.q, ...(v.channel ? { channel: v.channel } : {}), ...(v.from ? { from: v.from } : {}), ...(v.to ? { to: v.to } : {}), page: String(p) })}`;
    results = html`<p class="search-count">${ctx.t(LABELS.searchResults(v.q, v.total), 'zh-Hant')}</p>${
      v.results.length
        ? html`<ol class="results">${v.results.map(
            (r) => {
              const href = ctx.href(`/articles/${r.id}`);
              const picture = r.leadImageId === null ? undefined : v.pictures?.get(r.leadImageId);
              const text = html`<a href="${href}">${r.headline}</a> <time datetime="${r.publishedAt}">${formatListDate(r.publishedAt, tz)}</time><p class="snippet">${r.snippet}</p>`;
              return picture ? html`<li class="with-thumb">${thumbnail(ctx, picture, href, true)}${text}</li>` : html`<li>${text}</li>`;
            },
          )}</ol>`
        : html`<p>${ctx.t(LABELS.searchNone)}</p>`
    }${
      v.pages > 1
        ? html`<nav class="pager">${v.page > 1 ? html`<a rel="prev" href="${link(v.page - 1)}">${ctx.t(LABELS.previous)}</a>` : null}<span>${ctx.t(LABELS.pageOf(v.page, v.pages))}</span>${v.page < v.pages ? html`<a rel="next" href="${link(v.page + 1)}">${ctx.t(LABELS.next)}</a>` : null}</nav>`
        : null
    }`;
  }
  return layout(ctx, { title: `${ctx.t(LABELS.search)} - ${ctx.t(ctx.frame.settings.siteName, ctx.frame.settings.language)}`, path: '/search', body: html`${form}${results}` });
}
