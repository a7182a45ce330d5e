import type { RenderContext } from './render-context.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';

/** The file types both public forms take (what the server accepts, so the picker offers only those). */
export const ACCEPTED_FILES = 'image/png,image/jpeg,image/gif,image/webp,application/pdf';

/**
 * One field of a public form: its short name above it, then the field, then what to write in it
 * (tied to the field for screen readers). `control` is the field itself, with the same id.
 */
export function formField(ctx: RenderContext, id: string, label: string, hint: string | null, control: SafeHtml): SafeHtml {
  return html`<div class="field"><label for="${id}">${ctx.t(label)}</label>${control}${hint ? html`<p class="hint" id="${`${id}-hint`}">${ctx.t(hint)}</p>` : null}</div>`;
}

/** The robots' trap: a field people never see and robots fill in. */
export const HONEYPOT = html`<p class="sr-only" aria-hidden="true"><label>website<input name="website" tabindex="-1" autocomplete="off"></label></p>`;

/**
 * The reader-tips form: the page's 熱線 and 郵箱, as a form. It works without JavaScript (a plain
 * multipart POST); values come back on an error.
 */
export function tipFormPage(ctx: RenderContext, v: { text: string; contact: string }, token: string, error: string | null): string {
  const s = ctx.frame.settings;
  const body = html`<h1 class="headline">${ctx.t(LABELS.tipTitle)}</h1><p>${ctx.t(LABELS.tipIntro)} ${s.hotline ? html`<span class="token">${ctx.t(LABELS.hotline)}:${s.hotline}</span> ` : null}<span class="token">${ctx.t(LABELS.email)}:${s.email}</span></p>
${error ? html`<p class="notice" role="alert">${error}</p>` : null}
<form class="public-form" method="post" enctype="multipart/form-data" action="${ctx.href('/tips/new')}">
<input type="hidden" name="token" value="${token}">
${formField(ctx, 'text', LABELS.tipText, LABELS.tipTextHint, html`<textarea id="text" name="text" rows="6" required aria-describedby="text-hint">${v.text}</textarea>`)}
${formField(ctx, 'contact', LABELS.tipContact, LABELS.tipContactHint, html`<input id="contact" name="contact" value="${v.contact}" aria-describedby="contact-hint">`)}
${formField(ctx, 'files', LABELS.tipFiles, LABELS.filesHint, html`<input id="files" name="files" type="file" multiple accept="${ACCEPTED_FILES}" aria-describedby="files-hint">`)}
${HONEYPOT}
<p class="actions"><button type="submit">${ctx.t(LABELS.tipSubmit)}</button></p>
</form>`;
  return layout(ctx, { title: `${ctx.t(LABELS.tipTitle)} - ${ctx.t(s.siteName, s.language)}`, path: '/tips/new', body });
}

export function tipThanksPage(ctx: RenderContext, reference: string): string {
  return layout(ctx, {
    title: ctx.t(LABELS.tipTitle),
    path: '/tips/new',
    body: html`<h1 class="headline">${ctx.t(LABELS.tipTitle)}</h1><p class="notice tip-reference" role="status">${ctx.t(LABELS.tipThanks(reference))}</p><p><a class="button" href="${ctx.href('/')}">${ctx.t(LABELS.backHome)}</a></p>`,
  });
}
