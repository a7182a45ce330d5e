import type { Hono } from 'hono';
import type { MediaService } from '../services/media-service.ts';
import { headerTag, SITE_TAG } from './page-cache.ts';

/** A rendition's bytes never change under its name: the name carries the original's hash and the crop. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * A CDN keeps renditions under the site's tag: a take-down purges everything under it (keys mode),
 * so the CDN asks again and gets the 404. Browsers that kept a copy cannot be told.
 */
const TAG = headerTag(SITE_TAG);

/** Serves renditions at /media/{hash}/{name}, made on first request if they are not made yet. */
export function mountMedia(app: Hono, media: MediaService): void {
  app.get('/media/:hash/:name', async (c) => {
    const hash = c.req.param('hash');
    const name = c.req.param('name');
    const etag = `"${hash.slice(0, 16)}-${name}"`;
    const found = await media.rendition(hash, name);
    if (!found) return c.text('Not found', 404, { 'cache-control': 'no-store' });
    // Made for an earlier focal point: the same picture and crop as it is now, for the pages,
    // feeds and licensees that still have the old name (not for long: it may move again).
    if ('moved' in found) return c.redirect(found.moved, 302);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, { etag, 'cache-control': IMMUTABLE });
    return c.body(new Uint8Array(found.bytes), 200, {
      'content-type': found.type,
      'cache-control': IMMUTABLE,
      etag,
      'x-content-type-options': 'nosniff',
      'surrogate-key': TAG,
      'cache-tag': TAG,
    });
  });
}
