import type { RenderContext } from './render-context.ts';
import type { ArticleData } from '../../services/reader-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { formatLead } from '../../domain/dateline.ts';
import { formatLocalDateTime } from '../../domain/time.ts';
import { esc } from '../html.ts';
import { articleJsonLd } from './article-json-ld.ts';
import { convertText } from '../../text/convert.ts';
import { htmlToText } from '../../text/sanitize.ts';
import { formatZoned } from '../../domain/time.ts';

/**
 * The article page in the seed page's order: headline; time to the second, 來源, 編輯, 責編;
 * the 原題 line; the dateline lead and the body; the reprint notice.
 */
export function articlePage(ctx: RenderContext, data: ArticleData): string {
  const a = data.article;
  const { settings } = data;
  const from = a.language;
  const sep = '<span class="sep">|</span>';
  const meta = [
    `<time datetime="${esc(a.publishedAt!)}">${formatLocalDateTime(a.publishedAt!, settings.timeZone)}</time>`,
    a.sourceName && `<span class="source">${ctx.t(LABELS.source)}:${ctx.t(a.sourceName, from)}</span>`,
    a.editorName && `<span class="editor">${ctx.t(LABELS.editor)}:${ctx.t(a.editorName, from)}</span>`,
    a.responsibleEditorName && `<span class="responsible-editor">${ctx.t(LABELS.responsibleEditor)}:${ctx.t(a.responsibleEditorName, from)}</span>`,
  ]
    .filter(Boolean)
    .join(sep);
  const lead = formatLead(a.dateline, a.language);
  const body = ctx.h(lead ? a.bodyHtml.replace(/^(\s*<p>)/, `$1<span class="dateline">${esc(lead)}</span>`) : a.bodyHtml, from);
  const notices: string[] = [];
  if (a.rightsClass === 'exclusive' && settings.creditLine) notices.push(ctx.t(settings.creditLine, settings.language));
  if (a.rightsClass === 'reprint') notices.push(ctx.t(settings.reprintDisclaimer, settings.language));
  const corrections = a.corrections.length
    ? `<aside class="corrections"><h2>${ctx.t(LABELS.corrections)}</h2><ul>${a.corrections
        .map((c) => `<li><time datetime="${esc(c.at)}">${formatLocalDateTime(c.at, settings.timeZone)}</time> ${ctx.t(c.note, from)}</li>`)
        .join('')}</ul></aside>\n`
    : '';
  const html = `<article>
<h1 class="headline">${ctx.t(a.headline, from)}</h1>
<p class="meta">${meta}</p>
${a.byline ? `<p class="byline">${ctx.t(a.byline, from)}</p>\n` : ''}${a.originalHeadline ? `<p class="original-headline">${ctx.t(LABELS.originalHeadline)}:${ctx.t(a.originalHeadline, from)}</p>\n` : ''}<div class="body">
${body}
</div>
${corrections}${notices.map((n) => `<p class="notice">${n}</p>`).join('\n')}
</article>`;
  return layout(ctx, {
    title: `${ctx.t(a.headline, from)} - ${ctx.t(settings.siteName, settings.language)}`,
    path: `/articles/${a.id}`,
    body: html + articleJsonLd(ctx, data),
    meta: {
      type: 'article',
      description: convertText(a.summary ?? htmlToText(a.bodyHtml).slice(0, 120), from, ctx.target, [...a.lockedTerms, ...data.terms]),
      publishedTime: formatZoned(a.publishedAt!, settings.timeZone),
      modifiedTime: formatZoned(a.updatedAt, settings.timeZone),
    },
    ...(a.channels[0] ? { currentChannel: a.channels[0] } : {}),
  });
}
