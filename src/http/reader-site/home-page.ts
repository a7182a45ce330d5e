import type { RenderContext } from './render-context.ts';
import type { HomeData, TopicData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { articleList } from './article-list.ts';
import { html, joinHtml } from '../../text/safe-html.ts';
import { leadPictureOf, pictureHtml } from './pictures.ts';
import { mostReadBlock } from './most-read.ts';

/** How wide the 頭條's picture is drawn (site.css.ts): the whole lead box on a phone, its column beside 推薦 on wider screens. */
const LEAD_PICTURE_SIZES = '(min-width: 1024px) 520px, (min-width: 768px) 430px, calc(100vw - 70px)';

/**
 * The editors' 頭條 with 推薦 beside it, the latest articles, then 專題 and a block per region in one
 * grid, and the most-read ranking (a sidebar on wide screens, after the rest on a phone). Each story
 * shows once from the top down (reader-service.ts); a region's block is the region's own index.
 */
export function homePage(ctx: RenderContext, data: HomeData): string {
  const s = data.settings;
  const pics = data.pictures;
  const leadPicture = data.lead ? leadPictureOf(pics, data.lead) : undefined;
  // The 頭條's picture is at the top of the page and is fetched at once; every other waits for the scroll.
  const lead = data.lead
    ? html`<section class="lead${leadPicture ? ' with-picture' : ''}" aria-label="${ctx.t(LABELS.lead)}">${
        leadPicture ? html`<a class="lead-picture" href="${ctx.href(`/articles/${data.lead.id}`)}" tabindex="-1" aria-hidden="true">${pictureHtml(leadPicture, '4x3', { sizes: LEAD_PICTURE_SIZES, alt: '', lazy: false, high: true })}</a>` : null
      }<h2 class="lead-headline"><a href="${ctx.href(`/articles/${data.lead.id}`)}">${ctx.t(data.lead.headline, data.lead.language)}</a></h2>${data.lead.summary ? html`<p>${ctx.t(data.lead.summary, data.lead.language)}</p>` : null}</section>`
    : null;
  // Without a 頭條, the first story of the first list is the top of the page.
  const recommended = data.recommended.length ? html`<section class="recommended"><h2>${ctx.t(LABELS.recommended)}</h2>${articleList(ctx, data.recommended, pics, !lead)}</section>` : null;
  const top = lead || recommended ? html`<div class="${lead && recommended ? 'top with-recommended' : 'top'}">${lead}${recommended}</div>` : null;
  // A topic whose stories all show above still leads to its page, with its description.
  const topics = data.topics.filter((t) => t.offered).map((t) => {
    const href = ctx.href(`/topics/${t.topic.slug}`);
    const list = t.articles.length
      ? articleList(ctx, t.articles, pics)
      : html`${t.topic.description ? html`<p>${ctx.t(t.topic.description, t.topic.language)}</p>` : null}<p><a class="button" href="${href}">${ctx.t(LABELS.more)}</a></p>`;
    return html`<section class="block topic"><h2><a href="${href}">${ctx.t(LABELS.topic)}:${ctx.t(t.topic.title, t.topic.language)}</a></h2>${list}</section>`;
  });
  const blocks = data.blocks.map((b) => html`<section class="block"><h2><a href="${ctx.href(`/channels/${b.channel.slug}`)}">${ctx.t(b.channel.name, b.channel.language)}</a></h2>${articleList(ctx, b.articles, pics)}</section>`);
  const latest = html`<section class="latest"><h2>${ctx.t(LABELS.latest)}</h2>${articleList(ctx, data.latest, pics, !top)}</section>`;
  const grid = topics.length || blocks.length ? html`<div class="blocks">${joinHtml([...topics, ...blocks], '\n')}</div>` : null;
  const body = html`<div class="primary home">${top}${latest}
${grid}</div>${mostReadBlock(ctx, data.mostRead)}`;
  return layout(ctx, { title: s.tagline ? `${ctx.t(s.siteName, s.language)} - ${ctx.t(s.tagline, s.language)}` : ctx.t(s.siteName, s.language), path: '/', body });
}

export function topicPage(ctx: RenderContext, data: TopicData): string {
  const t = data.topic;
  const body = html`<h1 class="headline">${ctx.t(LABELS.topic)}:${ctx.t(t.title, t.language)}</h1>${t.description ? html`<p>${ctx.t(t.description, t.language)}</p>` : null}${articleList(ctx, data.articles, data.pictures)}`;
  return layout(ctx, { title: `${ctx.t(t.title, t.language)} - ${ctx.t(data.settings.siteName, data.settings.language)}`, path: `/topics/${t.slug}`, body });
}
