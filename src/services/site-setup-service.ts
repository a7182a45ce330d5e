import type { Actx, Store } from '../store/ports.ts';
import type { Channel } from '../domain/channel.ts';
import { channelInputSchema } from '../domain/channel.ts';
import type { SiteSettings } from '../domain/site-settings.ts';
import { DomainError } from '../domain/errors.ts';
import { createUserAdminService } from './user-admin-service.ts';
import { defaultSettings } from './default-settings.ts';
import { createSettingsService } from './settings-service.ts';
import { detectScript, requireSettings } from './site-context.ts';

/** Topic channels sort after the regions, as on the demo's front page. */
const TOPIC_BASE = 100;

/** Making a site usable without the demo from the command line: its name, the first admin, its channels. */
export function createSiteSetupService(store: Store, now: () => Date = () => new Date()) {
  const users = createUserAdminService(store, now);
  const settings = createSettingsService(store);

  return {
    adminExists: users.adminExists,

    /** Without a password, one is generated and returned this once. */
    createFirstAdmin: (input: { login: string; displayName: string; password?: string | undefined }) => users.createFirstAdmin(input, 'cli'),

    /**
     * Renames the site. The credit line and the statement's title follow the name while they
     * still read as the defaults do; once someone wrote their own, they are left alone.
     */
    async rename(siteName: string, ctx: Actx): Promise<SiteSettings> {
      const before = await requireSettings(store);
      return settings.update(ctx, {
        siteName,
        ...(before.creditLine === defaultSettings.creditLine ? { creditLine: `來源:${siteName}` } : {}),
        ...(before.statementTitle === defaultSettings.statementTitle ? { statementTitle: `${siteName}${defaultSettings.statementTitle}` } : {}),
      });
    },

    /**
     * A new channel, placed after the others of its kind unless a position is given, and shown in
     * the navigation unless `navVisible` is false; its name is taken to be in the script it is written in.
     */
    async addChannel(input: { slug: string; name: string; reviewLevels: number; region: boolean; position?: number; navVisible?: boolean }, ctx: Actx): Promise<Channel> {
      if (await store.channels.bySlug(input.slug)) throw new DomainError('VALIDATION_FAILED', `slug: a channel with slug ${input.slug} exists already`, 'slug');
      const settings = await requireSettings(store);
      const kind = input.region ? 'region' : 'topic';
      const same = (await store.channels.list()).filter((c) => c.kind === kind);
      const base = kind === 'region' ? 1 : TOPIC_BASE;
      const position = input.position ?? (same.length ? Math.max(base - 1, ...same.map((c) => c.position)) + 1 : base);
      const parsed = channelInputSchema.parse({
        slug: input.slug,
        name: input.name,
        language: detectScript(input.name) ?? settings.language,
        kind,
        parentSlug: null,
        position,
        reviewLevels: input.reviewLevels,
        navVisible: input.navVisible ?? true,
      });
      const channel = await store.channels.upsert(parsed);
      await store.audit.append(ctx, { action: 'channel.create', detail: { slug: channel.slug, name: channel.name, kind, reviewLevels: channel.reviewLevels, position: channel.position, navVisible: channel.navVisible } });
      return channel;
    },

    /** Moves a channel in the navigation's order, or shows or hides it there. */
    async placeChannel(slug: string, change: { position?: number; navVisible?: boolean }, ctx: Actx): Promise<Channel> {
      const before = await store.channels.bySlug(slug);
      if (!before) throw new DomainError('NOT_FOUND', `no channel with slug ${slug}`, 'slug');
      const parsed = channelInputSchema.parse({ ...before, ...change });
      if (parsed.position === before.position && parsed.navVisible === before.navVisible) return before;
      const channel = await store.channels.upsert(parsed);
      await store.audit.append(ctx, {
        action: 'channel.place',
        detail: { slug, from: { position: before.position, navVisible: before.navVisible }, to: { position: channel.position, navVisible: channel.navVisible } },
      });
      return channel;
    },
  };
}

export type SiteSetupService = ReturnType<typeof createSiteSetupService>;
