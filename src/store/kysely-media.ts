import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, MediaQuery, MediaRepository, NewMedia } from './ports.ts';
import { DESCRIPTIVE_FIELDS, PHOTO_RIGHTS_FIELDS, type MediaFormat, type MediaItem, type MediaPatch, type PendingMediaChange, type PhotoRights } from '../domain/media.ts';
import type { ArticleStatus } from '../domain/article.ts';
import type { Script } from '../domain/variant.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit, bumpContentVersion, type Db } from './kysely-journal.ts';

type Row = Selectable<Database['media']>;

const toItem = (r: Row): MediaItem => ({
  id: Number(r.id), hash: r.hash, format: r.format as MediaFormat, width: r.width, height: r.height, bytes: Number(r.bytes),
  caption: r.caption, credit: r.credit, alt: r.alt, language: r.language as Script, focalX: r.focal_x, focalY: r.focal_y,
  rightsClass: r.rights_class as PhotoRights, copyrightHolder: r.copyright_holder, usageTerms: r.usage_terms,
  createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by === null ? null : Number(r.created_by), takenDownAt: r.taken_down_at,
  revision: r.revision, pending: r.pending_change ? (JSON.parse(r.pending_change) as PendingMediaChange) : null,
});

/** Patch fields and their columns. */
const COLUMNS = {
  caption: 'caption', credit: 'credit', alt: 'alt', language: 'language', focalX: 'focal_x', focalY: 'focal_y',
  rightsClass: 'rights_class', copyrightHolder: 'copyright_holder', usageTerms: 'usage_terms',
} as const satisfies Record<(typeof DESCRIPTIVE_FIELDS)[number] | (typeof PHOTO_RIGHTS_FIELDS)[number], keyof Row>;

function staleMedia(id: number, current: number, expected: number): DomainError {
  return new DomainError('MEDIA_STALE_REVISION', `picture ${id} is at revision ${current}, not ${expected}: someone else changed it first; reload it`, 'baseRevision', undefined, { currentRevision: current });
}

/** A LIKE pattern that matches `text` literally (with ESCAPE '\'). */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const notFound = (id: number) => new DomainError('NOT_FOUND', `picture ${id} does not exist`);

export class KyselyMedia implements MediaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(input: NewMedia, ctx: Actx): Promise<{ item: MediaItem; created: boolean }> {
    const now = new Date().toISOString();
    const created = await this.db.transaction().execute(async (tx) => {
      // The unique hash decides between two uploads of one file at once: one inserts, the other finds it.
      const row = await tx
        .insertInto('media')
        .values({
          hash: input.hash, format: input.format, width: input.width, height: input.height, bytes: input.bytes,
          caption: input.caption, credit: input.credit, alt: input.alt, language: input.language, focal_x: input.focalX, focal_y: input.focalY,
          rights_class: input.rightsClass, copyright_holder: input.copyrightHolder, usage_terms: input.usageTerms,
          created_at: now, updated_at: now, created_by: input.createdBy, taken_down_at: null, revision: 1, pending_change: null,
        })
        .onConflict((oc) => oc.column('hash').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) await appendAudit(tx, ctx, { action: 'media.upload', detail: { mediaId: Number(row.id), hash: input.hash, bytes: input.bytes } });
      return row ? Number(row.id) : null;
    });
    const item = created !== null ? await this.byId(created) : await this.byHash(input.hash);
    if (!item) throw new Error(`picture ${input.hash} vanished while it was added`);
    return { item, created: created !== null };
  }

  async byId(id: number): Promise<MediaItem | null> {
    if (!Number.isSafeInteger(id) || id < 1) return null;
    const r = await this.db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toItem(r) : null;
  }

  async byHash(hash: string): Promise<MediaItem | null> {
    const r = await this.db.selectFrom('media').selectAll().where('hash', '=', hash).executeTakeFirst();
    return r ? toItem(r) : null;
  }

  async byIds(ids: readonly number[]): Promise<MediaItem[]> {
    const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id) && id > 0))];
    if (wanted.length === 0) return [];
    const rows = await this.db.selectFrom('media').selectAll().where('id', 'in', wanted).execute();
    const byId = new Map(rows.map((r) => [Number(r.id), toItem(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async search(query: MediaQuery): Promise<{ items: MediaItem[]; total: number }> {
    let q = this.db.selectFrom('media');
    if (!query.includeTakenDown) q = q.where('taken_down_at', 'is', null);
    if (query.from) q = q.where('created_at', '>=', query.from);
    if (query.to) q = q.where('created_at', '<', query.to);
    const words = (query.text ?? []).filter((w) => w.length > 0);
    if (words.length) {
      q = q.where(({ or }) =>
        or(words.flatMap((w) => (['caption', 'credit', 'alt'] as const).map((col) => sql<boolean>`${sql.ref(col)} LIKE ${contains(w)} ESCAPE '\\'`))),
      );
    }
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute(),
      q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
    ]);
    return { items: rows.map(toItem), total: Number(count?.n ?? 0) };
  }

  async update(id: number, patch: MediaPatch, expectedRevision: number, ctx: Actx, action = 'media.update'): Promise<MediaItem> {
    await this.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound(id);
      if (before.revision !== expectedRevision) throw staleMedia(id, before.revision, expectedRevision);
      const set: Partial<Row> = { updated_at: new Date().toISOString(), revision: before.revision + 1, pending_change: null };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [field, column] of Object.entries(COLUMNS) as Array<[keyof MediaPatch, keyof typeof set & keyof Row]>) {
        const value = patch[field];
        if (value === undefined) continue;
        (set as Record<string, unknown>)[column] = value;
        changes[field] = { from: before[column], to: value };
      }
      // Conditional on the revision read above: a change committed meanwhile makes this one stale.
      const r = await tx.updateTable('media').set(set).where('id', '=', id).where('revision', '=', expectedRevision).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleMedia(id, expectedRevision + 1, expectedRevision);
      await appendAudit(tx, ctx, { action, detail: { mediaId: id, changes } });
      await this.touchPages(tx, id);
    });
    return (await this.byId(id))!;
  }

  async setPending(id: number, pending: PendingMediaChange | null, expectedRevision: number, ctx: Actx): Promise<MediaItem> {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('media')
        .set({ pending_change: pending ? JSON.stringify(pending) : null })
        .where('id', '=', id)
        .where('revision', '=', expectedRevision)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        const now = await tx.selectFrom('media').select('revision').where('id', '=', id).executeTakeFirst();
        if (!now) throw notFound(id);
        throw staleMedia(id, now.revision, expectedRevision);
      }
      await appendAudit(tx, ctx, { action: pending ? 'media.change-proposed' : 'media.change-discarded', detail: { mediaId: id, ...(pending ? { patch: pending.patch } : {}) } });
    });
    return (await this.byId(id))!;
  }

  async takeDown(id: number, reason: string, ctx: Actx): Promise<MediaItem> {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('media').set({ taken_down_at: new Date().toISOString() }).where('id', '=', id).where('taken_down_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        const exists = await tx.selectFrom('media').select('id').where('id', '=', id).executeTakeFirst();
        if (!exists) throw notFound(id);
        return; // taken down already: nothing more to do
      }
      await appendAudit(tx, ctx, { action: 'media.take-down', detail: { mediaId: id, reason } });
      await this.touchPages(tx, id);
    });
    return (await this.byId(id))!;
  }

  async usedBy(id: number): Promise<Array<{ id: number; status: ArticleStatus }>> {
    return usedBy(this.db, id);
  }

  /**
   * Every page may show the picture (lists show lead pictures): every cached page goes. The
   * published articles showing it count as changed now, so licensees' feeds send them again.
   */
  private async touchPages(tx: Db, id: number): Promise<void> {
    const users = await usedBy(tx, id);
    if (users.length === 0) return;
    const live = users.filter((u) => u.status === 'published').map((u) => u.id);
    if (live.length) await tx.updateTable('articles').set({ updated_at: new Date().toISOString() }).where('id', 'in', live).execute();
    await bumpContentVersion(tx);
  }
}

async function usedBy(db: Db, id: number): Promise<Array<{ id: number; status: ArticleStatus }>> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'status'])
    .where(({ or, eb }) => or([eb('lead_image_id', '=', id), sql<boolean>`body_html LIKE ${contains(`data-media-id="${id}"`)} ESCAPE '\\'`]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), status: r.status as ArticleStatus }));
}
