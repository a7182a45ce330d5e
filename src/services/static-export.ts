import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ReaderService } from './reader-service.ts';
import { VARIANTS } from '../domain/variant.ts';
import { confinedDir, RefusedPathError, type ConfinedDir } from './confined-dir.ts';

export { RefusedPathError } from './confined-dir.ts';

/** How a path is fetched: the same app that serves readers, asked in-process. */
export type Fetch = (path: string) => Promise<{ status: number; body: Uint8Array }>;

export interface ExportReport {
  written: number;
  unchanged: number;
  removed: number;
  total: number;
}

const MANIFEST = '.heitu-export.json';

/**
 * A rendition's path as pages name it (domain/media.ts renditionPath): only these are fetched
 * from pages' text, so nothing a page says can name a file outside `/media/`.
 */
const RENDITIONS = /\/media\/[0-9a-f]{64}\/(?:lead|4x3|1x1|full)-\d{1,5}-\d{1,3}-\d{1,3}\.(?:avif|webp|jpg)(?![\w.-])/g;
const RENDITION = /^\/media\//;

/** `/zh-hans/articles/1` → `zh-hans/articles/1/index.html`; files keep their names (`feed.xml`). */
export function fileFor(path: string): string {
  const clean = path.replace(/^\/+/, '');
  return /\.[a-z]+$/.test(clean) ? clean : join(clean, 'index.html');
}

/**
 * Every public page of the site (home, channels, topics, articles and their QR codes, the first
 * page of 滾動新聞, feeds, sitemaps) in every
 * variant. The pictures they show are found in the pages themselves (see exportSite).
 */
export async function publicPaths(reader: ReaderService): Promise<string[]> {
  const frame = await reader.frame();
  const paths = ['/robots.txt', '/sitemap.xml', '/news-sitemap.xml', '/assets/site.css', '/assets/feed.xsl', '/assets/reader.js', '/favicon.ico', '/favicon.png', '/apple-touch-icon.png', '/feed.xml', '/atom.xml', '/feed.json'];
  const topics = (await reader.home()).topics.map((t) => t.topic.slug);
  const articleIds: number[] = [];
  for (let after = 0; ; ) {
    const page = await reader.sitemapPage(after, 5000);
    if (!page.length) break;
    articleIds.push(...page.map((a) => a.id));
    after = page[page.length - 1]!.id;
  }
  for (const v of VARIANTS) {
    paths.push(`/${v}/`, `/${v}/feed.xml`, `/${v}/atom.xml`, `/${v}/feed.json`, `/sitemaps/${v}/pages.xml`);
    for (const c of frame.channels) paths.push(`/${v}/channels/${c.slug}`, `/${v}/channels/${c.slug}/feed.xml`, `/${v}/channels/${c.slug}/atom.xml`, `/${v}/channels/${c.slug}/feed.json`);
    for (const t of topics) paths.push(`/${v}/topics/${t}`);
    // Each article with its QR code (分享), which its page shows; 滾動新聞's first page, which every page links.
    for (const id of articleIds) paths.push(`/${v}/articles/${id}`, `/${v}/articles/${id}/qr.svg`);
    paths.push(`/${v}/articles`);
    for (let n = 0; n * 50_000 < Math.max(1, articleIds.length); n++) paths.push(`/sitemaps/${v}/articles-${n}.xml`);
  }
  return paths;
}

/**
 * The previous run's manifest: file name → hash. A manifest is trusted no further than the folder:
 * every name in it is checked before anything is written, so a tampered one stops the run untouched.
 */
async function readManifest(out: ConfinedDir): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(await out.path(MANIFEST), 'utf8');
  } catch (e) {
    if (e instanceof RefusedPathError) throw e;
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {}; // cut short by an interrupted run: export everything again
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new RefusedPathError(`${join(out.dir, MANIFEST)} is not a manifest this command wrote; remove it to export afresh`);
  }
  const manifest = parsed as Record<string, string>;
  for (const file of Object.keys(manifest)) await removable(out, file);
  return manifest;
}

/** The path of a file the manifest names, if it may be removed: inside the folder, and a file (never a folder). */
async function removable(out: ConfinedDir, file: string): Promise<string> {
  const target = await out.path(file);
  const kind = await lstat(target).catch(() => null);
  if (kind && !kind.isFile()) throw new RefusedPathError(`${join(out.dir, file)} is not a file this command wrote; the manifest was changed, remove it to export afresh`);
  return target;
}

/**
 * Writes the public site as files that nginx or a CDN can serve. Later runs write only what
 * changed, and remove pages that are gone (a withdrawn article's page must not linger). Nothing
 * outside `dir` is ever written or removed: every path goes through the folder's confinement.
 */
export async function exportSite(dir: string, reader: ReaderService, fetchPage: Fetch): Promise<ExportReport> {
  const out = await confinedDir(dir);
  const previous = await readManifest(out);
  const next: Record<string, string> = {};
  const report: ExportReport = { written: 0, unchanged: 0, removed: 0, total: 0 };
  const pictures = new Set<string>();
  const pages = await publicPaths(reader);
  // Pictures go after the pages, as the pages name them: a picture no page shows (taken down,
  // or only on a page that is gone) is not written, and one written before is removed below.
  const text = new TextDecoder();
  for (let i = 0; i < pages.length; i++) {
    const path = pages[i]!;
    const picture = RENDITION.test(path);
    if (picture && previous[fileFor(path)] !== undefined && (await lstat(await out.path(fileFor(path))).catch(() => null))?.isFile()) {
      // A rendition never changes under its name: one written before is not made or read again.
      next[fileFor(path)] = previous[fileFor(path)]!;
      report.total++;
      report.unchanged++;
      continue;
    }
    const { status, body } = await fetchPage(path);
    if (status !== 200) continue;
    if (!picture) {
      for (const m of text.decode(body).matchAll(RENDITIONS)) {
        if (!pictures.has(m[0])) {
          pictures.add(m[0]);
          pages.push(m[0]);
        }
      }
    }
    const file = fileFor(path);
    const target = await out.path(file);
    const hash = createHash('sha1').update(body).digest('hex');
    next[file] = hash;
    report.total++;
    if (previous[file] === hash) {
      report.unchanged++;
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeReplacing(target, body);
    report.written++;
  }
  for (const file of Object.keys(previous)) {
    if (Object.hasOwn(next, file)) continue;
    await rm(await removable(out, file), { force: true });
    report.removed++;
  }
  await writeReplacing(await out.path(MANIFEST), JSON.stringify(next));
  return report;
}

/**
 * Writes a new file and renames it over the old one: a web server reading the folder never sees
 * half a page, and a name that was a hard link to a file elsewhere gets a file of its own instead
 * of writing through the link.
 */
async function writeReplacing(target: string, body: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, body, { flag: 'wx' });
    await rename(temporary, target);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}
