import type { MediaItem } from '../../../domain/media.ts';
import { h } from './dom.ts';

/*
 * Rendition addresses, worked out here as src/domain/media.ts does (media-picture.test.ts holds
 * them to it): importing that module would bundle zod, doubling the newsroom's script, for a few
 * lines of arithmetic.
 */

export type ClientCrop = 'lead' | '4x3' | '1x1' | 'full';
type Picture = Pick<MediaItem, 'hash' | 'width' | 'height' | 'focalX' | 'focalY'>;

const CROPS: Record<ClientCrop, { ratio: readonly [number, number] | null; widths: readonly number[] }> = {
  lead: { ratio: [16, 9], widths: [480, 960, 1440] },
  '4x3': { ratio: [4, 3], widths: [320, 640] },
  '1x1': { ratio: [1, 1], widths: [160, 320] },
  full: { ratio: null, widths: [640, 1280] },
};
const EXT = { avif: 'avif', webp: 'webp', jpeg: 'jpg' } as const;
type Format = keyof typeof EXT;

function cropWidth(item: Picture, crop: ClientCrop): { width: number; height: number } {
  const ratio = CROPS[crop].ratio;
  if (!ratio) return { width: item.width, height: item.height };
  const r = ratio[0] / ratio[1];
  const bw = Math.max(1, Math.min(item.width, Math.round(item.height * r)));
  return { width: bw, height: Math.max(1, Math.min(item.height, Math.round(bw / r))) };
}

/** The widths made for a crop, smallest first, with their heights. */
export function renditionWidths(item: Picture, crop: ClientCrop): Array<{ width: number; height: number }> {
  const box = cropWidth(item, crop);
  const widths = [...new Set(CROPS[crop].widths.map((w) => Math.min(w, box.width)))].sort((a, b) => a - b);
  return widths.map((width) => ({ width, height: Math.max(1, Math.round((width * box.height) / box.width)) }));
}

export function renditionUrl(item: Picture, crop: ClientCrop, width: number, format: Format): string {
  return `/media/${item.hash}/${crop}-${width}-${item.focalX}-${item.focalY}.${EXT[format]}`;
}

/** The largest JPEG of the whole frame: what a body `<img>` names (the reader pages make the rest). */
export function bodyImageUrl(item: Picture): string {
  const sizes = renditionWidths(item, 'full');
  return renditionUrl(item, 'full', sizes[sizes.length - 1]!.width, 'jpeg');
}

/** A `<picture>` of one crop, AVIF and WebP first; `sizes` says how wide it shows. */
export function pictureOf(item: Picture & Pick<MediaItem, 'alt'>, crop: ClientCrop, sizes: string): HTMLElement {
  const widths = renditionWidths(item, crop);
  const srcset = (f: Format) => widths.map((s) => `${renditionUrl(item, crop, s.width, f)} ${s.width}w`).join(', ');
  const largest = widths[widths.length - 1]!;
  return h(
    'picture',
    {},
    h('source', { type: 'image/avif', srcset: srcset('avif'), sizes }),
    h('source', { type: 'image/webp', srcset: srcset('webp'), sizes }),
    h('img', { src: renditionUrl(item, crop, largest.width, 'jpeg'), srcset: srcset('jpeg'), sizes, alt: item.alt ?? '', width: largest.width, height: largest.height, loading: 'lazy', decoding: 'async' }),
  );
}
