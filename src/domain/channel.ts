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
});
export type ChannelInput = z.output<typeof channelInputSchema>;

export interface Channel extends ChannelInput {
  id: number;
}
