import { sanitizeBody } from '../text/sanitize.ts';
import { HtmlLimitError } from '../text/html-limits.ts';
import { DomainError } from './errors.ts';

/**
 * An article body as stored: sanitised, or refused with a domain error when it is over what the
 * sanitiser takes (HTML_TOO_LARGE, HTML_TOO_DEEP), so every caller answers it the same way.
 */
export function cleanBody(html: string): string {
  try {
    return sanitizeBody(html);
  } catch (e) {
    if (e instanceof HtmlLimitError) throw new DomainError(e.code, e.message, e.property);
    throw e;
  }
}
