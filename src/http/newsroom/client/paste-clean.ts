/** The path of a rendition of the media library, as the editor inserts it. */
const RENDITION_PATH = /^\/media\/[0-9a-f]{64}\/[\w.-]+$/;

/**
 * Whether a picture is one of this site's renditions: the relative path the editor writes, or the
 * absolute URL a browser makes of it when copying, on this site's own origin. Another host serving
 * the same path is not ours, however the path looks.
 */
function isOwnRendition(src: string, origin: string | null): boolean {
  if (RENDITION_PATH.test(src)) return true;
  if (!origin || !/^https?:\/\//i.test(src)) return false;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  return url.origin === origin && !url.username && !url.password && !url.search && !url.hash && RENDITION_PATH.test(url.pathname);
}

/**
 * A pasted `<img>` keeps `data-media-id` only when its picture is one of our renditions: a picture
 * moved within the body stays a library picture, while an id on someone else's image would make
 * it claim (and be checked as) a library picture it is not.
 */
function cleanImg(tag: string, origin: string | null): string {
  const src = /\ssrc="([^"]*)"/i.exec(tag)?.[1] ?? '';
  return isOwnRendition(src, origin) ? tag : tag.replace(/\sdata-media-id="[^"]*"/gi, '');
}

/**
 * Pasted HTML from Word or a web page: drop what the schema would keep by accident (Office
 * namespaces, comments, styles, classes, data attributes). TipTap's schema then keeps only our
 * node types, and the server sanitises again before anything is stored.
 */
export function cleanPastedHtml(html: string, origin: string | null = typeof location === 'undefined' ? null : location.origin): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|meta|link|xml)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(o|w|v|m):[^>]*>/gi, '')
    .replace(/\s(class|style|lang|align|id|width|height)="[^"]*"/gi, '')
    .replace(/\s[a-z]+:[\w-]+="[^"]*"/gi, '')
    .replace(/\sdata-(?!media-id=)[\w-]+="[^"]*"/gi, '')
    .replace(/<img\b[^>]*>/gi, (tag) => cleanImg(tag, origin))
    .replace(/<span>\s*<\/span>/g, '');
}
