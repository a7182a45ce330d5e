import { z } from 'zod';
import { SCRIPTS, type Script } from './variant.ts';
import { optionalText } from './article.ts';

/**
 * Photos have rights of their own, apart from the article they illustrate: an agency picture in
 * our own story is still the agency's, and is passed on to licensees only where an agreement says so.
 */
export const PHOTO_RIGHTS = ['own', 'agency', 'reader', 'licensed-in'] as const;
export type PhotoRights = (typeof PHOTO_RIGHTS)[number];

/** Formats an upload may be in, recognised by their bytes. */
export const MEDIA_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'heic', 'gif'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** Larger pictures are refused before they are decoded: a small file can unpack to gigabytes. */
export const MAX_MEDIA_PIXELS = 40_000_000;

export interface MediaItem {
  id: number;
  /** SHA-256 of the original's bytes, hex: the same file uploaded twice is one item. */
  hash: string;
  format: MediaFormat;
  /** As displayed, after the camera's orientation is applied. */
  width: number;
  height: number;
  bytes: number;
  /** Written once, in `language`; shown converted into each page's script. */
  caption: string | null;
  credit: string | null;
  alt: string | null;
  language: Script;
  /** Where the subject is, in percent of width and height: every crop keeps it in the frame. */
  focalX: number;
  focalY: number;
  rightsClass: PhotoRights;
  copyrightHolder: string | null;
  usageTerms: string | null;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
  /** Set when the picture was taken down: it is then shown nowhere and served to no one. */
  takenDownAt: string | null;
  /** Moves on with every change; a change made on an older one is refused (no silent overwrite). */
  revision: number;
  /** A change of what readers see of a picture published articles show, waiting for someone else to approve it. */
  pending: PendingMediaChange | null;
}

export interface PendingMediaChange {
  patch: MediaPatch;
  /** The revision it was made on. */
  baseRevision: number;
  authorId: number | null;
  authorLogin: string;
  createdAt: string;
}

/** What readers see of a picture: on published pages, a change of these needs a second person. */
export const DESCRIPTIVE_FIELDS = ['caption', 'credit', 'alt', 'language', 'focalX', 'focalY'] as const;
/** What licensing follows: only the rights desk changes these once the picture is in the library. */
export const PHOTO_RIGHTS_FIELDS = ['rightsClass', 'copyrightHolder', 'usageTerms'] as const;

/** The part of a patch that changes something (a form sends every field; most are as they were). */
export function changedMediaFields(item: MediaItem, patch: MediaPatch): MediaPatch {
  const out: Record<string, unknown> = {};
  for (const key of [...DESCRIPTIVE_FIELDS, ...PHOTO_RIGHTS_FIELDS]) {
    const v = patch[key];
    if (v !== undefined && v !== item[key]) out[key] = v;
  }
  return out as MediaPatch;
}

/** The same item with a patch applied (what an approval would make of it). */
export function withPatch(item: MediaItem, patch: MediaPatch): MediaItem {
  const out: MediaItem = { ...item };
  for (const key of [...DESCRIPTIVE_FIELDS, ...PHOTO_RIGHTS_FIELDS]) {
    if (patch[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = patch[key];
  }
  return out;
}

const percent = z.number().int().min(0).max(100);

/** What the newsroom may change of a picture; every field optional (a patch). */
export const mediaPatchSchema = z.object({
  caption: optionalText(500).optional(),
  credit: optionalText(100).optional(),
  alt: optionalText(300).optional(),
  language: z.enum(SCRIPTS).optional(),
  focalX: percent.optional(),
  focalY: percent.optional(),
  rightsClass: z.enum(PHOTO_RIGHTS).optional(),
  copyrightHolder: optionalText(200).optional(),
  usageTerms: optionalText(1000).optional(),
});
export type MediaPatch = z.output<typeof mediaPatchSchema>;

/**
 * The crops a portal uses: 16:9 for a lead picture, 4:3 and 1:1 for lists, and the whole frame
 * for pictures in the body. Widths are the renditions made; none is wider than its crop.
 */
export const CROPS = {
  lead: { ratio: [16, 9], widths: [480, 960, 1440] },
  '4x3': { ratio: [4, 3], widths: [320, 640] },
  '1x1': { ratio: [1, 1], widths: [160, 320] },
  full: { ratio: null, widths: [640, 1280] },
} as const satisfies Record<string, { ratio: readonly [number, number] | null; widths: readonly number[] }>;
export type Crop = keyof typeof CROPS;
export const CROP_NAMES = Object.keys(CROPS) as Crop[];

/** Best first: a browser takes the first `<source>` it can show. */
export const RENDITION_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];
const EXTENSIONS: Record<RenditionFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
export const RENDITION_TYPES: Record<RenditionFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' };

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The part of the picture a crop shows: the largest box of its ratio, centred on the focal point as far as the frame allows. */
export function cropBox(item: Pick<MediaItem, 'width' | 'height' | 'focalX' | 'focalY'>, crop: Crop): Box {
  const { width: w, height: h } = item;
  const ratio = CROPS[crop].ratio;
  if (!ratio) return { left: 0, top: 0, width: w, height: h };
  const r = ratio[0] / ratio[1];
  const bw = Math.max(1, Math.min(w, Math.round(h * r)));
  const bh = Math.max(1, Math.min(h, Math.round(bw / r)));
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return {
    left: clamp(Math.round((item.focalX / 100) * w - bw / 2), w - bw),
    top: clamp(Math.round((item.focalY / 100) * h - bh / 2), h - bh),
    width: bw,
    height: bh,
  };
}

export interface RenditionSize {
  width: number;
  height: number;
}

/** The sizes made for a crop, smallest first: never enlarged, so a small picture has fewer. */
export function renditionSizes(item: Pick<MediaItem, 'width' | 'height' | 'focalX' | 'focalY'>, crop: Crop): RenditionSize[] {
  const box = cropBox(item, crop);
  const widths = [...new Set(CROPS[crop].widths.map((w) => Math.min(w, box.width)))].sort((a, b) => a - b);
  return widths.map((width) => ({ width, height: Math.max(1, Math.round((width * box.height) / box.width)) }));
}

export interface RenditionKey {
  crop: Crop;
  width: number;
  format: RenditionFormat;
}

/**
 * A rendition's file name. The focal point is part of it, so a moved focal point makes new
 * names, and a name once served never changes its bytes (served as immutable).
 */
export function renditionName(item: Pick<MediaItem, 'focalX' | 'focalY'>, key: RenditionKey): string {
  return `${key.crop}-${key.width}-${item.focalX}-${item.focalY}.${EXTENSIONS[key.format]}`;
}

export function renditionPath(item: Pick<MediaItem, 'hash' | 'focalX' | 'focalY'>, key: RenditionKey): string {
  return `/media/${item.hash}/${renditionName(item, key)}`;
}

const NAME = /^(lead|4x3|1x1|full)-(\d{1,5})-(\d{1,3})-(\d{1,3})\.(avif|webp|jpg)$/;

/** The rendition a name asks for, if the item has it now (its focal point, one of its sizes); else null. */
export function parseRenditionName(item: Pick<MediaItem, 'width' | 'height' | 'focalX' | 'focalY'>, name: string): RenditionKey | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const crop = m[1] as Crop;
  const width = Number(m[2]);
  if (Number(m[3]) !== item.focalX || Number(m[4]) !== item.focalY) return null;
  if (!renditionSizes(item, crop).some((s) => s.width === width)) return null;
  const format = (Object.keys(EXTENSIONS) as RenditionFormat[]).find((f) => EXTENSIONS[f] === m[5])!;
  return { crop, width, format };
}

/**
 * The name a rendition has now, for a name made for an earlier focal point of the same picture
 * (pages, feeds and licensees keep old names a while): null if it never was one of its renditions.
 */
export function currentRenditionName(item: Pick<MediaItem, 'width' | 'height' | 'focalX' | 'focalY'>, name: string): string | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const key = parseRenditionName({ ...item, focalX: Number(m[3]), focalY: Number(m[4]) }, name);
  return key && Number(m[3]) <= 100 && Number(m[4]) <= 100 ? renditionName(item, key) : null;
}

/** Every rendition of an item: what is made ahead, and what a static export may need. */
export function allRenditions(item: Pick<MediaItem, 'width' | 'height' | 'focalX' | 'focalY'>, crops: readonly Crop[] = CROP_NAMES): RenditionKey[] {
  return crops.flatMap((crop) => renditionSizes(item, crop).flatMap((s) => RENDITION_FORMATS.map((format) => ({ crop, width: s.width, format }))));
}

export interface PictureSources {
  /** The largest rendition's size: the `<img>`'s width and height, so the page does not move as it loads. */
  width: number;
  height: number;
  /** AVIF, then WebP: `<source>` elements, best first. */
  sources: Array<{ type: string; srcset: string }>;
  /** JPEG, for the `<img>` itself: browsers without the others, feeds and og:image. */
  srcset: string;
  src: string;
}

/** What `<picture>` needs for one crop of an item. */
export function pictureSources(item: Pick<MediaItem, 'hash' | 'width' | 'height' | 'focalX' | 'focalY'>, crop: Crop): PictureSources {
  const sizes = renditionSizes(item, crop);
  const largest = sizes[sizes.length - 1]!;
  const srcset = (format: RenditionFormat) => sizes.map((s) => `${renditionPath(item, { crop, width: s.width, format })} ${s.width}w`).join(', ');
  return {
    width: largest.width,
    height: largest.height,
    sources: (['avif', 'webp'] as const).map((format) => ({ type: RENDITION_TYPES[format], srcset: srcset(format) })),
    srcset: srcset('jpeg'),
    src: renditionPath(item, { crop, width: largest.width, format: 'jpeg' }),
  };
}

/** Why a picture cannot go out with a published article yet, or null. */
export function publishRefusal(item: MediaItem): string | null {
  if (item.takenDownAt) return `picture ${item.id} was taken down`;
  if (!item.alt) return `picture ${item.id} has no alt text (a description for readers who cannot see it)`;
  return null;
}

/** The pictures a body names: `<img data-media-id="12">`, as the editor inserts them. */
export function bodyMediaIds(bodyHtml: string): number[] {
  return [...new Set([...bodyHtml.matchAll(/<img\b[^>]*\bdata-media-id="(\d{1,12})"/g)].map((m) => Number(m[1])))];
}
