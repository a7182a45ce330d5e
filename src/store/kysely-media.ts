import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, MediaQuery, MediaRepository, NewMedia } from './ports.ts';
import type { MediaFormat, MediaItem, MediaPatch, PhotoRights } from '../domain/media.ts';
import type { Script } from '../domain/variant.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit, bumpContentVersion, type Db } from './kysely-journal.ts';

type Row = Selectable<Database['media']>;

const toItem = (r: Row): MediaItem => ({
  id: Number(r.id), hash: r.hash, format: r.format as MediaFormat, width: r.width, height: r.height, bytes: Number(r.bytes),
  caption: r.caption, credit: r.credit, alt: r.alt, language: r.language as Script, focalX: r.focal_x, focalY: r.focal_y,
  rightsClass: r.rights_class as PhotoRights, copyrightHolder: r.copyright_holder, usageTerms: r.usage_terms,
  createdAt: r.created_at, updatedAt: r.updated_at, createdBy: r.created_by === null ? null : Number(r.created_by), takenDownAt: r.taken_down_at,
});

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
          created_at: now, updated_at: now, created_by: input.createdBy, taken_down_at: null,
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

  async update(id: number, patch: MediaPatch, ctx: Actx): Promise<MediaItem> {
    await this.db.transaction().execute(async (tx) => {
      const before = await tx.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw notFound(id);
      const set: Partial<Row> = { updated_at: new Date().toISOString() };
      if (patch.caption !== undefined) set.caption = patch.caption;
      if (patch.credit !== undefined) set.credit = patch.credit;
      if (patch.alt !== undefined) set.alt = patch.alt;
      if (patch.language !== undefined) set.language = patch.language;
      if (patch.focalX !== undefined) set.focal_x = patch.focalX;
      if (patch.focalY !== undefined) set.focal_y = patch.focalY;
      if (patch.rightsClass !== undefined) set.rights_class = patch.rightsClass;
      if (patch.copyrightHolder !== undefined) set.copyright_holder = patch.copyrightHolder;
      if (patch.usageTerms !== undefined) set.usage_terms = patch.usageTerms;
      await tx.updateTable('media').set(set).where('id', '=', id).execute();
      await appendAudit(tx, ctx, { action: 'media.update', detail: { mediaId: id, fields: Object.keys(set).filter((k) => k !== 'updated_at') } });
      await this.touchPages(tx, id);
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

  async usedBy(id: number): Promise<number[]> {
    return usedBy(this.db, id);
  }

  /** Every page may show the picture (lists show lead pictures): every cached page goes. */
  private async touchPages(tx: Db, id: number): Promise<void> {
    if ((await usedBy(tx, id)).length > 0) await bumpContentVersion(tx);
  }
}

async function usedBy(db: Db, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where(({ or, eb }) => or([eb('lead_image_id', '=', id), sql<boolean>`body_html LIKE ${contains(`data-media-id="${id}"`)} ESCAPE '\\'`]))
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}
