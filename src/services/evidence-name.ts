/** The evidence types accepted (recognised by their bytes) and the extension each is saved with. */
export const EVIDENCE_EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
};

/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The name a file is downloaded under: the uploader's name without its folders, its extension,
 * or any control or formatting character (a right-to-left override can make `gpj.exe` look like
 * `exe.jpg`), then the extension of the type its bytes were recognised as. An uploaded `x.html`
 * that is a PDF downloads as `x.pdf`, so no program opens it as a page.
 */
export function downloadName(uploaded: string, contentType: string): string {
  const base = uploaded.split(/[/\\]/).pop() ?? '';
  const visible = base.replace(/[\p{C}]/gu, '');
  const dot = visible.lastIndexOf('.');
  const stem = (dot > 0 ? visible.slice(0, dot) : visible)
    // Dots go too: `report.pdf.exe` style double extensions are not kept in any part.
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^[\s_-]+|[\s_-]+$/g, '')
    .slice(0, 80)
    .trim();
  const name = stem === '' ? 'file' : RESERVED.test(stem) ? `_${stem}` : stem;
  return `${name}${EVIDENCE_EXTENSIONS[contentType] ?? '.bin'}`;
}
