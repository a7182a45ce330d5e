import { z } from 'zod';

/**
 * A link someone outside the newsroom gives us (claim evidence and the like) is shown to editors
 * as something to click, so only a plain web address is kept: http or https, a host, no user name
 * or password in it (`https://bank.example@evil.example` reads as the bank). Returns the address
 * as the URL parser writes it, or null.
 */
export function webLink(raw: string): string | null {
  const text = raw.trim();
  // The parser would also read `http:evil.example` or drop control characters; a typed address has neither.
  if (!/^https?:\/\//i.test(text) || /[\p{Cc}\s]/u.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return null;
  return url.href;
}

/** The same, where input enters: a Zod string that becomes the parsed address, or the message why not. */
export const webLinkSchema = z
  .string()
  .trim()
  .max(500)
  .transform((value, ctx) => {
    const href = webLink(value);
    if (href === null) {
      ctx.addIssue({ code: 'custom', message: 'a link must be a web address starting with http:// or https://' });
      return z.NEVER;
    }
    return href;
  });
