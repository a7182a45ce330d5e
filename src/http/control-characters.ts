import { DomainError } from '../domain/errors.ts';
import { controlCharacterError, notText } from '../domain/input-text.ts';

export { controlCharacterError } from '../domain/input-text.ts';

/** Four hex digits at `at`, or a space (harmless here) when they are not: such JSON is refused by its parser. */
function hex4(text: string, at: number): number {
  let n = 0;
  for (let k = at; k < at + 4; k++) {
    const d = parseInt(text[k] ?? '', 16);
    if (Number.isNaN(d)) return 0x20;
    n = n * 16 + d;
  }
  return n;
}

function refusal(cp: number, where: string): DomainError {
  return controlCharacterError(String.fromCodePoint(cp), where, false)!;
}

/**
 * The first refused character of a JSON text (or any text a route may parse as JSON), in one
 * pass without parsing it: literally anywhere, or escaped in a string (`\\u0000`, `\\b`, an
 * unpaired `\\ud800`); tab, LF and CR in a string but never in a key. Parsing and walking the
 * document cost about a second of CPU per megabyte of `[[[…]]]` from anyone, and the guard
 * reads every body. Refusals name the nearest key before the character.
 */
export function checkJsonText(text: string): DomainError | null {
  let key: string | null = null;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c !== 0x22) {
      if (c >= 0x20 && c < 0x7f) continue;
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (notText(cp)) return refusal(cp, 'the request body');
      continue;
    }
    const start = i;
    let bad = -1;
    let space = -1;
    for (i++; i < text.length; i++) {
      c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c >= 0x20 && c < 0x7f && c !== 0x5c) continue;
      let cp: number;
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          cp = hex4(text, i + 2);
          i += 5;
          // A pair of escapes is one character outside the first plane; either half alone is refused.
          if (cp >= 0xd800 && cp <= 0xdbff && text.charCodeAt(i + 1) === 0x5c && text.charCodeAt(i + 2) === 0x75) {
            const low = hex4(text, i + 3);
            if (low >= 0xdc00 && low <= 0xdfff) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
              i += 6;
            }
          }
        } else {
          i++;
          cp = e === 0x6e ? 0x0a : e === 0x72 ? 0x0d : e === 0x74 ? 0x09 : e === 0x62 ? 0x08 : e === 0x66 ? 0x0c : 0x20;
        }
      } else {
        cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
      }
      if (bad < 0 && notText(cp)) bad = cp;
      else if (space < 0 && (cp === 0x09 || cp === 0x0a || cp === 0x0d)) space = cp;
    }
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09 || text.charCodeAt(j) === 0x0a || text.charCodeAt(j) === 0x0d)) j++;
    const isKey = text.charCodeAt(j) === 0x3a;
    if (bad >= 0) return refusal(bad, isKey ? 'body (a key)' : (key ?? 'body'));
    if (!isKey) continue;
    if (space >= 0) return refusal(space, 'body (a key)');
    try {
      key = JSON.parse(text.slice(start, i + 1)) as string;
    } catch {
      key = null;
    }
  }
  return null;
}

/** The value of an ASCII hex digit, or -1. */
function hexDigit(b: number): number {
  return b >= 0x30 && b <= 0x39 ? b - 0x30 : b >= 0x41 && b <= 0x46 ? b - 0x37 : b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;
}

/** Percent-decodes bytes as a form parser does (`+` is a space); malformed escapes stay as they are. */
function percentDecode(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const high = b === 0x25 ? hexDigit(bytes[i + 1] ?? 0) : -1;
    const low = high >= 0 ? hexDigit(bytes[i + 2] ?? 0) : -1;
    if (low >= 0) {
      out[n++] = high * 16 + low;
      i += 2;
    } else out[n++] = b === 0x2b ? 0x20 : b;
  }
  return new TextDecoder().decode(out.subarray(0, n));
}

/** A name of a urlencoded field with a tab, LF or CR in it, literal or escaped. */
const WHITESPACE_IN_NAME = /(?:^|&)[^=&]*?(?:[\t\n\r]|%0[9aAdD])/;

/**
 * The first refused character of an application/x-www-form-urlencoded body, its names and
 * values decoded, without splitting it into fields: `&` and `=` are single bytes, never part
 * of an escaped character, so the whole body decoded holds exactly the characters of its fields.
 */
export function checkFormText(text: string): DomainError | null {
  const e = controlCharacterError(text.includes('%') ? percentDecode(text) : text, 'a form field', true);
  if (e) return e;
  const m = WHITESPACE_IN_NAME.exec(text);
  return m ? new DomainError('INPUT_CONTROL_CHARACTER', 'a form field name contains a tab or a line break, which is not accepted; remove it and send again', 'a form field name') : null;
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
