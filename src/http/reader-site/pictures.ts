import type { RenderContext } from './render-context.ts';
import type { Pictures } from '../../services/reader-service.ts';
import { pictureSources, type Crop, type MediaItem } from '../../domain/media.ts';
import { LABELS } from './labels.ts';
import { html, type SafeHtml } from '../../text/safe-html.ts';
import type { BodyPicture } from '../../text/body-html.ts';

/**
 * How wide each kind of picture is drawn (site.css.ts), so the browser picks the smallest
 * rendition that is sharp enough. The page is 960px with 16px either side.
 */
export const SIZES = {
  column: '(max-width: 960px) calc(100vw - 32px), 928px',
  homeLead: '(min-width: 640px) 280px, calc(100vw - 70px)',
  thumb: '96px',
} as const;

interface PictureOptions {
  sizes: string;
  /** Text, in the reader's script; empty for a picture that only repeats the link beside it. */
  alt: string;
  /** Below the fold: fetched as the reader scrolls to it. */
  lazy: boolean;
  /** The page's main picture: fetched before anything else the page needs. */
  high?: boolean;
}

/**
 * `<picture>` for one crop: AVIF and WebP sources, the JPEG `<img>` with its width and height
 * always set, so the page does not move as pictures arrive.
 */
export function pictureHtml(item: MediaItem, crop: Crop, o: PictureOptions): SafeHtml {
  const p = pictureSources(item, crop);
  return html`<picture>${p.sources.map((s) => html`<source type="${s.type}" srcset="${s.srcset}" sizes="${o.sizes}">`)}<img src="${p.src}" srcset="${p.srcset}" sizes="${o.sizes}" width="${p.width}" height="${p.height}" alt="${o.alt}"${o.lazy ? html` loading="lazy" decoding="async"` : null}${o.high ? html` fetchpriority="high"` : null}></picture>`;
}

/** The picture's alt text in the reader's script. */
export const altOf = (ctx: RenderContext, item: MediaItem): string => (item.alt ? ctx.t(item.alt, item.language) : '');

/** Caption and credit in the reader's script: 攝影 for our own photographers, 圖片來源 for anyone else's. */
export function figcaption(ctx: RenderContext, item: MediaItem): SafeHtml | null {
  const caption = item.caption ? ctx.t(item.caption, item.language) : null;
  const credit = item.credit
    ? html`<span class="credit">${ctx.t(item.rightsClass === 'own' ? LABELS.photoBy : LABELS.pictureSource)}:${ctx.t(item.credit, item.language)}</span>`
    : null;
  if (!caption && !credit) return null;
  return html`<figcaption>${caption}${caption && credit ? ' ' : null}${credit}</figcaption>`;
}

/** The article's 題圖, above the body: the 16:9 crop, fetched first. */
export function leadFigure(ctx: RenderContext, item: MediaItem): SafeHtml {
  return html`<figure class="lead-image">${pictureHtml(item, 'lead', { sizes: SIZES.column, alt: altOf(ctx, item), lazy: false, high: true })}${figcaption(ctx, item)}</figure>`;
}

/**
 * Pictures in the body: the whole frame, fetched as the reader scrolls. One the page may not
 * show (missing, taken down) is left out, image and all.
 */
export function bodyPictures(ctx: RenderContext, pictures: Pictures | undefined): BodyPicture {
  return (id, alt) => {
    const item = pictures?.get(id);
    if (!item) return null;
    return html`<figure class="body-image">${pictureHtml(item, 'full', { sizes: SIZES.column, alt: alt || altOf(ctx, item), lazy: true })}${figcaption(ctx, item)}</figure>`;
  };
}

/**
 * Pictures in a feed's body: one JPEG at its absolute URL (feed readers show the body away from
 * the site, and few of them know `<picture>`).
 */
export function feedBodyPictures(ctx: RenderContext, pictures: Pictures): BodyPicture {
  return (id, alt) => {
    const item = pictures.get(id);
    if (!item) return null;
    const p = pictureSources(item, 'full');
    return html`<figure><img src="${ctx.absolute(p.src)}" width="${p.width}" height="${p.height}" alt="${alt || altOf(ctx, item)}">${figcaption(ctx, item)}</figure>`;
  };
}

/** A list item's thumbnail: it repeats the headline's link, so it is hidden from screen readers and the tab order. */
export function thumbnail(ctx: RenderContext, item: MediaItem, href: string, lazy: boolean): SafeHtml {
  return html`<a class="thumb" href="${href}" tabindex="-1" aria-hidden="true">${pictureHtml(item, '4x3', { sizes: SIZES.thumb, alt: '', lazy })}</a>`;
}

/** The picture of an article in a list, if it has one that may be shown. */
export const leadPictureOf = (pictures: Pictures | undefined, a: { leadImageId: number | null }): MediaItem | undefined =>
  a.leadImageId === null ? undefined : pictures?.get(a.leadImageId);

export interface AbsoluteImage {
  url: string;
  width: number;
  height: number;
  /** Text, in the reader's script. */
  alt: string;
}

/** The largest JPEG of a crop at its absolute URL: for og:image, JSON-LD and feeds, read off the site. */
export function absoluteImage(ctx: RenderContext, item: MediaItem, crop: Crop = 'lead'): AbsoluteImage {
  const p = pictureSources(item, crop);
  return { url: ctx.absolute(p.src), width: p.width, height: p.height, alt: altOf(ctx, item) };
}

/** Crops search engines are offered, widest first (they choose one to fit their own layouts). */
export const SHARED_CROPS: readonly Crop[] = ['lead', '4x3', '1x1'];
