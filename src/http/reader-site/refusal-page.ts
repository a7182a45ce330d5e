import type { RenderContext } from './render-context.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { html } from '../../text/safe-html.ts';

/**
 * Input the server refuses (too large, control characters, an unreadable form), in the reader's script with the
 * site's frame; `back` is the page to try again from, when there is one.
 */
export function refusalPage(ctx: RenderContext, reason: string, path: string, back: string | null): string {
  const text = reason === 'PAYLOAD_TOO_LARGE' ? LABELS.refusedTooLarge : reason === 'INPUT_CONTROL_CHARACTER' ? LABELS.refusedControl : LABELS.refusedUnreadable;
  const again = back === null ? null : html`<a class="button" href="${back}">${ctx.t(LABELS.refusedBack)}</a>`;
  const body = html`<h1 class="headline">${ctx.t(LABELS.refusedTitle)}</h1><p role="alert">${ctx.t(text)}</p><p class="actions">${again}<a class="button" href="${ctx.href('/')}">${ctx.t(LABELS.backHome)}</a></p>`;
  return layout(ctx, { title: `${ctx.t(LABELS.refusedTitle)} - ${ctx.t(ctx.frame.settings.siteName, ctx.frame.settings.language)}`, path, body });
}
