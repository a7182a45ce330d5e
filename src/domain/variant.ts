/**
 * The script variants a reader can choose. The URL segment is lower-case (as in `/zh-hant/…`);
 * the language tag is the BCP 47 form used in HTML `lang`, hreflang and ninjs.
 */
export const VARIANTS = ['zh-hans', 'zh-hant'] as const;
export type Variant = (typeof VARIANTS)[number];

/** The scripts article text can be stored in. */
export const SCRIPTS = ['zh-Hans', 'zh-Hant'] as const;
export type Script = (typeof SCRIPTS)[number];

export function isVariant(s: string): s is Variant {
  return (VARIANTS as readonly string[]).includes(s);
}

export function variantOfScript(script: Script): Variant {
  return script === 'zh-Hans' ? 'zh-hans' : 'zh-hant';
}

export function scriptOfVariant(variant: Variant): Script {
  return variant === 'zh-hans' ? 'zh-Hans' : 'zh-Hant';
}

/** Maps a BCP 47 tag from outside (ninjs, Accept-Language) to a stored script, or null if not Chinese. */
export function scriptOfLanguageTag(tag: string): Script | null {
  const t = tag.trim().toLowerCase();
  if (t === 'zh-hant' || t.startsWith('zh-hant-') || t === 'zh-tw' || t === 'zh-hk' || t === 'zh-mo') return 'zh-Hant';
  if (t === 'zh' || t === 'zh-hans' || t.startsWith('zh-hans-') || t === 'zh-cn' || t === 'zh-sg') return 'zh-Hans';
  return null;
}
