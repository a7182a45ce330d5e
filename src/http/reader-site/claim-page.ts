import type { RenderContext } from './render-context.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { html } from '../../text/safe-html.ts';

export interface ClaimFormValues {
  claimant: string;
  contact: string;
  article: string;
  claim: string;
  links: string;
}

/** The public rights-claims form (point 6 of the statement); values come back on an error, so nothing typed is lost. */
export function claimFormPage(ctx: RenderContext, v: ClaimFormValues, error: string | null): string {
  const field = (name: keyof ClaimFormValues, label: string, multiline = false) =>
    html`<p><label for="${name}">${ctx.t(label)}</label><br>${multiline ? html`<textarea id="${name}" name="${name}" rows="${name === 'claim' ? 6 : 3}" class="wide">${v[name]}</textarea>` : html`<input id="${name}" name="${name}" value="${v[name]}" class="wide">`}</p>`;
  const body = html`<h1 class="headline">${ctx.t(LABELS.claimTitle)}</h1><p>${ctx.t(LABELS.claimIntro(ctx.frame.settings.claimWindowDays))}</p>
${error ? html`<p class="notice" role="alert">${error}</p>` : null}
<form method="post" enctype="multipart/form-data" action="${ctx.href('/rights/claims/new')}">
${field('claimant', LABELS.claimClaimant)}${field('contact', LABELS.claimContact)}${field('article', LABELS.claimArticle)}${field('claim', LABELS.claimText, true)}${field('links', LABELS.claimLinks, true)}
<p><label for="files">${ctx.t(LABELS.claimFiles)}</label><br><input id="files" name="files" type="file" multiple accept="image/png,image/jpeg,image/gif,image/webp,application/pdf"></p>
<p class="sr-only" aria-hidden="true"><label>website<input name="website" tabindex="-1" autocomplete="off"></label></p>
<p><button type="submit">${ctx.t(LABELS.claimSubmit)}</button></p>
</form>`;
  return layout(ctx, { title: `${ctx.t(LABELS.claimTitle)} - ${ctx.t(ctx.frame.settings.siteName, ctx.frame.settings.language)}`, path: '/rights/claims/new', body });
}

export function claimThanksPage(ctx: RenderContext, reference: string, late: { days: number; window: number } | null): string {
  const body = html`<h1 class="headline">${ctx.t(LABELS.claimTitle)}</h1><p class="notice claim-reference" role="status">${ctx.t(LABELS.claimThanks(reference))}</p>${late ? html`<p class="notice claim-late">${ctx.t(LABELS.claimLate(late.days, late.window))}</p>` : null}`;
  return layout(ctx, { title: ctx.t(LABELS.claimTitle), path: '/rights/claims/new', body });
}
