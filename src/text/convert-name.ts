import { convertText, type Script, type Target, type Term } from './convert.ts';

/**
 * The script to convert a name from. A person's or an outlet's name is written as its owner
 * writes it, which need not be the script of the article it signs (a Traditional display name
 * on a Simplified article): converting it as the article's text would leave 杜文傑 on a
 * Simplified page. A name that only one direction changes is in the other script; one that
 * both change mixes the two (`记者 杜文傑`), and converting it towards the target from the
 * other side takes both halves there; one that neither changes reads the same in both.
 */
export function nameScript(name: string, fallback: Script, target: Target): Script {
  const toHans = convertText(name, 'zh-Hant', 'zh-Hans');
  const toHant = convertText(name, 'zh-Hans', 'zh-Hant');
  const isHans = toHans === name;
  const isHant = toHant === name;
  if (isHans && !isHant) return 'zh-Hans';
  if (isHant && !isHans) return 'zh-Hant';
  if (!isHans && !isHant) return target === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
  return fallback;
}

/** A name in the target script, converted from the script it is written in (see nameScript). */
export function convertName(name: string, fallback: Script, target: Target, terms: readonly Term[] = []): string {
  return convertText(name, nameScript(name, fallback, target), target, terms);
}

/**
 * Every form a name may be registered in, for finding it from a query in any one of them:
 * as given, Simplified, Traditional (Taiwan) and Hong Kong. Going through Simplified first
 * takes a Hong Kong query to the Taiwan form and back (綫 and 線 both to 线).
 */
export function nameForms(name: string): string[] {
  const hans = convertText(name, 'zh-Hant', 'zh-Hans');
  return [...new Set([name, hans, convertText(hans, 'zh-Hans', 'zh-Hant'), convertText(hans, 'zh-Hans', 'zh-HK')])];
}
