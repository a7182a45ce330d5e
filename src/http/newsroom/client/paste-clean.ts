/** A rendition of this site's media library, as the editor inserts it (absolute once a browser copied it). */
const OWN_RENDITION = /^(https?:\/\/[^/"]+)?\/media\/[0-9a-f]{64}\/[\w.-]+$/;

/**
 * A pasted `<img>` keeps `data-media-id` only when its picture is one of our renditions: a picture
 * moved within the body stays a library picture, while an id on someone else's image would make
 * it claim (and be checked as) a library picture it is not.
 */
function cleanImg(tag: string): string {
  const src = /\ssrc="([^"]*)"/i.exec(tag)?.[1] ?? '';
  return OWN_RENDITION.test(src) ? tag : tag.replace(/\sdata-media-id="[^"]*"/gi, '');
}

/**
 * Pasted HTML from Word or a web page: drop what the schema would keep by accident (Office
 * namespaces, comments, styles, classes, data attributes). TipTap's schema then keeps only our
 * node types, and the server sanitises again before anything is stored.
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|meta|link|xml)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(o|w|v|m):[^>]*>/gi, '')
    .replace(/\s(class|style|lang|align|id|width|height)="[^"]*"/gi, '')
    .replace(/\s[a-z]+:[\w-]+="[^"]*"/gi, '')
    .replace(/\sdata-(?!media-id=)[\w-]+="[^"]*"/gi, '')
    .replace(/<img\b[^>]*>/gi, cleanImg)
    .replace(/<span>\s*<\/span>/g, '');
}
