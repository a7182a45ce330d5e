import { convertText } from './convert.ts';

/**
 * Whether `other` writes the same characters as `hans`, each in some script's form: 刘征宇 and
 * 劉征宇 do, 长春 and 謠言 do not. The site's dictionary exists to choose between forms of the
 * same words; anything else would let one person rewrite every published page without review.
 */
export function sameCharacters(hans: string, other: string): boolean {
  const a = [...hans];
  const b = [...other];
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const t = b[i]!;
    return s === t
      || convertText(t, 'zh-Hant', 'zh-Hans') === s
      || convertText(s, 'zh-Hans', 'zh-Hant') === t
      || convertText(s, 'zh-Hans', 'zh-HK') === t;
  });
}
