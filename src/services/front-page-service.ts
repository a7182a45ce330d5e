import { z } from 'zod';
import type { Store } from '../store/ports.ts';
import type { Actor } from '../domain/roles.ts';
import { DomainError } from '../domain/errors.ts';
import { SCRIPTS } from '../domain/variant.ts';

export const slotsSchema = z.object({
  headlineId: z.number().int().min(1).nullable(),
  recommendedIds: z.array(z.number().int().min(1)).max(12),
});

export const topicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/),
  title: z.string().trim().min(1).max(60),
  language: z.enum(SCRIPTS),
  description: z.string().trim().max(500).nullish().transform((v) => v || null),
  position: z.number().int().min(0).default(0),
  articleIds: z.array(z.number().int().min(1)).max(200),
});

/** The front page the editors make: 頭條, 推薦 and 專題. Slots may hold articles not yet public; readers see them when they are. */
export function createFrontPageService(store: Store) {
  const ctx = (actor: Actor, ip: string | null) => ({ actorId: actor.id, actorLogin: actor.login, ip });
  async function checkIds(ids: number[]) {
    for (const id of ids) if (!(await store.articles.byId(id))) throw new DomainError('VALIDATION_FAILED', `no article ${id}`, 'articleIds');
  }
  return {
    async get() {
      return { slots: await store.frontPage.slots(), topics: await store.frontPage.topics() };
    },
    async setSlots(actor: Actor, slots: z.output<typeof slotsSchema>, ip: string | null = null) {
      await checkIds([...(slots.headlineId ? [slots.headlineId] : []), ...slots.recommendedIds]);
      await store.frontPage.setSlots({ headlineId: slots.headlineId, recommendedIds: [...new Set(slots.recommendedIds)] }, ctx(actor, ip));
      return store.frontPage.slots();
    },
    async putTopic(actor: Actor, topic: z.output<typeof topicSchema>, ip: string | null = null) {
      await checkIds(topic.articleIds);
      return store.frontPage.putTopic({ ...topic, articleIds: [...new Set(topic.articleIds)] }, ctx(actor, ip));
    },
    deleteTopic: (actor: Actor, slug: string, ip: string | null = null) => store.frontPage.deleteTopic(slug, ctx(actor, ip)),
  };
}

export type FrontPageService = ReturnType<typeof createFrontPageService>;
