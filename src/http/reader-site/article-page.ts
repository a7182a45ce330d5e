import type { RenderContext } from './render-context.ts';
import type { ArticleData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { formatLead } from '../../domain/dateline.ts';
import { formatLocalDateTime, formatZoned } from '../../domain/time.ts';
import { html, joinHtml, type SafeHtml } from '../../text/safe-html.ts';
import { leadingText, type BodyLead } from '../../text/body-html.ts';
import { articleJsonLd } from './article-json-ld.ts';
import { convertText } from '../../text/convert.ts';
import { absoluteImage, bodyPictures, leadFigure, leadPictureOf } from './pictures.ts';
import { articleTrail, breadcrumbNav } from './breadcrumb.ts';
import { fontSizeControls, shareBlock } from './article-share.ts';
import { neighbourLinks, relatedList } from './related-list.ts';
import { articleTags } from './list-pages.ts';

const leadOf = (data: ArticleData): BodyLead => ({ text: formatLead(data.article.dateline, data.article.language), as: 'span' });

/**
 * The article's body in the reader's script, converted without holding the event loop: rendered
 * first by the reader routes, then handed to articlePage.
 */
export function articleBody(ctx: RenderContext, data: ArticleData): Promise<SafeHtml> {
  return ctx.hYielding(data.article.bodyHtml, data.article.language, leadOf(data), bodyPictures(ctx, data.pictures));
}

/**
 * The article page in the seed page's order: headline; time to the second, 來源, 編輯, 責編;
 * the 原題 line; the dateline lead and the body; the reprint notice.
 */
export function articlePage(ctx: RenderContext, data: ArticleData, body: SafeHtml = ctx.h(data.article.bodyHtml, data.article.language, leadOf(data), bodyPictures(ctx, data.pictures))): string {
  const a = data.article;
  const picture = leadPictureOf(data.pictures, a);
  const { settings } = data;
  const from = a.language;
  const meta = joinHtml([
    html`<time datetime="${a.publishedAt!}">${formatLocalDateTime(a.publishedAt!, settings.timeZone)}</time>`,
    a.sourceName && html`<span class="source">${ctx.t(LABELS.source)}:${ctx.t(a.sourceName, from)}</span>`,
    a.editorName && html`<span class="editor">${ctx.t(LABELS.editor)}:${ctx.t(a.editorName, from)}</span>`,
    a.responsibleEditorName && html`<span class="responsible-editor">${ctx.t(LABELS.responsibleEditor)}:${ctx.t(a.responsibleEditorName, from)}</span>`,
  ].filter((x) => !!x), html`<span class="sep">|</span>`);
  const notices: string[] = [];
  if (a.rightsClass === 'exclusive' && settings.creditLine) notices.push(ctx.t(settings.creditLine, settings.language));
  if (a.rightsClass === 'reprint') notices.push(ctx.t(settings.reprintDisclaimer, settings.language));
  const corrections = a.corrections.length
    ? html`<aside class="corrections"><h2>${ctx.t(LABELS.corrections)}</h2><ul>${a.corrections.map(
        (c) => html`<li><time datetime="${c.at}">${formatLocalDateTime(c.at, settings.timeZone)}</time> ${ctx.t(c.note, from)}</li>`,
      )}</ul></aside>\n`
    : null;
  const headline = ctx.t(a.headline, from);
  const article = html`<article>
<h1 class="headline">${ctx.t(a.headline, from)}</h1>
<p class="meta">${meta}</p>
${fontSizeControls(ctx)}
${a.byline ? html`<p class="byline">${ctx.t(a.byline, from)}</p>\n` : null}${a.originalHeadline ? html`<p class="original-headline">${ctx.t(LABELS.originalHeadline)}:${ctx.t(a.originalHeadline, from)}</p>\n` : null}${picture ? html`${leadFigure(ctx, picture)}\n` : null}<div class="body">
${body}
</div>
${corrections}${joinHtml(notices.map((n) => html`<p class="notice">${n}</p>`), '\n')}
${articleTags(ctx, a.tags, from)}
<p class="print-only print-url">${ctx.t(LABELS.shareLink)}:${ctx.absolute(ctx.href(`/articles/${a.id}`))}</p>
</article>`;
  // What surrounds the story on the site (a preview of a draft has none of it).
  const f = data.furniture;
  const around = f ? html`\n${shareBlock(ctx, a.id, headline)}\n${neighbourLinks(ctx, f)}\n${relatedList(ctx, f.related)}` : null;
  return layout(ctx, {
    title: `${ctx.t(a.headline, from)} - ${ctx.t(settings.siteName, settings.language)}`,
    path: `/articles/${a.id}`,
    body: html`${breadcrumbNav(ctx, articleTrail(ctx, a))}\n${article}${around}${articleJsonLd(ctx, data)}`,
    meta: {
      type: 'article',
      description: convertText(a.summary ?? leadingText(a.bodyHtml, 120), from, ctx.target, [...a.lockedTerms, ...data.terms]),
      publishedTime: formatZoned(a.publishedAt!, settings.timeZone),
      modifiedTime: formatZoned(a.updatedAt, settings.timeZone),
      ...(picture ? { image: absoluteImage(ctx, picture) } : {}),
    },
    ...(a.channels[0] ? { currentChannel: a.channels[0] } : {}),
  });
}
