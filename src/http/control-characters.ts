import { DomainError } from '../domain/errors.ts';

/**
 * Control characters in request input: C0, DEL and C1. PostgreSQL cannot store NUL in text at
 * all (the request failed with a 500), and none of them belongs in a login, a name or an
 * article. Tab, LF and CR are text where text is written (form fields, JSON strings); never in
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

/** Throws for the first string (value or key) of a parsed JSON document that holds one. */
export function checkJsonStrings(document: unknown, base = 'body'): void {
  // Iterative, so a deeply nested document cannot overflow the stack.
  const pending: Array<[unknown, string]> = [[document, base]];
  while (pending.length) {
    const [value, where] = pending.pop()!;
    if (typeof value === 'string') {
      const e = controlCharacterError(value, where, true);
      if (e) throw e;
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => pending.push([v, `${where}.${i}`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const e = controlCharacterError(k, `${where} (a key)`, false);
        if (e) throw e;
        pending.push([v, where === base ? k : `${where}.${k}`]);
      }
    }
  }
}

/**
 * Decodes a path or a part of a query the one way, or throws: a malformed escape (`%zz`, a
 * lone `%`, bytes that are not UTF-8) is refused rather than checked raw, because the router
 * still decodes the escapes around it, and a control character among them would reach a route.
 */
function decodeStrictly(raw: string, where: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new DomainError('VALIDATION_FAILED', `${where} holds a malformed percent-escape (a % not followed by two hex digits, or escaped bytes that are not UTF-8)`, where);
  }
}

/** Throws for a malformed escape, or a control character in the path (decoded) or in a name or value of the query, except values of `exempt` parameters. */
export function checkUrl(url: URL, exempt: (name: string) => boolean = () => false): void {
  const e = controlCharacterError(decodeStrictly(url.pathname, 'the path'), 'the path', false);
  if (e) throw e;
  if (url.search.length < 2) return;
  for (const pair of url.search.slice(1).split('&')) {
    const eq = pair.indexOf('=');
    const name = decodeStrictly((eq < 0 ? pair : pair.slice(0, eq)).replaceAll('+', ' '), 'a query parameter name');
    const bad = controlCharacterError(name, 'a query parameter name', false);
    if (bad) throw bad;
    if (eq < 0 || exempt(name)) continue;
    const value = decodeStrictly(pair.slice(eq + 1).replaceAll('+', ' '), `query ${name}`);
    const e = controlCharacterError(value, `query ${name}`, true);
    if (e) throw e;
  }
}
