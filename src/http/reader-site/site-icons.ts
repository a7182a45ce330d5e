import type { Context, Hono } from 'hono';
import sharp from 'sharp';
import type { ReaderService } from '../../services/reader-service.ts';
import type { MediaService } from '../../services/media-service.ts';
import { renditionName, renditionSizes, type MediaItem } from '../../domain/media.ts';
import { html } from '../../text/safe-html.ts';
import { encodePage, headerTag, notModifiedHeaders, SITE_TAG, type CachedPage } from '../page-cache.ts';

/**
 * The icons every page names: a tab's favicon (ICO for browsers that ask for /favicon.ico on
 * their own, PNG for sharp screens and Android) and the icon a phone puts on its home screen.
 */
export const ICON_LINKS = html`<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48">
<link rel="icon" href="/favicon.png" type="image/png" sizes="192x192">
<link rel="apple-touch-icon" href="/apple-touch-icon.png">`;

/** Not immutable: the URLs stay when an admin picks another picture. */
const ICON_CACHE_CONTROL = 'public, max-age=3600';

interface IconSet {
  ico: CachedPage;
  png: CachedPage;
  apple: CachedPage;
}

/**
 * The site's own mark when no picture is chosen: furrows of black earth under a sun, in the
 * header's colours. Shapes only: text would be drawn in whatever font the server happens to have.
 * `rounded` for tabs; a home-screen icon is square and the phone rounds it.
 */
export function defaultIconSvg(rounded: boolean): string {
  return String(html`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 64 64">
<rect width="64" height="64" rx="${rounded ? 12 : 0}" fill="#2b1d14"/>
<circle cx="43" cy="19" r="8" fill="#d9a441"/>
<g fill="none" stroke="#f3ead8" stroke-width="5" stroke-linecap="round">
<path d="M10 36 Q32 27 54 36"/><path d="M10 46 Q32 37 54 46"/><path d="M10 56 Q32 47 54 56"/>
</g>
</svg>`);
}

/** An ICO file holding PNG images (every browser since Vista-era IE reads them). */
export function icoOf(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    // 0 stands for 256 in a byte.
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

async function iconSet(tab: Buffer, home: Buffer): Promise<IconSet> {
  const png = (source: Buffer, size: number, opaque = false) => {
    let img = sharp(source).resize(size, size, { fit: 'cover' });
    // A home-screen icon with transparency is shown on black by iOS: it gets the page's background instead.
    if (opaque) img = img.flatten({ background: '#fafaf7' });
    return img.png({ compressionLevel: 9 }).toBuffer();
  };
  const [p16, p32, p48, p192, p180] = await Promise.all([png(tab, 16), png(tab, 32), png(tab, 48), png(tab, 192), png(home, 180, true)]);
  const set: IconSet = {
    ico: encodePage(200, 'image/x-icon', icoOf([{ size: 16, png: p16 }, { size: 32, png: p32 }, { size: 48, png: p48 }]), ICON_CACHE_CONTROL),
    png: encodePage(200, 'image/png', p192, ICON_CACHE_CONTROL),
    apple: encodePage(200, 'image/png', p180, ICON_CACHE_CONTROL),
  };
  // Under the site's tag at a CDN, as the media renditions are: a take-down purges the icon too.
  for (const page of Object.values(set)) {
    page.headers['surrogate-key'] = headerTag(SITE_TAG);
    page.headers['cache-tag'] = headerTag(SITE_TAG);
  }
  return set;
}

/** A failed picture is tried again after this long (it may have been restored). */
const RETRY_FAILED_MS = 5 * 60_000;

interface IconEntry {
  key: string;
  icons: Promise<IconSet>;
  failedAt?: number;
}

/**
 * /favicon.ico, /favicon.png and /apple-touch-icon.png: the settings' picture (`iconMediaId`) cut
 * square on its focal point, or the default mark. Made once per picture and kept; a picture taken
 * down is no longer used from the next request on.
 */
export function mountSiteIcons(app: Hono, reader: ReaderService, media: MediaService): void {
  // One set at a time: the site has one icon, and a change of it makes the old one useless.
  let made: IconEntry | null = null;
  let defaults: Promise<IconSet> | null = null;
  const defaultIcons = () => (defaults ??= iconSet(Buffer.from(defaultIconSvg(true)), Buffer.from(defaultIconSvg(false))));

  const fromPicture = async (item: MediaItem): Promise<IconSet> => {
    const sizes = renditionSizes(item, '1x1');
    const largest = sizes[sizes.length - 1]!;
    const found = await media.rendition(item.hash, renditionName(item, { crop: '1x1', width: largest.width, format: 'jpeg' }));
    if (!found || !('bytes' in found)) throw new Error(`picture ${item.id} has no square rendition`);
    return iconSet(found.bytes, found.bytes);
  };

  async function current(): Promise<IconSet> {
    const id = (await reader.frame()).settings.iconMediaId ?? null;
    const item = id === null ? undefined : (await reader.pictures([id])).get(id);
    if (!item) return defaultIcons();
    const key = `${item.hash}-${item.focalX}-${item.focalY}`;
    let entry = made;
    if (entry?.key !== key || (entry.failedAt !== undefined && Date.now() - entry.failedAt > RETRY_FAILED_MS)) {
      const fresh: IconEntry = { key, icons: fromPicture(item) };
      // A picture that cannot be made into icons (its file gone, say) is tried again only after a
      // while, and said once: every request for /favicon.ico must not read the disk and log again.
      fresh.icons = fresh.icons.catch((e: unknown) => {
        fresh.failedAt = Date.now();
        console.error(`site icons: picture ${item.id} could not be made into icons; the default is served:`, e instanceof Error ? e.message : e);
        return defaultIcons();
      });
      entry = fresh;
      made = entry;
    }
    return entry.icons;
  }

  const serve = (pick: (s: IconSet) => CachedPage) => async (c: Context) => {
    const page = pick(await current());
    if (c.req.header('if-none-match') === page.etag) return c.body(null, 304, notModifiedHeaders(page));
    return c.body(new Uint8Array(page.body), 200, page.headers);
  };
  app.get('/favicon.ico', serve((s) => s.ico));
  app.get('/favicon.png', serve((s) => s.png));
  app.get('/apple-touch-icon.png', serve((s) => s.apple));
}
