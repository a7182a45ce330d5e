/**
 * Pasted HTML from Word or a web page: drop what the schema would keep by accident (Office
 * namespaces, comments, styles, classes). TipTap's schema then keeps only our node types, and
 * the server sanitises again before anything is stored.
 */
export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|meta|link|xml)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/?(o|w|v|m):[^>]*>/gi, '')
    .replace(/\s(class|style|lang|align|id|width|height)="[^"]*"/gi, '')
    .replace(/<span>\s*<\/span>/g, '');
}
