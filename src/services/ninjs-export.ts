import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Store } from '../store/ports.ts';
import { articleToNinjs } from '../domain/ninjs/to-ninjs.ts';
import { articlePictureIds } from '../domain/ninjs/picture-to-ninjs.ts';
import { ninjsExportContext, requireSettings } from './site-context.ts';
import type { ConfinedDir } from './confined-dir.ts';
import type { MediaService } from './media-service.ts';

export interface NinjsExportOptions {
  /**
   * A picture rendition's href from its site path (/media/{hash}/{name}). By default the same path
   * relative to the export (media/{hash}/{name}): the files written beside it by writePictureFiles,
   * which `heitu import` reads back.
   */
  href?: (path: string) => string;
}

/** Where a rendition's file goes beside an export: its site path, relative. */
export const exportFileName = (path: string): string => path.replace(/^\/+/, '');

/**
 * Every article as ninjs 3.1, read a page at a time so the archive never sits in memory. Its
 * pictures go with it as associations, whatever their class (this is our own copy); a taken-down
 * picture goes nowhere.
 */
export async function* exportNinjs(store: Store, pageSize = 200, options: NinjsExportOptions = {}): AsyncGenerator<Record<string, unknown>> {
  const ctx = ninjsExportContext(await requireSettings(store), await store.channels.list());
  const href = options.href ?? exportFileName;
  let after = 0;
  for (;;) {
    const ids = await store.articles.idsAfter(after, pageSize);
    if (ids.length === 0) return;
    for (const id of ids) {
      const article = await store.articles.byId(id);
      if (!article) continue;
      const wanted = articlePictureIds(article);
      const pictures = wanted.length ? (await store.media.byIds(wanted)).filter((p) => !p.takenDownAt) : [];
      yield articleToNinjs(article, ctx, { items: pictures, href, srcInBody: false });
    }
    after = ids[ids.length - 1]!;
  }
}

/**
 * Writes the rendition files an exported item names (relative hrefs, media/{hash}/{name}) into the
 * folder beside the export, each once however many items share it. Returns how many were written.
 */
export async function writePictureFiles(item: Record<string, unknown>, dir: ConfinedDir, media: MediaService, written: Set<string>): Promise<number> {
  let n = 0;
  const associations = Array.isArray(item['associations']) ? (item['associations'] as Array<Record<string, unknown>>) : [];
  for (const a of associations) {
    for (const r of Array.isArray(a['renditions']) ? (a['renditions'] as Array<Record<string, unknown>>) : []) {
      const href = typeof r['href'] === 'string' ? r['href'] : '';
      const m = /^media\/([0-9a-f]{64})\/([^/]+)$/.exec(href);
      if (!m || written.has(href)) continue;
      const file = await media.rendition(m[1]!, m[2]!);
      if (!file || !('bytes' in file)) throw new Error(`the rendition ${href} cannot be made (taken down or moved while exporting?)`);
      const path = await dir.path(href);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.bytes);
      written.add(href);
      n++;
    }
  }
  return n;
}
