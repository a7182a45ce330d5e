import type { RenderContext } from './render-context.ts';
import { LABELS } from './labels.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';

/** Weibo's share page; it reads the link and the text to post from its query. */
export const WEIBO_SHARE = 'https://service.weibo.com/share/share.php';

export function weiboShareUrl(url: string, title: string): string {
  return `${WEIBO_SHARE}?${new URLSearchParams({ url, title }).toString()}`;
}

/**
 * 分享: the QR code to open the article on a phone or in WeChat, a Weibo link, and the address to
 * copy. Without JavaScript the address is a read-only field to select; the copy button is shown
 * by reader.js only where the browser can copy. Its words are in the page, in the page's script.
 */
export function shareBlock(ctx: RenderContext, id: number, title: string): SafeHtml {
  const path = `/articles/${id}`;
  const url = ctx.absolute(ctx.href(path));
  return html`<section class="share" aria-labelledby="share-heading">
<h2 id="share-heading">${ctx.t(LABELS.share)}</h2>
<figure class="share-qr"><img src="${ctx.href(`${path}/qr.svg`)}" width="132" height="132" alt="${ctx.t(LABELS.shareQrAlt)}" loading="lazy" decoding="async"><figcaption>${ctx.t(LABELS.shareQr)}</figcaption></figure>
<p class="share-weibo"><a href="${weiboShareUrl(url, title)}" target="_blank" rel="noopener noreferrer">${ctx.t(LABELS.shareWeibo)}</a></p>
<p class="share-link"><label for="share-url">${ctx.t(LABELS.shareLink)}</label><input id="share-url" type="url" value="${url}" readonly><button type="button" class="copy-link" data-copy="share-url" data-copied="${ctx.t(LABELS.copied)}" data-copy-failed="${ctx.t(LABELS.copyFailed)}" hidden>${ctx.t(LABELS.copyLink)}</button><span class="copy-status" role="status" aria-live="polite"></span></p>
</section>`;
}

/** 字號 大/中/小: hidden until reader.js shows it (it alone can act on it); medium is the page as sent. */
export function fontSizeControls(ctx: RenderContext): SafeHtml {
  const sizes = [['l', LABELS.fontLarge], ['m', LABELS.fontMedium], ['s', LABELS.fontSmall]] as const;
  return html`<div class="font-size" role="group" aria-label="${ctx.t(LABELS.fontSize)}" hidden><span class="label" aria-hidden="true">${ctx.t(LABELS.fontSize)}:</span>${sizes.map(([size, label]) => html`<button type="button" data-font-size="${size}" aria-pressed="${size === 'm' ? 'true' : 'false'}">${ctx.t(label)}</button>`)}</div>`;
}
