import type { Actx, Store } from '../store/ports.ts';
import type { Uploader } from './media-service.ts';
import { schemaVersionOf, validateNinjs } from '../domain/ninjs/ninjs-schema.ts';
import { articleFromNinjs, NinjsMappingError, type NinjsContext } from '../domain/ninjs/from-ninjs.ts';
import { sameContent } from '../domain/article.ts';
import { isDomainError } from '../domain/errors.ts';
import { bodyMediaIds, publishRefusal, type MediaItem } from '../domain/media.ts';
import { controlCharacterError } from '../domain/input-text.ts';
import { picturesFromNinjs, remapBodyPictures, withFileHrefsAsUris, type NinjsPictureRef } from '../domain/ninjs/picture-from-ninjs.ts';
import type { ArticleInput } from '../domain/article.ts';
import type { MediaService } from './media-service.ts';
import { readPictureFiles, PictureFileError, type PictureFile } from './ninjs-picture-files.ts';

export type ImportOutcome =
  | { id: number; url: string; status: 'created' | 'updated' | 'unchanged' }
  | { error: string; code: string; uri?: string; index: number };

/**
 * Reads ninjs text: one object, a JSON array, or NDJSON (one object per line). A line that is
 * not JSON is reported as its own failed item; it does not stop the others.
 */
export function splitNinjsText(text: string): Array<unknown | { parseError: string }> {
  const trimmed = text.trim();
  if (!trimmed) return [];
  try {
    const whole: unknown = JSON.parse(trimmed);
    return Array.isArray(whole) ? whole : [whole];
  } catch {
    return trimmed
      .split(/\r?\n/)
      .filter((line) => line.trim())
      .map((line, i) => {
        try {
          return JSON.parse(line) as unknown;
        } catch (e) {
          return { parseError: `line ${i + 1} is not JSON: ${(e as Error).message}` };
        }
      });
  }
}

export interface ImportDeps {
  store: Store;
  context: () => Promise<NinjsContext>;
  articleUrl: (id: number) => string;
  /** Who runs the import, for the audit log. */
  actor?: Actx;
  now?: () => Date;
  /**
   * Pictures the items bring (associations of type picture) go into the media library through
   * this, as uploads do. Without it they are left behind, and so are the body's pictures.
   */
  pictures?: PictureImportDeps;
}

export interface PictureImportDeps {
  /** The folder of the imported file: renditions' hrefs are file names inside it (null: read from stdin, no folder). */
  dir: string | null;
  media: MediaService;
  /** Who the pictures are uploaded as, for the library and its audit. */
  actor: Uploader;
  maxFileBytes: number;
}

const IMPORT_ACTOR: Actx = { actorId: null, actorLogin: 'import' };

const IN_REVIEW = new Set(['submitted', 'in_review', 'approved']);
const MAX_DEPTH = 64;

/**
 * Why an item cannot be taken as it is, in one walk: nested deeper than the schema validator
 * (which recurses) can follow, or a string that is not text (PostgreSQL cannot even store a NUL).
 */
function unreadable(item: unknown): { code: string; error: string } | null {
  const pending: Array<[unknown, string, number]> = [[item, 'item', 0]];
  while (pending.length) {
    const [v, at, depth] = pending.pop()!;
    if (typeof v === 'string') {
      if (controlCharacterError(v, at, true)) return { code: 'NINJS_FIELD_INVALID', error: `${at} holds a control character or a noncharacter, which no article may` };
    } else if (v && typeof v === 'object') {
      if (depth >= MAX_DEPTH) return { code: 'NINJS_INVALID', error: `the item is nested more than ${MAX_DEPTH} levels deep` };
      for (const [k, x] of Object.entries(v)) pending.push([x, `${at}.${k}`, depth + 1]);
    }
  }
  return null;
}

/**
 * Imports items one by one. Each article is written in one transaction, so an item either
 * lands whole or not at all; a bad item is reported and the next one goes on.
 */
export async function importNinjs(deps: ImportDeps, items: unknown[]): Promise<ImportOutcome[]> {
  const ctx = await deps.context();
  const out: ImportOutcome[] = [];
  for (const [index, raw] of items.entries()) {
    out.push(await importOne(deps, ctx, raw, index));
  }
  return out;
}

async function importOne(deps: ImportDeps, ctx: NinjsContext, raw: unknown, index: number): Promise<ImportOutcome> {
  if (raw && typeof raw === 'object' && 'parseError' in raw && Object.keys(raw).length === 1) {
    return { error: String((raw as { parseError: string }).parseError), code: 'NINJS_NOT_JSON', index };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { error: 'item is not a JSON object', code: 'NINJS_INVALID', index };
  }
  const item = raw as Record<string, unknown>;
  const uri = typeof item['uri'] === 'string' ? item['uri'] : undefined;
  const fail = (code: string, error: string): ImportOutcome => ({ error, code, index, ...(uri ? { uri } : {}) });
  // Before the validator: one item nested thousands deep would overflow its stack and end the import.
  const bad = unreadable(item);
  if (bad) return fail(bad.code, bad.error);
  const version = schemaVersionOf(item);
  if (typeof version !== 'string') return fail('NINJS_UNSUPPORTED', version.unsupported);
  // A picture file beside the imported file is named by a relative href, which the schema (href: URI) does not know.
  const invalid = validateNinjs(deps.pictures ? withFileHrefsAsUris(item) : item, version);
  if (invalid) return fail('NINJS_INVALID', invalid);
  try {
    const mapped = articleFromNinjs(item, ctx);
    // Embargo is a state: an item usable only from a future time waits as scheduled, so no
    // page, feed or licensee sees it before then, and the scheduler publishes it on time.
    const input = mapped.status === 'published' && mapped.publishedAt && Date.parse(mapped.publishedAt) > (deps.now?.() ?? new Date()).getTime()
      ? { ...mapped, status: 'scheduled' as const }
      : mapped;
    const refs = deps.pictures ? picturesFromNinjs(item) : [];
    // Every picture file is read and checked before anything is written: a bad one refuses the item whole.
    const files = refs.length ? await readPictureFiles(deps.pictures!, refs) : [];
    // Pictures already in the library (a re-import) have their ids without an upload: an unchanged item writes nothing.
    const library = await Promise.all(files.map((f) => deps.store.media.byHash(f.hash)));
    const known = library.map((m) => m?.id ?? null);
    const existing = input.uri ? await deps.store.articles.byUri(input.uri) : null;
    if (existing && sameContent(withPictures(input, refs, known), existing)) {
      return { id: existing.id, url: deps.articleUrl(existing.id), status: 'unchanged' };
    }
    // Article URIs are public (feed guids): an import must not become a way around review.
    if (existing && existing.createdBy !== null) {
      return fail('NINJS_CONFLICT', `article ${existing.id} was written in the newsroom; an import does not change it`);
    }
    if (existing && (IN_REVIEW.has(existing.status) || existing.signatures.length > 0)) {
      return fail('NINJS_CONFLICT', `article ${existing.id} is ${existing.status.replace('_', ' ')}; an import does not change what reviewers are signing`);
    }
    // An import publishes without the newsroom's publish check, so that check is made here, before anything is uploaded.
    const described = input.status === 'published' || input.status === 'scheduled' ? describedForReaders(input, files, library) : files;
    if (typeof described === 'string') return fail('MEDIA_NOT_PUBLISHABLE', described);
    const actor = deps.actor ?? IMPORT_ACTOR;
    const ids = await uploadPictures(deps.pictures, described);
    const final = withPictures(input, refs, ids);
    const saved = existing
      ? await deps.store.articles.update(existing.id, final, existing.revision, actor, { action: 'article.import' })
      : await deps.store.articles.create(final, actor, { audit: { action: 'article.import' } });
    return { id: saved.id, url: deps.articleUrl(saved.id), status: existing ? 'updated' : 'created' };
  } catch (e) {
    if (e instanceof NinjsMappingError) return fail(e.code, e.message);
    if (e instanceof PictureFileError) return fail(e.code, e.message);
    if (isDomainError(e)) return fail(e.code, e.message);
    // Whatever else one item runs into (the database refusing a value), the others go on.
    return fail('IMPORT_FAILED', e instanceof Error ? e.message : String(e));
  }
}

/** The article with the pictures that came with it: the lead set, and the body naming them by their ids here. */
function withPictures(input: ArticleInput, refs: readonly NinjsPictureRef[], ids: ReadonlyArray<number | null>): ArticleInput {
  const map = new Map<number, number>();
  refs.forEach((r, i) => {
    if (r.sourceId !== null && ids[i] != null) map.set(r.sourceId, ids[i]!);
  });
  const lead = refs.findIndex((r) => r.lead);
  return { ...input, leadImageId: lead >= 0 ? (ids[lead] ?? null) : null, bodyHtml: remapBodyPictures(input.bodyHtml, map) };
}

/**
 * The files of a published or scheduled item, each picture it shows with alt text, or why it
 * cannot go out. A picture without alt text takes its caption: agency pictures come with a
 * description of what they show (in the association or written into the file), which says more
 * to a reader who cannot see it than nothing. A picture already in the library keeps its own
 * fields (an upload does not overwrite them), so its own alt text is what counts.
 */
function describedForReaders(input: ArticleInput, files: readonly PictureFile[], library: ReadonlyArray<MediaItem | null>): PictureFile[] | string {
  const inBody = new Set(bodyMediaIds(input.bodyHtml));
  const problems: string[] = [];
  const out = files.map((f, i) => {
    if (!f.ref.lead && (f.ref.sourceId === null || !inBody.has(f.ref.sourceId))) return f;
    const name = JSON.stringify(f.ref.href);
    const existing = library[i];
    if (existing) {
      const why = publishRefusal(existing);
      if (why) problems.push(`picture ${name} is already in the library, and ${why}`);
      return f;
    }
    const alt = [f.ref.fields.alt, f.ref.fields.caption, f.embeddedCaption].map((t) => t?.trim()).find((t) => t);
    if (!alt) problems.push(`picture ${name} has no alt text and no caption to describe it with`);
    return alt ? { ...f, ref: { ...f.ref, fields: { ...f.ref.fields, alt: alt.slice(0, 300) } } } : f;
  });
  if (!problems.length) return out;
  return `a published or scheduled article shows only pictures with alt text (a description for readers who cannot see them): ${problems.join('; ')}; nothing of this item was imported (send it as withheld to import it as a draft)`;
}

/** Uploads the checked files; the same file already in the library is that item, with its own fields. */
async function uploadPictures(deps: PictureImportDeps | undefined, files: readonly PictureFile[]): Promise<number[]> {
  const ids: number[] = [];
  for (const f of files) {
    try {
      ids.push((await deps!.media.upload(deps!.actor, f.bytes, f.ref.fields, null)).item.id);
    } catch (e) {
      if (isDomainError(e)) throw new PictureFileError(e.code, `picture ${f.ref.href}: ${e.message}`);
      throw e;
    }
  }
  return ids;
}
