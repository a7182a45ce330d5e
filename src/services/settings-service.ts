import { z } from 'zod';
import type { Actx, Store } from '../store/ports.ts';
import { siteSettingsSchema, type SiteSettings } from '../domain/site-settings.ts';
import { requireSettings } from './site-context.ts';
import { DomainError } from '../domain/errors.ts';

/** What an admin may change of the site's settings; the rest (language, feeds …) stays as it is. */
export const EDITABLE_SETTINGS = [
  'siteName', 'tagline', 'hotline', 'email', 'operator', 'marketingAgent', 'creditLine', 'reprintDisclaimer',
  'statementTitle', 'copyrightClauses', 'claimWindowDays', 'defaultScript', 'timeZone', 'feedFullText',
] as const satisfies ReadonlyArray<keyof SiteSettings>;

/** Changed through the API only: the newsroom's settings form has no control for them. */
export const API_SETTINGS = ['iconMediaId'] as const satisfies ReadonlyArray<keyof SiteSettings>;
const PATCHABLE = [...EDITABLE_SETTINGS, ...API_SETTINGS] as const;

type Editable = (typeof PATCHABLE)[number];
type Shape = typeof siteSettingsSchema.shape;
type WithoutDefault<T> = T extends z.ZodDefault<infer I> ? I : T;

// Without the fields' defaults: a field left out of a change stays as it is, it is not reset.
export const settingsPatchSchema = z.strictObject(
  Object.fromEntries(PATCHABLE.map((k) => {
    const f = siteSettingsSchema.shape[k];
    return [k, (f instanceof z.ZodDefault ? f.unwrap() : f).optional()];
  })) as { [K in Editable]: z.ZodOptional<WithoutDefault<Shape[K]>> },
);

/** The site's settings for admins: read, and changed with an audit entry naming what changed. */
export function createSettingsService(store: Store) {
  return {
    get: (): Promise<SiteSettings> => requireSettings(store),

    async update(ctx: Actx, patch: Partial<SiteSettings>): Promise<SiteSettings> {
      // Parsed too, so defaults a stored row lacks do not count as changes.
      const before = siteSettingsSchema.parse(await requireSettings(store));
      const next = siteSettingsSchema.parse({ ...before, ...patch });
      // A setting left out and one set to nothing are the same.
      const changed = PATCHABLE.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(next[k] ?? null));
      if (changed.includes('iconMediaId') && typeof next.iconMediaId === 'number') {
        const picture = await store.media.byId(next.iconMediaId);
        if (!picture || picture.takenDownAt) throw new DomainError('VALIDATION_FAILED', `iconMediaId: the media library has no picture ${next.iconMediaId} that may be shown`, 'iconMediaId');
      }
      if (changed.length === 0) return before;
      // Writing the settings bumps the content version, so every instance drops its cached pages.
      await store.settings.put(next);
      await store.audit.append(ctx, {
        action: 'settings.update',
        detail: { fields: changed, from: Object.fromEntries(changed.map((k) => [k, before[k]])), to: Object.fromEntries(changed.map((k) => [k, next[k]])) },
      });
      return next;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
