import type { RenderContext } from './render-context.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { html } from '../../text/safe-html.ts';

/** The reader-tips form: the page's 熱線 and 郵箱, as a form. Values come back on an error. */
export function tipFormPage(ctx: RenderContext, v: { text: string; contact: string }, token: string, error: string | null): string {
  const s = ctx.frame.settings;
  const body = html`<h1 class="headline">${ctx.t(LABELS.tipTitle)}</h1><p>${ctx.t(LABELS.tipIntro)} ${s.hotline ? html`${ctx.t(LABELS.hotline)}:${s.hotline} ` : null}${ctx.t(LABELS.email)}:${s.email}</p>
${error ? html`<p class="notice" role="alert">${error}</p>` : null}
<form method="post" enctype="multipart/form-data" action="${ctx.href('/tips/new')}">
<input type="hidden" name="token" value="${token}">
<p><label for="text">${ctx.t(LABELS.tipText)}</label><br><textarea id="text" name="text" rows="6" class="wide" required>${v.text}</textarea></p>
<p><label for="contact">${ctx.t(LABELS.tipContact)}</label><br><input id="contact" name="contact" value="${v.contact}" class="wide"></p>
<p><label for="files">${ctx.t(LABELS.tipFiles)}</label><br><input id="files" name="files" type="file" multiple accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"></p>
<p class="sr-only" aria-hidden="true"><label>website<input name="website" tabindex="-1" autocomplete="off"></label></p>
<p><button type="submit">${ctx.t(LABELS.tipSubmit)}</button></p>
</form>`;
  return layout(ctx, { title: `${ctx.t(LABELS.tipTitle)} - ${ctx.t(s.siteName, s.language)}`, path: '/tips/new', body });
}

export function tipThanksPage(ctx: RenderContext, reference: string): string {
  return layout(ctx, { title: ctx.t(LABELS.tipTitle), path: '/tips/new', body: html`<h1 class="headline">${ctx.t(LABELS.tipTitle)}</h1><p class="notice tip-reference" role="status">${ctx.t(LABELS.tipThanks(reference))}</p>` });
}
