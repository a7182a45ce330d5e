import type { RenderContext } from './render-context.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { html } from '../../text/safe-html.ts';
import { ACCEPTED_FILES, formField, HONEYPOT } from './tip-page.ts';

export interface ClaimFormValues {
  claimant: string;
  contact: string;
  article: string;
  claim: string;
  links: string;
}

/**
 * The public rights-claims form (point 6 of the statement). It works without JavaScript; values come
 * back on an error, so nothing typed is lost.
 */
export function claimFormPage(ctx: RenderContext, v: ClaimFormValues, error: string | null): string {
  const field = (name: keyof ClaimFormValues, label: string, hint: string | null, multiline = false) => {
    const described = hint ? `${name}-hint` : undefined;
    return formField(ctx, name, label, hint, multiline
      ? html`<textarea id="${name}" name="${name}" rows="${name === 'claim' ? 6 : 3}"${described ? html` aria-describedby="${described}"` : null}>${v[name]}</textarea>`
      : html`<input id="${name}" name="${name}" value="${v[name]}"${described ? html` aria-describedby="${described}"` : null}>`);
  };
  const body = html`<h1 class="headline">${ctx.t(LABELS.claimTitle)}</h1><p>${ctx.t(LABELS.claimIntro(ctx.frame.settings.claimWindowDays))}</p>
${error ? html`<p class="notice" role="alert">${error}</p>` : null}
<form class="public-form" method="post" enctype="multipart/form-data" action="${ctx.href('/rights/claims/new')}">
${field('claimant', LABELS.claimClaimant, null)}${field('contact', LABELS.claimContact, LABELS.claimContactHint)}${field('article', LABELS.claimArticle, LABELS.claimArticleHint)}${field('claim', LABELS.claimText, LABELS.claimTextHint, true)}${field('links', LABELS.claimLinks, LABELS.claimLinksHint, true)}
${formField(ctx, 'files', LABELS.claimFiles, LABELS.filesHint, html`<input id="files" name="files" type="file" multiple accept="${ACCEPTED_FILES}" aria-describedby="files-hint">`)}
${HONEYPOT}
<p class="actions"><button type="submit">${ctx.t(LABELS.claimSubmit)}</button></p>
</form>`;
  return layout(ctx, { title: `${ctx.t(LABELS.claimTitle)} - ${ctx.t(ctx.frame.settings.siteName, ctx.frame.settings.language)}`, path: '/rights/claims/new', body });
}

export function claimThanksPage(ctx: RenderContext, reference: string, late: { days: number; window: number } | null): string {
  const body = html`<h1 class="headline">${ctx.t(LABELS.claimTitle)}</h1><p class="notice claim-reference" role="status">${ctx.t(LABELS.claimThanks(reference))}</p>${late ? html`<p class="notice claim-late">${ctx.t(LABELS.claimLate(late.days, late.window))}</p>` : null}<p><a class="button" href="${ctx.href('/')}">${ctx.t(LABELS.backHome)}</a></p>`;
  return layout(ctx, { title: ctx.t(LABELS.claimTitle), path: '/rights/claims/new', body });
}
