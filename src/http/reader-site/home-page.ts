import type { RenderContext } from './render-context.ts';
import type { HomeData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { articleList } from './article-list.ts';
import { esc } from '../html.ts';

/** Latest articles, then a block per region. */
export function homePage(ctx: RenderContext, data: HomeData): string {
  const s = data.settings;
  const blocks = data.blocks
    .map(
      (b) => `<section class="block"><h2><a href="${esc(ctx.href(`/channels/${b.channel.slug}`))}">${ctx.t(b.channel.name, b.channel.language)}</a></h2>${articleList(ctx, b.articles)}</section>`,
    )
    .join('\n');
  const body = `<section class="latest"><h2>${ctx.t(LABELS.latest)}</h2>${articleList(ctx, data.latest)}</section>
<div class="blocks">${blocks}</div>`;
  return layout(ctx, { title: `${ctx.t(s.siteName, s.language)} - ${ctx.t(s.tagline, s.language)}`, path: '/', body });
}
