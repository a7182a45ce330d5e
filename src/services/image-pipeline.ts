import sharp, { type Metadata, type Sharp } from 'sharp';
import decodeHeic from 'heic-decode';
import exifr from 'exifr';
import { DomainError } from '../domain/errors.ts';
import { cropBox, MAX_MEDIA_PIXELS, type MediaFormat, type MediaItem, type RenditionKey } from '../domain/media.ts';

/** Recognises an upload by its first bytes; its name and declared type are not trusted. */
export function sniffImage(bytes: Uint8Array): MediaFormat | null {
  const b = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (b(0) === 0x89 && ascii(1, 4) === 'PNG' && b(4) === 0x0d && b(5) === 0x0a) return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  // ISO base media: a `ftyp` box whose brands say which HEIF family member this is.
  if (ascii(4, 8) === 'ftyp') {
    const size = Math.min((b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3), bytes.length, 256);
    const brands = new Set<string>([ascii(8, 12)]);
    for (let at = 16; at + 4 <= size; at += 4) brands.add(ascii(at, at + 4));
    if (brands.has('avif') || brands.has('avis')) return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].some((x) => brands.has(x))) return 'heic';
  }
  return null;
}

const unreadable = (why: string) => new DomainError('MEDIA_UNREADABLE', `the picture cannot be read: ${why}`, 'file');

export interface Probe {
  format: MediaFormat;
  /** As displayed (the camera's orientation applied). */
  width: number;
  height: number;
  /** Caption, credit and copyright the file itself names (IPTC, XMP or EXIF), to prefill the form. */
  embedded: { caption: string | null; credit: string | null; copyright: string | null };
}

/** Options every decode uses: the pixel limit, and a truncated or corrupt file is an error, not a grey half. */
const INPUT = { limitInputPixels: MAX_MEDIA_PIXELS, failOn: 'truncated', autoOrient: true } as const;

/**
 * HEIC (phones' HEVC pictures) is decoded apart: the prebuilt image library reads HEIF but carries
 * no HEVC decoder. A file may hold several top-level images, and the decoder's first need not be
 * the primary one the header describes: each is measured before any is decoded, only one within
 * the pixel limit is decoded, and a file whose images are not all within it is refused (a small
 * primary image could otherwise carry a huge one that gets decoded).
 */
async function heicInput(bytes: Buffer): Promise<Sharp> {
  const images = await decodeHeic.all({ buffer: bytes });
  try {
    const over = images.find((i) => i.width * i.height > MAX_MEDIA_PIXELS || i.width < 1 || i.height < 1);
    if (over) {
      throw new DomainError('MEDIA_TOO_MANY_PIXELS', `the picture holds an image of ${over.width}×${over.height}; at most ${MAX_MEDIA_PIXELS / 1e6} megapixels are accepted`, 'file');
    }
    const { width, height, data } = await images[0]!.decode();
    return sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 }, limitInputPixels: MAX_MEDIA_PIXELS });
  } finally {
    images.dispose();
  }
}

/** The picture as sharp reads it, upright. */
export async function openImage(bytes: Buffer, format: MediaFormat): Promise<Sharp> {
  return format === 'heic' ? heicInput(bytes) : sharp(bytes, INPUT);
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return text(v.find((x) => typeof x === 'string'));
  if (v && typeof v === 'object' && 'value' in v) return text((v as { value: unknown }).value);
  return null;
}

async function embeddedText(bytes: Buffer): Promise<Probe['embedded']> {
  try {
    const tags = (await exifr.parse(bytes, { iptc: true, xmp: true, tiff: true, exif: false, gps: false, ifd1: false })) as Record<string, unknown> | undefined;
    if (!tags) return { caption: null, credit: null, copyright: null };
    return {
      caption: text(tags.Caption) ?? text(tags.description) ?? text(tags.ImageDescription),
      credit: text(tags.Credit) ?? text(tags.Byline) ?? text(tags.creator) ?? text(tags.Artist),
      copyright: text(tags.CopyrightNotice) ?? text(tags.rights) ?? text(tags.Copyright),
    };
  } catch {
    return { caption: null, credit: null, copyright: null }; // a file whose tags cannot be read is still a picture
  }
}

/**
 * Checks an upload through and through: its type, its size in pixels before decoding, then a
 * full decode (a truncated file fails here, not later on a reader's page).
 */
export async function probeImage(bytes: Buffer): Promise<Probe> {
  const format = sniffImage(bytes);
  if (!format) throw new DomainError('MEDIA_UNSUPPORTED', 'this file is not a JPEG, PNG, WebP, AVIF, HEIC or GIF picture', 'file');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw unreadable(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (!(w > 0 && h > 0)) throw unreadable('it has no size');
  if (w * h > MAX_MEDIA_PIXELS) {
    throw new DomainError('MEDIA_TOO_MANY_PIXELS', `the picture is ${w}×${h} (${Math.round((w * h) / 1e5) / 10} megapixels); at most ${MAX_MEDIA_PIXELS / 1e6} megapixels are accepted`, 'file');
  }
  const heif = format === 'heic' || format === 'avif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : format;
  let width: number;
  let height: number;
  try {
    const img = await openImage(bytes, heif);
    // HEIC is measured as decoded: that image is the one every rendition is cut from.
    const size = heif === 'heic' ? await img.metadata() : meta.autoOrient;
    width = size?.width ?? w;
    height = size?.height ?? h;
    // Decoding it whole (to a thumbnail) finds a cut or damaged file now, not on a reader's page.
    await img.resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw unreadable(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
  return { format: heif, width, height, embedded: await embeddedText(bytes) };
}

/** JPEG, WebP and AVIF as pages want them: small enough for a phone, good enough for a photo. */
export function encodeRendition(img: Sharp, format: RenditionKey['format']): Sharp {
  if (format === 'avif') return img.avif({ quality: 55, effort: 3 });
  if (format === 'webp') return img.webp({ quality: 78, effort: 4 });
  return img.jpeg({ quality: 80, mozjpeg: true, progressive: true });
}

/** Frame and focal point: what the cutting arithmetic needs of a picture. */
type Frame = Pick<MediaItem, 'width' | 'height' | 'focalX' | 'focalY'>;

/** The scale the most demanding of these renditions needs of the full frame; never above 1. */
export function decodeScale(item: Frame, keys: readonly RenditionKey[]): number {
  return Math.min(1, Math.max(...keys.map((k) => k.width / cropBox(item, k.crop).width)));
}

/** Where a rendition's crop lies in the picture decoded at `base` size, and the rendition's height. */
export function cutFrom(item: Frame, key: RenditionKey, base: { width: number; height: number }): { region: { left: number; top: number; width: number; height: number }; height: number } {
  const box = cropBox(item, key.crop);
  const fx = base.width / item.width;
  const fy = base.height / item.height;
  const left = Math.min(Math.round(box.left * fx), base.width - 1);
  const top = Math.min(Math.round(box.top * fy), base.height - 1);
  return {
    region: {
      left, top,
      width: Math.max(1, Math.min(Math.round(box.width * fx), base.width - left)),
      height: Math.max(1, Math.min(Math.round(box.height * fy), base.height - top)),
    },
    height: Math.max(1, Math.round((key.width * box.height) / box.width)),
  };
}

/**
 * Makes renditions of one picture from a single decode: the picture is read once, scaled down to
 * the largest size any of them needs, and each crop is cut from that. Nothing of the file's
 * metadata is written out (no EXIF, GPS or camera serials), and colours are converted to sRGB.
 */
export async function makeRenditions(bytes: Buffer, item: Pick<MediaItem, 'format'> & Frame, keys: readonly RenditionKey[]): Promise<Buffer[]> {
  if (keys.length === 0) return [];
  const scale = decodeScale(item, keys);
  const sw = Math.max(1, Math.round(item.width * scale));
  const sh = Math.max(1, Math.round(item.height * scale));
  const base = await (await openImage(bytes, item.format)).resize(sw, sh, { fit: 'fill' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const out: Buffer[] = [];
  for (const key of keys) {
    const { region, height } = cutFrom(item, key, base.info);
    const img = sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } })
      .extract(region)
      .resize(key.width, height, { fit: 'fill' });
    out.push(await encodeRendition(img, key.format).toBuffer());
  }
  return out;
}
