import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { AccessEntry, Actx, Agreement, ApiKeyInfo, Claim, ClaimRepository, Licensee, RightsRepository } from './ports.ts';
import type { ClaimStatus } from '../domain/rights.ts';
import { agreementScopeSchema, type AgreementScope } from '../domain/rights.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit } from './kysely-journal.ts';
import { nameForms } from '../text/convert-name.ts';

const toLicensee = (r: Selectable<Database['licensees']>): Licensee => ({
  id: Number(r.id), name: r.name, contact: r.contact, certificateNo: r.certificate_no, createdAt: r.created_at,
});
const toAgreement = (r: Selectable<Database['agreements']>): Agreement => ({
  id: Number(r.id), licenseeId: Number(r.licensee_id), scope: agreementScopeSchema.parse(JSON.parse(r.scope)), revokedAt: r.revoked_at, createdAt: r.created_at,
});
const toKey = (r: Selectable<Database['api_keys']>): ApiKeyInfo => ({
  id: Number(r.id), agreementId: Number(r.agreement_id), prefix: r.prefix, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at,
});

export class KyselyRights implements RightsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createLicensee(input: { name: string; contact: string | null; certificateNo: string }, ctx: Actx): Promise<Licensee> {
    return this.db.transaction().execute(async (tx) => {
      if (await tx.selectFrom('licensees').select('id').where('certificate_no', '=', input.certificateNo).executeTakeFirst()) {
        throw new DomainError('VALIDATION_FAILED', `certificate ${input.certificateNo} is already registered`, 'certificateNo');
      }
      const row = await tx.insertInto('licensees').values({ name: input.name, contact: input.contact, certificate_no: input.certificateNo, created_at: new Date().toISOString() }).returningAll().executeTakeFirstOrThrow();
      await appendAudit(tx, ctx, { action: 'licensee.create', detail: { licenseeId: Number(row.id), name: input.name, certificateNo: input.certificateNo } });
      return toLicensee(row);
    });
  }

  async licensees(): Promise<Licensee[]> {
    return (await this.db.selectFrom('licensees').selectAll().orderBy('name').execute()).map(toLicensee);
  }

  async licensee(id: number): Promise<Licensee | null> {
    const r = await this.db.selectFrom('licensees').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toLicensee(r) : null;
  }

  /**
   * A name is found from a query in any script (圖們江晨報 finds 图们江晨报): the part of the name
   * is looked for in each of the query's script forms, as text (LIKE's wildcards escaped).
   */
  async findLicensees(q: string): Promise<Licensee[]> {
    const likes = nameForms(q).map((form) => `%${form.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const rows = await this.db
      .selectFrom('licensees')
      .selectAll()
      .where((eb) => eb.or([eb('certificate_no', '=', q), ...likes.map((like) => eb(sql`name`, 'like', sql`${like} ESCAPE '\\'`))]))
      .orderBy('name')
      .limit(20)
      .execute();
    return rows.map(toLicensee);
  }

  async createAgreement(licenseeId: number, scope: AgreementScope, ctx: Actx): Promise<Agreement> {
    return this.db.transaction().execute(async (tx) => {
      if (!(await tx.selectFrom('licensees').select('id').where('id', '=', licenseeId).executeTakeFirst())) throw new DomainError('NOT_FOUND', `licensee ${licenseeId} does not exist`);
      const row = await tx
        .insertInto('agreements')
        .values({ licensee_id: licenseeId, scope: JSON.stringify(scope), valid_from: scope.validFrom, valid_until: scope.validUntil, revoked_at: null, created_at: new Date().toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, ctx, { action: 'agreement.create', detail: { agreementId: Number(row.id), licenseeId, scope } });
      return toAgreement(row);
    });
  }

  async agreement(id: number): Promise<Agreement | null> {
    const r = await this.db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAgreement(r) : null;
  }

  async agreementsOf(licenseeId: number): Promise<Agreement[]> {
    return (await this.db.selectFrom('agreements').selectAll().where('licensee_id', '=', licenseeId).orderBy('id').execute()).map(toAgreement);
  }

  async revokeAgreement(id: number, ctx: Actx): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      const r = await tx.updateTable('agreements').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        if (!(await tx.selectFrom('agreements').select('id').where('id', '=', id).executeTakeFirst())) throw new DomainError('NOT_FOUND', `agreement ${id} does not exist`);
        return;
      }
      await tx.updateTable('api_keys').set({ revoked_at: now }).where('agreement_id', '=', id).where('revoked_at', 'is', null).execute();
      await appendAudit(tx, ctx, { action: 'agreement.revoke', detail: { agreementId: id } });
    });
  }

  async addKey(agreementId: number, keyHash: string, prefix: string, expiresAt: string | null, ctx: Actx): Promise<ApiKeyInfo> {
    return this.db.transaction().execute(async (tx) => {
      const row = await tx.insertInto('api_keys').values({ agreement_id: agreementId, key_hash: keyHash, prefix, created_at: new Date().toISOString(), expires_at: expiresAt, revoked_at: null }).returningAll().executeTakeFirstOrThrow();
      // The key itself is never written anywhere: the audit names its prefix only.
      await appendAudit(tx, ctx, { action: 'apikey.create', detail: { agreementId, keyId: Number(row.id), prefix, expiresAt } });
      return toKey(row);
    });
  }

  async revokeKey(keyId: number, ctx: Actx): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx.updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', keyId).where('revoked_at', 'is', null).executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) await appendAudit(tx, ctx, { action: 'apikey.revoke', detail: { keyId } });
    });
  }

  async keysOf(agreementId: number): Promise<ApiKeyInfo[]> {
    return (await this.db.selectFrom('api_keys').selectAll().where('agreement_id', '=', agreementId).orderBy('id').execute()).map(toKey);
  }

  async keyByHash(hash: string): Promise<ApiKeyInfo | null> {
    const r = await this.db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).executeTakeFirst();
    return r ? toKey(r) : null;
  }

  async logAccess(entries: AccessEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 200) {
      await this.db
        .insertInto('content_access')
        .values(entries.slice(i, i + 200).map((e) => ({ at: e.at, day: e.at.slice(0, 10), licensee_id: e.licenseeId, agreement_id: e.agreementId, article_id: e.articleId, path: e.path, status: e.status, ip: e.ip })))
        .execute();
    }
  }

  async itemsServed(agreementId: number, day: string): Promise<number> {
    const r = await this.db
      .selectFrom('content_access')
      .select((eb) => eb.fn.count('article_id').distinct().as('n'))
      .where('agreement_id', '=', agreementId)
      .where('day', '=', day)
      .where('status', '=', 200)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async usage(licenseeId: number): Promise<Array<{ day: string; requests: number; items: number; refused: number }>> {
    const rows = await this.db
      .selectFrom('content_access')
      .select((eb) => [
        'day',
        eb.fn.countAll().as('requests'),
        eb.fn.count('article_id').distinct().as('items'),
        eb.fn.sum(eb.case().when('status', '>=', 400).then(1).else(0).end()).as('refused'),
      ])
      .where('licensee_id', '=', licenseeId)
      .groupBy('day')
      .orderBy('day')
      .execute();
    return rows.map((r) => ({ day: r.day, requests: Number(r.requests), items: Number(r.items), refused: Number(r.refused ?? 0) }));
  }
}

const toClaim = (r: Selectable<Database['claims']>, files: Array<Selectable<Database['claim_files']>>): Claim => ({
  id: Number(r.id), reference: r.reference, articleId: r.article_id === null ? null : Number(r.article_id), articleRef: r.article_ref,
  claimant: r.claimant, contact: r.contact, claim: r.claim, links: JSON.parse(r.links) as string[], status: r.status as ClaimStatus,
  withinWindow: Number(r.within_window) === 1, daysAfterPublication: r.days_after_publication, assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
  createdAt: r.created_at, updatedAt: r.updated_at,
  files: files.map((f) => ({ id: Number(f.id), fileName: f.file_name, contentType: f.content_type, size: f.size, storedAs: f.stored_as })),
});

export class KyselyClaims implements ClaimRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: Parameters<ClaimRepository['create']>[0]): Promise<Claim> {
    const id = await this.db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      // A unique placeholder until the id is known; the reference is built from it.
      const row = await tx
        .insertInto('claims')
        .values({
          reference: `pending-${now}-${Math.random()}`, article_id: input.articleId, article_ref: input.articleRef, claimant: input.claimant, contact: input.contact,
          claim: input.claim, links: JSON.stringify(input.links), status: 'new', within_window: input.withinWindow ? 1 : 0,
          days_after_publication: input.daysAfterPublication, assignee_id: null, created_at: now, updated_at: now, ip: input.ip,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const claimId = Number(row.id);
      const reference = `HT-${now.slice(0, 4)}-${String(claimId).padStart(6, '0')}`;
      await tx.updateTable('claims').set({ reference }).where('id', '=', claimId).execute();
      for (const f of input.files) {
        await tx.insertInto('claim_files').values({ claim_id: claimId, file_name: f.fileName, content_type: f.contentType, size: f.size, stored_as: f.storedAs }).execute();
      }
      await appendAudit(tx, { actorId: null, actorLogin: 'public', ip: input.ip }, { action: 'claim.file', articleId: input.articleId, detail: { claimId, reference, withinWindow: input.withinWindow } });
      return claimId;
    });
    return (await this.byId(id))!;
  }

  async list(options: { status?: ClaimStatus; limit: number }): Promise<Claim[]> {
    let q = this.db.selectFrom('claims').selectAll();
    if (options.status) q = q.where('status', '=', options.status);
    const rows = await q.orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map((r) => toClaim(r, []));
  }

  async byId(id: number): Promise<Claim | null> {
    const r = await this.db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) return null;
    const files = await this.db.selectFrom('claim_files').selectAll().where('claim_id', '=', id).orderBy('id').execute();
    return toClaim(r, files);
  }

  async update(id: number, from: ClaimStatus, change: { status: ClaimStatus; assigneeId?: number | null }, ctx: Actx, note: string | null): Promise<Claim> {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('claims')
        .set({ status: change.status, updated_at: new Date().toISOString(), ...(change.assigneeId !== undefined ? { assignee_id: change.assigneeId } : {}) })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new DomainError('WORKFLOW_CONFLICT', `claim ${id} was moved on by someone else; reload it`);
      const claim = await tx.selectFrom('claims').select(['article_id', 'reference']).where('id', '=', id).executeTakeFirstOrThrow();
      await appendAudit(tx, ctx, { action: `claim.${change.status}`, articleId: claim.article_id, detail: { claimId: id, reference: claim.reference, from, note, ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}) } });
    });
    return (await this.byId(id))!;
  }
}
