import type { RenderContext } from './render-context.ts';
import { layout } from './layout.ts';
import { LABELS } from './labels.ts';
import { html } from '../../text/safe-html.ts';

/** 404 and 500 pages in the reader's script, with the site's frame so the reader can go on. */
export function errorPage(ctx: RenderContext, status: 404 | 500, path: string): string {
  const [title, text] = status === 404 ? [LABELS.notFoundTitle, LABELS.notFoundText] : [LABELS.errorTitle, LABELS.errorText];
  const body = html`<h1 class="headline">${ctx.t(title)}</h1><p>${ctx.t(text)}</p><p><a class="button" href="${ctx.href('/')}">${ctx.t(LABELS.backHome)}</a></p>`;
  return layout(ctx, { title: `${ctx.t(title)} - ${ctx.t(ctx.frame.settings.siteName, ctx.frame.settings.language)}`, path, body });
}

/** When even the site's settings cannot be read: a bare page, still in both scripts. */
export function bareErrorPage(status: number): string {
  return String(html`<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${status}</title></head><body><h1>${status}</h1><p lang="zh-Hans">页面暂时无法显示,请稍后再试。</p><p lang="zh-Hant">頁面暫時無法顯示,請稍後再試。</p></body></html>`);
}
