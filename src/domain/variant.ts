import { SCRIPTS, type Script, type Target } from '../text/scripts.ts';

export { SCRIPTS, type Script, type Target };

/**
 * The script variants a reader can choose. The URL segment is lower-case (as in `/zh-hant/…`);
 * the language tag is the BCP 47 form used in HTML `lang` and hreflang.
 */
export const VARIANTS = ['zh-hans', 'zh-hant', 'zh-hk'] as const;
export type Variant = (typeof VARIANTS)[number];

const TARGET: Record<Variant, Target> = { 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant', 'zh-hk': 'zh-HK' };

export function isVariant(s: string): s is Variant {
  return (VARIANTS as readonly string[]).includes(s);
}

export function variantOfScript(script: Script): Variant {
  return script === 'zh-Hans' ? 'zh-hans' : 'zh-hant';
}

/** The conversion target of a variant; its value is also the variant's language tag. */
export function targetOfVariant(variant: Variant): Target {
  return TARGET[variant];
}

/** Maps a BCP 47 tag from outside (ninjs, Accept-Language) to a stored script, or null if not Chinese. */
export function scriptOfLanguageTag(tag: string): Script | null {
  const t = tag.trim().toLowerCase();
  if (t === 'zh-hant' || t.startsWith('zh-hant-') || t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo') return 'zh-Hant';
  if (t === 'zh' || t === 'zh-hans' || t.startsWith('zh-hans-') || t === 'zh-cn' || t === 'zh-sg') return 'zh-Hans';
  return null;
}
