import type { RenderContext } from './render-context.ts';
import type { HomeData, TopicData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { articleList } from './article-list.ts';
import { html, joinHtml } from '../../text/safe-html.ts';

/** The editors' 頭條, 推薦 and 專題, then the latest articles and a block per region. */
export function homePage(ctx: RenderContext, data: HomeData): string {
  const s = data.settings;
  const lead = data.lead
    ? html`<section class="lead" aria-label="${ctx.t(LABELS.lead)}"><h2 class="lead-headline"><a href="${ctx.href(`/articles/${data.lead.id}`)}">${ctx.t(data.lead.headline, data.lead.language)}</a></h2>${data.lead.summary ? html`<p>${ctx.t(data.lead.summary, data.lead.language)}</p>` : null}</section>`
    : null;
  const recommended = data.recommended.length ? html`<section class="recommended"><h2>${ctx.t(LABELS.recommended)}</h2>${articleList(ctx, data.recommended)}</section>` : null;
  const topics = data.topics
    .filter((t) => t.articles.length)
    .map((t) => html`<section class="block topic"><h2><a href="${ctx.href(`/topics/${t.topic.slug}`)}">${ctx.t(LABELS.topic)}:${ctx.t(t.topic.title, t.topic.language)}</a></h2>${articleList(ctx, t.articles)}</section>`);
  const blocks = joinHtml(
    data.blocks.map((b) => html`<section class="block"><h2><a href="${ctx.href(`/channels/${b.channel.slug}`)}">${ctx.t(b.channel.name, b.channel.language)}</a></h2>${articleList(ctx, b.articles)}</section>`),
    '\n',
  );
  const body = html`${lead}${recommended}${topics.length ? html`<div class="blocks">${topics}</div>` : null}<section class="latest"><h2>${ctx.t(LABELS.latest)}</h2>${articleList(ctx, data.latest)}</section>
<div class="blocks">${blocks}</div>`;
  return layout(ctx, { title: s.tagline ? `${ctx.t(s.siteName, s.language)} - ${ctx.t(s.tagline, s.language)}` : ctx.t(s.siteName, s.language), path: '/', body });
}

export function topicPage(ctx: RenderContext, data: TopicData): string {
  const t = data.topic;
  const body = html`<h1 class="headline">${ctx.t(LABELS.topic)}:${ctx.t(t.title, t.language)}</h1>${t.description ? html`<p>${ctx.t(t.description, t.language)}</p>` : null}${articleList(ctx, data.articles)}`;
  return layout(ctx, { title: `${ctx.t(t.title, t.language)} - ${ctx.t(data.settings.siteName, data.settings.language)}`, path: `/topics/${t.slug}`, body });
}
