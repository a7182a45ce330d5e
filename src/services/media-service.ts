import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Actx, MediaQuery, Store } from '../store/ports.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { SCRIPTS, type Script } from '../domain/variant.ts';
import {
  allRenditions, changedMediaFields, currentRenditionName, DESCRIPTIVE_FIELDS, mediaPatchSchema, parseRenditionName, PHOTO_RIGHTS, PHOTO_RIGHTS_FIELDS, publishRefusal, renditionName, RENDITION_TYPES, withPatch,
  type MediaItem, type MediaPatch, type PendingMediaChange, type RenditionKey,
} from '../domain/media.ts';
import { hasRole, REVIEWER_ROLES, RIGHTS_DESK_ROLES } from '../domain/roles.ts';
import type { ArticleStatus } from '../domain/article.ts';
import { convertText } from '../text/convert.ts';
import { MediaFiles } from './media-files.ts';
import { makeRenditions, probeImage } from './image-pipeline.ts';
import { detectScript } from './site-context.ts';

/** The form fields that may come with an upload (all optional; the file's own tags fill gaps). */
export const mediaUploadSchema = z.object({
  caption: z.string().trim().max(500).nullish().transform((v) => v || null),
  credit: z.string().trim().max(100).nullish().transform((v) => v || null),
  alt: z.string().trim().max(300).nullish().transform((v) => v || null),
  rightsClass: z.enum(PHOTO_RIGHTS).default('own'),
  copyrightHolder: z.string().trim().max(200).nullish().transform((v) => v || null),
  usageTerms: z.string().trim().max(1000).nullish().transform((v) => v || null),
  language: z.enum(SCRIPTS).optional(),
});
export type MediaUploadFields = z.input<typeof mediaUploadSchema>;

export const mediaQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'from is a date, YYYY-MM-DD').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'to is a date, YYYY-MM-DD').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const PAGE = 40;
/** Articles whose pictures readers see now, or will without anyone acting again. */
const LIVE: ReadonlySet<ArticleStatus> = new Set(['published', 'scheduled']);

function pick<K extends keyof MediaPatch>(patch: MediaPatch, keys: readonly K[]): MediaPatch {
  return Object.fromEntries(keys.filter((k) => patch[k] !== undefined).map((k) => [k, patch[k]])) as MediaPatch;
}
/** Who uploads: a newsroom member, or a process (an import) with no account. */
export interface Uploader {
  id: number | null;
  login: string;
}
const ctxOf = (actor: Uploader, ip: string | null): Actx => ({ actorId: actor.id, actorLogin: actor.login, ip });

/** One job at a time per key; a second caller for the same key waits for the first one's result. */
function singleFlight<T>() {
  const running = new Map<string, Promise<T>>();
  return (key: string, run: () => Promise<T>): Promise<T> => {
    const existing = running.get(key);
    if (existing) return existing;
    const p = run().finally(() => running.delete(key));
    running.set(key, p);
    return p;
  };
}

/** At most `n` image jobs at once in this process: decoding is heavy, and pages must still be served. */
function limiter(n: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

export interface MediaServiceOptions {
  /** Largest file accepted, bytes (HEITU_MAX_UPLOAD). */
  maxFileBytes: number;
  /** Make every rendition right after an upload, in the background (off in tests that count work). */
  prepareOnUpload?: boolean;
  /** Image jobs at once in this process. */
  concurrency?: number;
}

/**
 * The media library: uploads checked through, originals kept once by hash, renditions made from
 * the focal point once and kept, served under names that never change their bytes.
 */
export function createMediaService(store: Store, dir: string, options: MediaServiceOptions) {
  const files = new MediaFiles(dir);
  const once = singleFlight<Buffer[]>();
  const limit = limiter(options.concurrency ?? 2);
  void files.sweepUnfinished().catch((e) => console.error('media: could not clear unfinished files:', e));

  /** Makes these renditions of an item from one decode and keeps them; the same set asked for at once is made once. */
  function make(item: MediaItem, keys: readonly RenditionKey[]): Promise<Buffer[]> {
    return once(`${item.hash}/${keys.map((k) => renditionName(item, k)).join(',')}`, () =>
      limit(async () => {
        const bytes = await makeRenditions(await files.readOriginal(item.hash), item, keys);
        await Promise.all(keys.map((k, i) => files.keepRendition(item.hash, renditionName(item, k), bytes[i]!)));
        // Taken down while these were made: what was just written must not stay where it could be served.
        if ((await store.media.byId(item.id))?.takenDownAt) await files.removeRenditions(item.hash);
        return bytes;
      }),
    );
  }

  async function open(id: number): Promise<MediaItem> {
    const item = await store.media.byId(id);
    if (!item) throw new DomainError('NOT_FOUND', `picture ${id} does not exist`);
    if (item.takenDownAt) throw new DomainError('WORKFLOW_CONFLICT', `picture ${id} was taken down`);
    return item;
  }

  /** Whether readers see it now, or will without anyone acting again (scheduled). */
  async function isLive(id: number): Promise<boolean> {
    return (await store.media.usedBy(id)).some((u) => LIVE.has(u.status));
  }

  /** Published articles keep alt text on their pictures. */
  function refuseUndescribed(item: MediaItem): void {
    const why = publishRefusal(item);
    if (why) throw new DomainError('MEDIA_NOT_PUBLISHABLE', `published or scheduled articles show this picture: ${why}`, 'alt');
  }

  function prepareLater(item: MediaItem): void {
    void service.prepare(item).catch((e) => console.error(`media: renditions of picture ${item.id} failed:`, e));
  }

  const service = {
    files,

    /**
     * Checks and keeps an upload. Nothing is written for a file that is refused; the same file a
     * second time is the item it already is (its fields are not overwritten by the second upload).
     */
    async upload(actor: Uploader, bytes: Buffer, fields: MediaUploadFields, ip: string | null): Promise<{ item: MediaItem; created: boolean }> {
      if (bytes.length === 0) throw new DomainError('UPLOAD_REJECTED', 'the file is empty', 'file');
      if (bytes.length > options.maxFileBytes) {
        throw new DomainError('PAYLOAD_TOO_LARGE', `the file is larger than ${Math.round((options.maxFileBytes / 1024 / 1024) * 10) / 10} MB, the most accepted`, 'file');
      }
      const parsed = mediaUploadSchema.safeParse(fields);
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw new DomainError('VALIDATION_FAILED', `${i.path.join('.')}: ${i.message}`, String(i.path[0] ?? 'file'));
      }
      const f = parsed.data;
      // Checking decodes the whole picture: it waits its turn with the renditions, bounding memory.
      const probe = await limit(() => probeImage(bytes));
      const hash = createHash('sha256').update(bytes).digest('hex');
      const caption = f.caption ?? probe.embedded.caption;
      const language: Script = f.language ?? detectScript(caption ?? '') ?? (await store.settings.get())?.language ?? 'zh-Hans';
      await files.keepOriginal(hash, bytes);
      // A failure below leaves the original in place: another upload of the same file may be
      // adding its row at this moment, and an original no row names is harmless (a later upload reuses it).
      const result = await store.media.add({
        hash, format: probe.format, width: probe.width, height: probe.height, bytes: bytes.length,
        caption, credit: f.credit ?? probe.embedded.credit, alt: f.alt, language, focalX: 50, focalY: 50,
        rightsClass: f.rightsClass, copyrightHolder: f.copyrightHolder ?? probe.embedded.copyright, usageTerms: f.usageTerms, createdBy: actor.id,
      }, ctxOf(actor, ip));
      if (result.created && options.prepareOnUpload !== false) {
        // Readers should not wait for the first view; a failure here is retried by that view.
        void service.prepare(result.item).catch((e) => console.error(`media: renditions of picture ${result.item.id} failed:`, e));
      }
      return result;
    },

    /** Makes every rendition of an item that is not made yet. */
    async prepare(item: MediaItem): Promise<number> {
      const keys = allRenditions(item);
      // Only whether each exists: the bytes of those made already are not needed here.
      const made = await Promise.all(keys.map((k) => files.hasRendition(item.hash, renditionName(item, k))));
      const missing = keys.filter((_, i) => !made[i]);
      if (missing.length) await make(item, missing);
      return keys.length;
    },

    /**
     * The bytes of a rendition by its public name: 404 for a picture taken down, a name it does not
     * have (another focal point, a size not made), or a hash nobody uploaded.
     */
    async rendition(hash: string, name: string): Promise<{ bytes: Buffer; type: string } | { moved: string } | null> {
      if (!/^[0-9a-f]{64}$/.test(hash)) return null;
      const item = await store.media.byHash(hash);
      if (!item || item.takenDownAt) return null;
      const key = parseRenditionName(item, name);
      if (!key) {
        const now = currentRenditionName(item, name);
        return now ? { moved: `/media/${item.hash}/${now}` } : null;
      }
      const bytes = (await files.readRendition(item.hash, renditionName(item, key))) ?? (await make(item, [key]))[0];
      return { bytes: bytes!, type: RENDITION_TYPES[key.format] };
    },

    /** A picture with the articles that show it, and whether published or scheduled ones do (its changes then need approval). */
    async get(id: number): Promise<MediaItem & { usedBy: number[]; live: boolean }> {
      const item = await store.media.byId(id);
      if (!item) throw new DomainError('NOT_FOUND', `picture ${id} does not exist`);
      const users = await store.media.usedBy(id);
      return { ...item, usedBy: users.map((u) => u.id), live: users.some((u) => LIVE.has(u.status)) };
    },

    /** The library, newest first; words match caption, credit and alt text in either script. */
    async search(input: unknown, includeTakenDown = false): Promise<{ items: MediaItem[]; total: number; page: number; pageSize: number }> {
      const q = mediaQuerySchema.parse(input);
      const text = q.q ? [...new Set([q.q, convertText(q.q, 'zh-Hans', 'zh-Hant'), convertText(q.q, 'zh-Hant', 'zh-Hans')])] : [];
      const query: MediaQuery = {
        text, includeTakenDown, limit: PAGE, offset: (q.page - 1) * PAGE,
        ...(q.from ? { from: `${q.from}T00:00:00.000Z` } : {}),
        ...(q.to ? { to: new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000).toISOString() } : {}),
      };
      const r = await store.media.search(query);
      return { ...r, page: q.page, pageSize: PAGE };
    },

    /**
     * Changes a picture as of `baseRevision` (MEDIA_STALE_REVISION if someone changed it since).
     * Its rights (class, holder, terms) are the rights desk's to change. What readers see of it
     * (caption, credit, alt text, focal point) changes at once while no published or scheduled
     * article shows it; once one does, the change waits for someone else to approve it, as a
     * correction of the article would (`pending: true`).
     */
    async update(actor: Actor, id: number, input: MediaPatch & { baseRevision: number }, ip: string | null): Promise<{ item: MediaItem; pending: boolean }> {
      const item = await open(id);
      if (input.baseRevision !== item.revision) {
        throw new DomainError('MEDIA_STALE_REVISION', `picture ${id} is at revision ${item.revision}, not ${input.baseRevision}: someone else changed it first; reload it`, 'baseRevision', undefined, { current: item });
      }
      const patch = changedMediaFields(item, mediaPatchSchema.parse(input));
      const rights = pick(patch, PHOTO_RIGHTS_FIELDS);
      const seen = pick(patch, DESCRIPTIVE_FIELDS);
      if (Object.keys(patch).length === 0) return { item, pending: false };
      if (Object.keys(rights).length && !hasRole(actor, ...RIGHTS_DESK_ROLES)) {
        throw new DomainError('FORBIDDEN_ROLE', 'only the rights desk changes a picture\'s rights class, copyright holder or usage terms', Object.keys(rights)[0]);
      }
      if (item.pending && item.pending.authorId !== actor.id && Object.keys(seen).length) {
        throw new DomainError('WORKFLOW_CONFLICT', `a change of this picture by ${item.pending.authorLogin} is waiting for approval; approve or discard it first`, 'pending');
      }
      const ctx = ctxOf(actor, ip);
      const live = await isLive(id);
      if (!live || Object.keys(seen).length === 0) {
        // The rights desk's decision, or a picture no reader sees yet: it applies now (and keeps anyone's waiting change only if it leaves it alone).
        const updated = await store.media.update(id, patch, item.revision, ctx);
        const kept = item.pending && Object.keys(seen).length === 0 ? await store.media.setPending(id, { ...item.pending, baseRevision: updated.revision }, updated.revision, ctx) : updated;
        if (seen.focalX !== undefined || seen.focalY !== undefined) prepareLater(kept);
        return { item: kept, pending: false };
      }
      refuseUndescribed(withPatch(item, seen));
      const now = Object.keys(rights).length ? await store.media.update(id, rights, item.revision, ctx) : item;
      const pending: PendingMediaChange = { patch: seen, baseRevision: now.revision, authorId: actor.id, authorLogin: actor.login, createdAt: new Date().toISOString() };
      return { item: await store.media.setPending(id, pending, now.revision, ctx), pending: true };
    },

    /** Someone other than its author, an editor, makes the waiting change what readers see. */
    async approveChange(actor: Actor, id: number, ip: string | null): Promise<MediaItem> {
      const item = await open(id);
      if (!item.pending) throw new DomainError('WORKFLOW_CONFLICT', `no change of picture ${id} is waiting`, 'pending');
      if (item.pending.authorId === actor.id) throw new DomainError('WORKFLOW_OWN_WORK', 'someone other than its author approves a change', 'pending');
      if (!hasRole(actor, ...REVIEWER_ROLES)) throw new DomainError('FORBIDDEN_ROLE', 'an editor approves changes of pictures published articles show');
      if (item.pending.baseRevision !== item.revision) {
        throw new DomainError('WORKFLOW_CONFLICT', 'the picture changed after this change was proposed; propose it again', 'pending');
      }
      if (await isLive(id)) refuseUndescribed(withPatch(item, item.pending.patch));
      const updated = await store.media.update(id, item.pending.patch, item.revision, ctxOf(actor, ip), 'media.change-approved');
      if (item.pending.patch.focalX !== undefined || item.pending.patch.focalY !== undefined) prepareLater(updated);
      return updated;
    },

    /** Its author or an editor drops a waiting change. */
    async discardChange(actor: Actor, id: number, ip: string | null): Promise<MediaItem> {
      const item = await open(id);
      if (!item.pending) return item;
      if (item.pending.authorId !== actor.id && !hasRole(actor, ...REVIEWER_ROLES)) throw new DomainError('FORBIDDEN_ROLE', 'its author or an editor discards a waiting change');
      return store.media.setPending(id, null, item.revision, ctxOf(actor, ip));
    },

    async takeDown(actor: Actor, id: number, reason: string, ip: string | null): Promise<MediaItem> {
      const item = await store.media.takeDown(id, reason, ctxOf(actor, ip));
      await files.removeRenditions(item.hash);
      return item;
    },

  };
  return service;
}

export type MediaService = ReturnType<typeof createMediaService>;
