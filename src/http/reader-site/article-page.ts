import type { RenderContext } from './render-context.ts';
import type { ArticleData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { formatLead } from '../../domain/dateline.ts';
import { formatLocalDateTime, formatZoned, zoneNameAt } from '../../domain/time.ts';
import { html, joinHtml, type SafeHtml } from '../../text/safe-html.ts';
import { leadingText, type BodyLead } from '../../text/body-html.ts';
import { articleJsonLd } from './article-json-ld.ts';
import { convertText } from '../../text/convert.ts';
import { nameScript } from '../../text/convert-name.ts';
import { absoluteImage, bodyPictures, leadFigure, leadPictureOf } from './pictures.ts';
import { articleTrail, breadcrumbNav } from './breadcrumb.ts';
import { fontSizeControls, shareBlock } from './article-share.ts';
import { neighbourLinks, relatedList } from './related-list.ts';
import { articleTags } from './list-pages.ts';

// A draft (preview) has no publication yet: its lead is dated as it would be if it went out now.
const leadOf = ({ article: a, settings: s }: ArticleData): BodyLead => ({
  text: formatLead(a.dateline, a.language, { publishedAt: a.publishedAt ?? new Date().toISOString(), timeZone: s.timeZone, siteName: s.siteName }),
  as: 'span',
});

/** A time to the second in the site's zone, with the zone named; `datetime` carries its offset. */
function timeIn(ctx: RenderContext, iso: string, timeZone: string): SafeHtml {
  const zone = zoneNameAt(iso, timeZone);
  return html`<time datetime="${formatZoned(iso, timeZone)}">${formatLocalDateTime(iso, timeZone)}</time> <span class="zone">${'name' in zone ? ctx.t(LABELS.zoneNames[zone.name]) : zone.offset}</span>`;
}

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
  // Signers and outlets are written as they write themselves, whatever the article's script.
  const name = (n: string) => ctx.t(n, nameScript(n, from, ctx.target));
  const meta = joinHtml([
    timeIn(ctx, a.publishedAt!, settings.timeZone),
    a.sourceName && html`<span class="source">${ctx.t(LABELS.source)}:${name(a.sourceName)}</span>`,
    a.editorName && html`<span class="editor">${ctx.t(LABELS.editor)}:${name(a.editorName)}</span>`,
    a.responsibleEditorName && html`<span class="responsible-editor">${ctx.t(LABELS.responsibleEditor)}:${name(a.responsibleEditorName)}</span>`,
  ].filter((x) => !!x), html`<span class="sep">|</span>`);
  const notices: string[] = [];
  if (a.rightsClass === 'exclusive' && settings.creditLine) notices.push(ctx.t(settings.creditLine, settings.language));
  if (a.rightsClass === 'reprint') notices.push(ctx.t(settings.reprintDisclaimer, settings.language));
  const corrections = a.corrections.length
    ? html`<aside class="corrections"><h2>${ctx.t(LABELS.corrections)}</h2><ul>${a.corrections.map(
        (c) => html`<li>${timeIn(ctx, c.at, settings.timeZone)} ${ctx.t(c.note, from)}</li>`,
      )}</ul></aside>\n`
    : null;
  const headline = ctx.t(a.headline, from);
  const article = html`<article>
<h1 class="headline">${ctx.t(a.headline, from)}</h1>
<p class="meta">${meta}</p>
${fontSizeControls(ctx)}
${a.byline ? html`<p class="byline">${name(a.byline)}</p>\n` : null}${a.originalHeadline ? html`<p class="original-headline">${ctx.t(LABELS.originalHeadline)}:${ctx.t(a.originalHeadline, from)}</p>\n` : null}${picture ? html`${leadFigure(ctx, picture)}\n` : null}<div class="body">
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
