import { DomainError } from './errors.ts';

/**
 * Control characters in input (requests, imports): C0, DEL and C1. PostgreSQL cannot store
 * NUL in text at all (the request failed with a 500), and none of them belongs in a login, a
 * name or an article. Tab, LF and CR are text where text is written (form fields, JSON strings); never in
 * a path, a name of a field, or a key.
 *
 * Refused with them, under the same code: noncharacters (U+FDD0–U+FDEF, and the last two code
 * points of every plane, U+FFFE and U+FFFF among them) and halves of surrogate pairs, which are
 * not text either; XML 1.0 forbids U+FFFE, U+FFFF and surrogates, so one in a headline broke
 * every feed that carried it. With the u flag, a surrogate range matches only unpaired halves.
 */
const NONCHARACTERS = '\\ufdd0-\\ufdef\\ufffe\\uffff' + Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}fffe}\\u{${(i + 1).toString(16)}ffff}`).join('');
const NOT_TEXT = `\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ud800-\\udfff${NONCHARACTERS}`;
const ANY = new RegExp(`[\\t\\n\\r${NOT_TEXT}]`, 'u');
const EXCEPT_WHITESPACE = new RegExp(`[${NOT_TEXT}]`, 'u');

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0xa0) return `the control character ${codePoint(ch)}`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `${codePoint(ch)}, half of a surrogate pair without its other half`;
  return `the noncharacter ${codePoint(ch)}`;
}

/** The refusal for `where`, or null when `text` is clean. */
export function controlCharacterError(text: string, where: string, whitespaceAllowed: boolean): DomainError | null {
  const found = (whitespaceAllowed ? EXCEPT_WHITESPACE : ANY).exec(text);
  if (!found) return null;
  return new DomainError('INPUT_CONTROL_CHARACTER', `${where} contains ${describe(found[0])}, which is not accepted; remove it and send again`, where);
}

/** Whether a code point is refused wherever text is written (tab, LF and CR are not). */
export function notText(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}
