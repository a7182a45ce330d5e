import type { RenderContext } from './render-context.ts';
import type { VerifiedLicensee } from '../../services/rights-service.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { formatLocalDate } from '../../domain/time.ts';
import { esc } from '../html.ts';

/** The public check against fake agents (point 4 of the statement). */
export function verifyPage(ctx: RenderContext, q: string, found: VerifiedLicensee[]): string {
  const tz = ctx.frame.settings.timeZone;
  const channelName = (slug: string) => {
    const c = ctx.frame.channels.find((x) => x.slug === slug);
    return c ? ctx.t(c.name, c.language) : esc(slug);
  };
  const form = `<form class="search" action="${esc(ctx.href('/licensees/verify'))}" method="get"><label for="q" class="sr-only">${ctx.t(LABELS.verifyTitle)}</label><input id="q" name="q" type="search" value="${esc(q)}" maxlength="100" required><button type="submit">${ctx.t(LABELS.verifyButton)}</button></form>`;
  let results = '';
  if (q.trim()) {
    if (!found.length) results = `<p class="notice verify-none" role="status">${ctx.t(LABELS.verifyNotAuthorised(q))}</p>`;
    else {
      results = found
        .map(
          (l) => `<section class="verify-result" data-authorised="${l.authorised}"><h2>${ctx.t(l.name, ctx.frame.settings.language)} ${l.authorised ? `<span class="ok">${ctx.t(LABELS.verifyAuthorised)}</span>` : ''}</h2>
<p>${ctx.t(LABELS.verifyCertificate)}:${esc(l.certificateNo)}</p>
<ul>${l.agreements
            .map(
              (a) => `<li data-state="${a.state}"><strong>${ctx.t(LABELS.verifyState[a.state] ?? a.state)}</strong> · ${ctx.t(LABELS.verifyScope)}:${a.channels.length ? a.channels.map(channelName).join('、') : ctx.t(LABELS.verifyAllChannels)};${a.rights.map((r) => ctx.t(LABELS.rightsClass[r] ?? r)).join('、')};${a.uses.map((u) => ctx.t(LABELS.uses[u] ?? u)).join('、')} · ${ctx.t(LABELS.verifyUntil)}:${a.validUntil ? formatLocalDate(a.validUntil, tz) : ctx.t(LABELS.verifyNoEnd)}${a.revokedAt ? ` (${ctx.t(LABELS.verifyState['revoked']!)} ${formatLocalDate(a.revokedAt, tz)})` : ''}</li>`,
            )
            .join('')}</ul></section>`,
        )
        .join('');
    }
  }
  const body = `<h1 class="headline">${ctx.t(LABELS.verifyTitle)}</h1><p>${ctx.t(LABELS.verifyIntro)}</p>${form}${results}`;
  return layout(ctx, { title: `${ctx.t(LABELS.verifyTitle)} - ${ctx.t(ctx.frame.settings.siteName, ctx.frame.settings.language)}`, path: '/licensees/verify', body });
}
