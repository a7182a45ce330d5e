import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, SiteTerm, TermRepository } from './ports.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit, bumpContentVersion } from './kysely-journal.ts';

const toTerm = (r: Selectable<Database['script_terms']>): SiteTerm => ({
  id: Number(r.id), hans: r.hans, hant: r.hant, hk: r.hk, note: r.note, updatedAt: r.updated_at,
});

export class KyselyTerms implements TermRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<SiteTerm[]> {
    return (await this.db.selectFrom('script_terms').selectAll().orderBy('hans').execute()).map(toTerm);
  }

  async put(term: { hans: string; hant: string; hk: string | null; note: string | null }, ctx: Actx): Promise<SiteTerm> {
    const values = { ...term, updated_at: new Date().toISOString() };
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('script_terms')
        .values(values)
        .onConflict((oc) => oc.column('hans').doUpdateSet({ hant: values.hant, hk: values.hk, note: values.note, updated_at: values.updated_at }))
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, ctx, { action: 'term.put', detail: { hans: term.hans, hant: term.hant, hk: term.hk } });
      await bumpContentVersion(tx);
      return toTerm(row);
    });
  }

  async delete(id: number, ctx: Actx): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('script_terms').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new DomainError('NOT_FOUND', `term ${id} does not exist`);
      await tx.deleteFrom('script_terms').where('id', '=', id).execute();
      await appendAudit(tx, ctx, { action: 'term.delete', detail: { hans: row.hans, hant: row.hant } });
      await bumpContentVersion(tx);
    });
  }
}
