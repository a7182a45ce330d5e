import { bodyMediaIds, renditionPath, renditionSizes, RENDITION_TYPES, type Crop, type MediaItem, type RenditionFormat } from '../media.ts';
import { formatZoned } from '../time.ts';
import { NINJS_MEDIA_ID_ROLE, NINJS_MEDIA_URI, NINJS_PICTURE_RIGHTS_URI } from './ninjs-vocabulary.ts';

/** The pictures of an article in the order they go out: the lead first, then the body's in order, each once. */
export function articlePictureIds(a: { leadImageId: number | null; bodyHtml: string }): number[] {
  return [...new Set([...(a.leadImageId ? [a.leadImageId] : []), ...bodyMediaIds(a.bodyHtml)])];
}

/**
 * What goes out of each picture: the lead crop (what a licensee's list or front page shows) and
 * the whole frame (what the body shows), in JPEG for everyone and WebP for the web.
 */
const DELIVERED: ReadonlyArray<{ crop: Crop; aspectRatio?: string }> = [{ crop: 'lead', aspectRatio: '16:9' }, { crop: 'full' }];
const DELIVERED_FORMATS: readonly RenditionFormat[] = ['jpeg', 'webp'];

export interface DeliveredRendition {
  name: string;
  /** The site path it is served at (/media/{hash}/{name}). */
  path: string;
  contentType: string;
  width: number;
  height: number;
  aspectRatio?: string;
}

export function deliveredRenditions(item: Pick<MediaItem, 'hash' | 'width' | 'height' | 'focalX' | 'focalY'>): DeliveredRendition[] {
  return DELIVERED.flatMap(({ crop, aspectRatio }) =>
    renditionSizes(item, crop).flatMap((size) =>
      DELIVERED_FORMATS.map((format) => ({
        name: `${crop}-${size.width}-${format}`,
        path: renditionPath(item, { crop, width: size.width, format }),
        contentType: RENDITION_TYPES[format],
        width: size.width,
        height: size.height,
        ...(aspectRatio ? { aspectRatio } : {}),
      })),
    ),
  );
}

/** The rendition a body's `<img src>` points at: the largest whole frame in JPEG, which every reader shows. */
export function bodyRendition(item: Pick<MediaItem, 'hash' | 'width' | 'height' | 'focalX' | 'focalY'>): DeliveredRendition {
  return deliveredRenditions(item).filter((r) => r.name.startsWith('full-') && r.contentType === 'image/jpeg').at(-1)!;
}

/**
 * One picture as a ninjs 3.1 association of type picture, carrying the rights it travels under:
 * its holder, its terms, its credit and its class. `href` makes a rendition's link from its path.
 */
export function pictureToNinjs(item: MediaItem, rel: 'lead' | 'inline', timeZone: string, href: (path: string) => string): Record<string, unknown> {
  const descriptions = [
    item.caption && { role: 'caption', contentType: 'text/plain', value: item.caption },
    item.alt && { role: 'alt', contentType: 'text/plain', value: item.alt },
    item.credit && { role: 'creditline', contentType: 'text/plain', value: item.credit },
  ].filter((d): d is { role: string; contentType: string; value: string } => !!d);
  return {
    name: `media-${item.id}`,
    rel,
    uri: `${NINJS_MEDIA_URI}${item.hash}`,
    type: 'picture',
    representationType: 'full',
    pubStatus: 'usable',
    language: item.language,
    firstCreated: formatZoned(item.createdAt, timeZone),
    versionCreated: formatZoned(item.updatedAt, timeZone),
    altIds: [{ role: NINJS_MEDIA_ID_ROLE, value: String(item.id) }],
    ...(descriptions.length ? { descriptions } : {}),
    ...(item.credit ? { by: item.credit } : {}),
    ...(item.copyrightHolder ? { copyrightHolder: item.copyrightHolder } : {}),
    ...(item.usageTerms ? { usageTerms: item.usageTerms } : {}),
    genres: [{ name: item.rightsClass, uri: `${NINJS_PICTURE_RIGHTS_URI}${item.rightsClass}` }],
    renditions: deliveredRenditions(item).map(({ path, ...r }) => ({ ...r, href: href(path) })),
  };
}
