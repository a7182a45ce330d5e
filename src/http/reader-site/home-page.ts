import type { RenderContext } from './render-context.ts';
import type { HomeData, TopicData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { articleList } from './article-list.ts';
import { esc } from '../html.ts';

/** The editors' 頭條, 推薦 and 專題, then the latest articles and a block per region. */
export function homePage(ctx: RenderContext, data: HomeData): string {
  const s = data.settings;
  const lead = data.lead
    ? `<section class="lead" aria-label="${ctx.t(LABELS.lead)}"><h2 class="lead-headline"><a href="${esc(ctx.href(`/articles/${data.lead.id}`))}">${ctx.t(data.lead.headline, data.lead.language)}</a></h2>${data.lead.summary ? `<p>${ctx.t(data.lead.summary, data.lead.language)}</p>` : ''}</section>`
    : '';
  const recommended = data.recommended.length ? `<section class="recommended"><h2>${ctx.t(LABELS.recommended)}</h2>${articleList(ctx, data.recommended)}</section>` : '';
  const topics = data.topics
    .filter((t) => t.articles.length)
    .map((t) => `<section class="block topic"><h2><a href="${esc(ctx.href(`/topics/${t.topic.slug}`))}">${ctx.t(LABELS.topic)}:${ctx.t(t.topic.title, t.topic.language)}</a></h2>${articleList(ctx, t.articles)}</section>`)
    .join('');
  const blocks = data.blocks
    .map(
      (b) => `<section class="block"><h2><a href="${esc(ctx.href(`/channels/${b.channel.slug}`))}">${ctx.t(b.channel.name, b.channel.language)}</a></h2>${articleList(ctx, b.articles)}</section>`,
    )
    .join('\n');
  const body = `${lead}${recommended}${topics ? `<div class="blocks">${topics}</div>` : ''}<section class="latest"><h2>${ctx.t(LABELS.latest)}</h2>${articleList(ctx, data.latest)}</section>
<div class="blocks">${blocks}</div>`;
  return layout(ctx, { title: `${ctx.t(s.siteName, s.language)} - ${ctx.t(s.tagline, s.language)}`, path: '/', body });
}

export function topicPage(ctx: RenderContext, data: TopicData): string {
  const t = data.topic;
  const body = `<h1 class="headline">${ctx.t(LABELS.topic)}:${ctx.t(t.title, t.language)}</h1>${t.description ? `<p>${ctx.t(t.description, t.language)}</p>` : ''}${articleList(ctx, data.articles)}`;
  return layout(ctx, { title: `${ctx.t(t.title, t.language)} - ${ctx.t(data.settings.siteName, data.settings.language)}`, path: `/topics/${t.slug}`, body });
}
