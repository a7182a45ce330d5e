import type { Kysely, Selectable } from 'kysely';
import type { Database } from './schema.ts';
import type { Actx, FrontPageRepository, FrontPageSlots, Topic } from './ports.ts';
import { DomainError } from '../domain/errors.ts';
import { appendAudit, bumpContentVersion } from './kysely-journal.ts';

const toTopic = (r: Selectable<Database['topics']>): Topic => ({
  id: Number(r.id), slug: r.slug, title: r.title, language: r.language as Topic['language'], description: r.description, position: r.position,
  articleIds: JSON.parse(r.article_ids) as number[], updatedAt: r.updated_at,
});

export class KyselyFrontPage implements FrontPageRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async slots(): Promise<FrontPageSlots> {
    const r = await this.db.selectFrom('settings').select('value').where('key', '=', 'front_page').executeTakeFirst();
    return r ? (JSON.parse(r.value) as FrontPageSlots) : { headlineId: null, recommendedIds: [] };
  }

  async setSlots(slots: FrontPageSlots, ctx: Actx): Promise<void> {
    const value = JSON.stringify(slots);
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('settings').values({ key: 'front_page', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
      await appendAudit(tx, ctx, { action: 'front_page.set', detail: { ...slots } });
      await bumpContentVersion(tx);
    });
  }

  async topics(): Promise<Topic[]> {
    return (await this.db.selectFrom('topics').selectAll().orderBy('position').orderBy('id').execute()).map(toTopic);
  }

  async topic(slug: string): Promise<Topic | null> {
    const r = await this.db.selectFrom('topics').selectAll().where('slug', '=', slug).executeTakeFirst();
    return r ? toTopic(r) : null;
  }

  async putTopic(t: Omit<Topic, 'id' | 'updatedAt'>, ctx: Actx): Promise<Topic> {
    const values = { slug: t.slug, title: t.title, language: t.language, description: t.description, position: t.position, article_ids: JSON.stringify(t.articleIds), updated_at: new Date().toISOString() };
    return this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('topics')
        .values(values)
        .onConflict((oc) => oc.column('slug').doUpdateSet({ title: values.title, language: values.language, description: values.description, position: values.position, article_ids: values.article_ids, updated_at: values.updated_at }))
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(tx, ctx, { action: 'topic.put', detail: { slug: t.slug, articleIds: t.articleIds } });
      await bumpContentVersion(tx);
      return toTopic(row);
    });
  }

  async deleteTopic(slug: string, ctx: Actx): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const r = await tx.deleteFrom('topics').where('slug', '=', slug).executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw new DomainError('NOT_FOUND', `no topic ${slug}`);
      await appendAudit(tx, ctx, { action: 'topic.delete', detail: { slug } });
      await bumpContentVersion(tx);
    });
  }
}
