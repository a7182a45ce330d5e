import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, EvidenceFile, Tip, TipRepository, TipStatus } from './ports.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit } from './kysely-journal.ts';

const toTip = (r: Selectable<Database['tips']>, files: Array<Selectable<Database['tip_files']>>): Tip => ({
  id: Number(r.id), reference: r.reference, text: r.text, contact: r.contact, status: r.status as TipStatus, createdAt: r.created_at, updatedAt: r.updated_at,
  files: files.map((f) => ({ id: Number(f.id), fileName: f.file_name, contentType: f.content_type, size: f.size, storedAs: f.stored_as })),
});

export class KyselyTips implements TipRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: { text: string; contact: string | null; ip: string | null; files: Array<Omit<EvidenceFile, 'id'>> }): Promise<Tip> {
    const id = await this.db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const row = await tx
        .insertInto('tips')
        .values({ reference: `pending-${now}-${Math.random()}`, text: input.text, contact: input.contact, status: 'new', created_at: now, updated_at: now, ip: input.ip })
        .returning('id')
        .executeTakeFirstOrThrow();
      const tipId = Number(row.id);
      await tx.updateTable('tips').set({ reference: `XS-${now.slice(0, 4)}-${String(tipId).padStart(6, '0')}` }).where('id', '=', tipId).execute();
      for (const f of input.files) {
        await tx.insertInto('tip_files').values({ tip_id: tipId, file_name: f.fileName, content_type: f.contentType, size: f.size, stored_as: f.storedAs }).execute();
      }
      return tipId;
    });
    return (await this.byId(id))!;
  }

  async list(options: { status?: TipStatus; limit: number }): Promise<Tip[]> {
    let q = this.db.selectFrom('tips').selectAll();
    if (options.status) q = q.where('status', '=', options.status);
    return (await q.orderBy('id', 'desc').limit(options.limit).execute()).map((r) => toTip(r, []));
  }

  async byId(id: number): Promise<Tip | null> {
    const r = await this.db.selectFrom('tips').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    return toTip(r, await this.db.selectFrom('tip_files').selectAll().where('tip_id', '=', id).orderBy('id').execute());
  }

  async setStatus(id: number, status: TipStatus, ctx: Actx): Promise<Tip> {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('tips').set({ status, updated_at: new Date().toISOString() }).where('id', '=', id).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new DomainError('NOT_FOUND', `tip ${id} does not exist`);
      await appendAudit(tx, ctx, { action: `tip.${status}`, detail: { tipId: id } });
    });
    return (await this.byId(id))!;
  }

  async counts(): Promise<Partial<Record<TipStatus, number>>> {
    const rows = await this.db.selectFrom('tips').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
}
