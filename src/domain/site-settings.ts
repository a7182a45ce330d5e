import { z } from 'zod';
import { SCRIPTS } from './variant.ts';
import { isValidTimeZone } from './time.ts';

/**
 * Site-wide settings an admin edits. Text is written in `language` and converted for each
 * reader's script like everything else.
 */
export const siteSettingsSchema = z.object({
  language: z.enum(SCRIPTS),
  siteName: z.string().trim().min(1).max(60),
  tagline: z.string().trim().max(200).default(''),
  operator: z.string().trim().min(1).max(200),
  /** The operator's exclusive marketing agent for content sales, if any. */
  marketingAgent: z.string().trim().max(200).default(''),
  /** Feeds carry the full text (true) or the summary only. */
  feedFullText: z.boolean().default(true),
  /** Rights claims are to be made within this many days of publication. */
  claimWindowDays: z.number().int().min(1).max(365).default(30),
  hotline: z.string().trim().max(60),
  email: z.string().trim().email(),
  timeZone: z.string().refine(isValidTimeZone, 'not an IANA time zone'),
  defaultScript: z.enum(SCRIPTS),
  /** Credit line that original and exclusive pieces carry, e.g. `來源:黑土網`. */
  creditLine: z.string().trim().max(100),
  statementTitle: z.string().trim().min(1).max(200),
  /** The copyright and content-sales statement, one entry per numbered clause. */
  copyrightClauses: z.array(z.string().trim().min(1).max(2000)).min(1).max(20),
  /** Shown under every reprint: it does not represent the site's views. */
  reprintDisclaimer: z.string().trim().min(1).max(500),
  /**
   * A picture of the media library made into the favicon and the apple-touch icon (its square crop);
   * left out or null, the site's own mark. Optional rather than defaulted, so settings written before it keep their shape.
   */
  iconMediaId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().optional(),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
