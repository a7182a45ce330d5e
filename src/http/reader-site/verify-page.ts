import type { RenderContext } from './render-context.ts';
import type { VerifiedLicensee } from '../../services/rights-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { formatLocalDate } from '../../domain/time.ts';
import { html, joinHtml } from '../../text/safe-html.ts';
import { convertName } from '../../text/convert-name.ts';

/** Stands for the reader's query while the sentence around it is converted. */
const QUERY = '\u{F8FF}';

/**
 * The sentence saying a query found no one, in the reader's script around the query exactly as
 * the reader typed it: converting a Traditional query for a Simplified page would answer a
 * question the reader did not ask.
 */
function notAuthorised(ctx: RenderContext, q: string): string {
  return ctx.t(LABELS.verifyNotAuthorised(QUERY)).split(QUERY).join(q);
}

/** The public check against fake agents (point 4 of the statement); `error` is in the reader's words. */
export function verifyPage(ctx: RenderContext, q: string, found: VerifiedLicensee[], error: string | null = null): string {
  const tz = ctx.frame.settings.timeZone;
  const channelName = (slug: string) => {
    const c = ctx.frame.channels.find((x) => x.slug === slug);
    return c ? ctx.t(c.name, c.language) : slug;
  };
  const form = html`<form class="search" action="${ctx.href('/licensees/verify')}" method="get"><label for="q" class="sr-only">${ctx.t(LABELS.verifyTitle)}</label><input id="q" name="q" type="search" value="${q}" maxlength="100" required><button type="submit">${ctx.t(LABELS.verifyButton)}</button></form>`;
  let results = null;
  if (q.trim()) {
    if (!found.length) results = html`<p class="notice verify-none" role="status">${notAuthorised(ctx, q)}</p>`;
    else {
      results = found.map(
        (l) => html`<section class="verify-result" data-authorised="${String(l.authorised)}"><h2>${convertName(l.name, ctx.frame.settings.language, ctx.target, ctx.frame.terms)} ${l.authorised ? html`<span class="ok">${ctx.t(LABELS.verifyAuthorised)}</span>` : null}</h2>
<p>${ctx.t(LABELS.verifyCertificate)}:${l.certificateNo}</p>
<ul>${l.agreements.map(
          (a) => html`<li data-state="${a.state}"><strong>${ctx.t(LABELS.verifyState[a.state] ?? a.state)}</strong> · ${ctx.t(LABELS.verifyScope)}:${a.channels.length ? a.channels.map(channelName).join('、') : ctx.t(LABELS.verifyAllChannels)};${joinHtml(a.rights.map((r) => ctx.t(LABELS.rightsClass[r] ?? r)), '、')};${joinHtml(a.uses.map((u) => ctx.t(LABELS.uses[u] ?? u)), '、')} · ${ctx.t(LABELS.verifyUntil)}:${a.validUntil ? formatLocalDate(a.validUntil, tz) : ctx.t(LABELS.verifyNoEnd)}${a.revokedAt ? ` (${ctx.t(LABELS.verifyState['revoked']!)} ${formatLocalDate(a.revokedAt, tz)})` : null}</li>`,
        )}</ul></section>`,
      );
    }
  }
  const body = html`<h1 class="headline">${ctx.t(LABELS.verifyTitle)}</h1>${error ? html`<p class="notice" role="alert">${error}</p>` : null}<p>${ctx.t(LABELS.verifyIntro)}</p>${form}${results}`;
  return layout(ctx, { title: `${ctx.t(LABELS.verifyTitle)} - ${ctx.t(ctx.frame.settings.siteName, ctx.frame.settings.language)}`, path: '/licensees/verify', body });
}
