import { z } from 'zod';
import { SCRIPTS } from './variant.ts';

export const CHANNEL_KINDS = ['region', 'topic'] as const;

export const channelInputSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/),
  name: z.string().trim().min(1).max(40),
  language: z.enum(SCRIPTS),
  kind: z.enum(CHANNEL_KINDS),
  parentSlug: z.string().nullish().transform((v) => v ?? null),
  position: z.number().int().min(0).default(0),
  /** 三審: how many review levels an article in this channel needs (1 to 3). */
  reviewLevels: z.number().int().min(1).max(3).default(2),
  /** Whether the site's navigation links it; a hidden channel keeps its page, feed and articles. */
  navVisible: z.boolean().default(true),
});

/**
 * What is written for a channel. `navVisible` may be left out: a new channel is shown in the
 * navigation, and a rename by slug keeps whatever was chosen for it before.
 */
export type ChannelInput = Omit<z.output<typeof channelInputSchema>, 'navVisible'> & { navVisible?: boolean };

export interface Channel extends z.output<typeof channelInputSchema> {
  id: number;
}

const KIND_ORDER: Record<Channel['kind'], number> = { region: 0, topic: 1 };

/**
 * The channels the site's navigation links, in its order: regions first (the seed page's row),
 * then topic channels, each by position (then by id, the order they were made); hidden ones left out.
 */
export function navChannels<C extends Pick<Channel, 'id' | 'kind' | 'position' | 'navVisible'>>(channels: readonly C[]): C[] {
  return channels
    .filter((c) => c.navVisible)
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.position - b.position || a.id - b.id);
}
