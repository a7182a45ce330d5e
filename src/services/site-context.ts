import type { Store } from '../store/ports.ts';
import type { Channel } from '../domain/channel.ts';
import type { SiteSettings } from '../domain/site-settings.ts';
import type { RightsClass } from '../domain/article.ts';
import type { NinjsContext } from '../domain/ninjs/from-ninjs.ts';
import type { NinjsExportContext } from '../domain/ninjs/to-ninjs.ts';
import { convertText } from '../text/convert.ts';
import { DomainError } from '../domain/errors.ts';
import type { Script } from '../domain/variant.ts';

/** Names of rights classes as the newsroom and ninjs genres show them (Traditional; converted on display). */
export const RIGHTS_LABELS: Record<RightsClass, string> = {
  original: '原創',
  exclusive: '專稿',
  reprint: '轉載',
  'licensed-in': '授權稿',
};

/** Simplified or Traditional, judged by whether converting to Simplified changes the text. */
export function detectScript(text: string): Script | null {
  const han = text.match(/\p{Script=Han}/gu);
  if (!han || han.length < 2) return null;
  const sample = han.join('').slice(0, 2000);
  return convertText(sample, 'zh-Hant', 'zh-Hans') === sample ? 'zh-Hans' : 'zh-Hant';
}

export async function requireSettings(store: Store): Promise<SiteSettings> {
  const s = await store.settings.get();
  if (!s) throw new DomainError('NOT_FOUND', 'the site has no settings yet: start it once (npm start) to create them');
  return s;
}

function namesIn(text: string, script: Script): string[] {
  const other: Script = script === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
  return [...new Set([text, convertText(text, script, other)])];
}

export function ninjsImportContext(settings: SiteSettings, channels: Channel[]): NinjsContext {
  const byName = new Map<string, string>();
  for (const c of channels) for (const n of namesIn(c.name, c.language)) byName.set(n, c.slug);
  return {
    timeZone: settings.timeZone,
    channelForName: (name) => byName.get(name) ?? null,
    ownSources: namesIn(settings.siteName, settings.language),
    detectScript,
  };
}

export function ninjsExportContext(settings: SiteSettings, channels: Channel[]): NinjsExportContext {
  const bySlug = new Map(channels.map((c) => [c.slug, c.name]));
  return {
    timeZone: settings.timeZone,
    siteName: settings.siteName,
    channelName: (slug) => bySlug.get(slug) ?? slug,
    rightsLabel: (rc) => RIGHTS_LABELS[rc],
  };
}
