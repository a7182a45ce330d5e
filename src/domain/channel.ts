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
});
export type ChannelInput = z.output<typeof channelInputSchema>;

export interface Channel extends ChannelInput {
  id: number;
}
