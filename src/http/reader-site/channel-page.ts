import type { RenderContext } from './render-context.ts';
import type { ChannelData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { articleList } from './article-list.ts';
import { html } from '../../text/safe-html.ts';
import { mostReadBlock } from './most-read.ts';

export function channelPage(ctx: RenderContext, data: ChannelData): string {
  const c = data.channel;
  const s = data.settings;
  const path = `/channels/${c.slug}`;
  const pageHref = (p: number) => ctx.href(p === 1 ? path : `${path}?page=${p}`);
  const pager = data.pages > 1
    ? html`<nav class="pager">${data.page > 1 ? html`<a rel="prev" href="${pageHref(data.page - 1)}">${ctx.t(LABELS.previous)}</a>` : null}<span>${ctx.t(LABELS.pageOf(data.page, data.pages))}</span>${data.page < data.pages ? html`<a rel="next" href="${pageHref(data.page + 1)}">${ctx.t(LABELS.next)}</a>` : null}</nav>`
    : null;
  const body = html`<div class="primary"><h1 class="headline">${ctx.t(c.name, c.language)}</h1>${articleList(ctx, data.articles, data.pictures)}${pager}</div>${mostReadBlock(ctx, data.mostRead)}`;
  return layout(ctx, {
    title: `${ctx.t(c.name, c.language)} - ${ctx.t(s.siteName, s.language)}`,
    path: data.page === 1 ? path : `${path}?page=${data.page}`,
    body,
    currentChannel: c.slug,
  });
}
