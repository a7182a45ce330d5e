import { variantOfScript, type Script, type Variant } from '../domain/variant.ts';

/**
 * The script a reader's browser asks for: zh-HK and zh-MO mean Hong Kong's standard, zh-TW and
 * zh-Hant Taiwan's, zh-CN/SG/Hans and bare zh Simplified. Highest q wins; anything else falls
 * back to the site's default.
 */
export function variantFromAcceptLanguage(header: string | undefined, fallback: Script): Variant {
  const byDefault = variantOfScript(fallback);
  if (!header) return byDefault;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.tag.startsWith('zh') && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const tag = ranked[0]?.tag;
  if (!tag) return byDefault;
  if (/^zh-(hk|mo)\b|^zh-hant-(hk|mo)\b/.test(tag)) return 'zh-hk';
  if (/^zh-(hant|tw)\b/.test(tag)) return 'zh-hant';
  return 'zh-hans';
}
