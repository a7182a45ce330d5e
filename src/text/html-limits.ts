import { Parser } from 'htmlparser2';

/**
 * The largest article body the sanitiser takes. sanitize-html's time grows with the number of
 * parse events (tags, attributes, text runs) and much faster than linearly with nesting depth
 * (`<p>` and 100,000 unclosed `<b>` take seconds), so a body is measured before it is handed
 * over. Within these limits the worst body found by `npm run bench -- sanitize` stays well under
 * the 50 ms a request may hold the event loop; real articles are far inside them.
 */
export const HTML_LIMITS = {
  /**
   * UTF-16 code units: about 95,000 Chinese characters of prose, five times a long government
   * report. Past this, writing the search index (one synchronous FTS5 insert) alone holds the
   * event loop for more than the budget (`npm run bench -- render`, longestAcceptedBody).
   */
  length: 100_000,
  /** Open elements at once, as the parser sees them (implied closes included). */
  depth: 200,
  /** Tags opened and closed, attributes, text runs and comments, as the parser reports them. */
  events: 10_000,
  /**
   * `<` characters. The parser reports no event for an end tag that closes nothing, yet looks for
   * it among all open elements: 100,000 stray `</i>` under 200 open tags cost as much as the rest.
   */
  tags: 10_000,
  /** One element with thousands of attributes costs far more per attribute than many small ones. */
  attributesPerElement: 32,
  /**
   * Characters in one attribute value, entities decoded. sanitize-html strips comments out of a
   * link's address one at a time, rebuilding the string each time: 28,000 `&lt;!----&gt;` in
   * one href took 18 s. No real link or caption needs more.
   */
  attributeLength: 2048,
} as const;

export type HtmlLimits = { [K in keyof typeof HTML_LIMITS]: number };

const SLICE = 8192;

/**
 * Why a body was refused. The text layer knows no domain errors; the article model turns this
 * into one (domain/article-body.ts), with the same code.
 */
export class HtmlLimitError extends Error {
  constructor(readonly code: 'HTML_TOO_LARGE' | 'HTML_TOO_DEEP', message: string, readonly property: string) {
    super(message);
  }
}

/** Thrown out of the parser's callbacks: it is the way to stop htmlparser2 early. */
class Refused extends Error {
  constructor(readonly error: HtmlLimitError) {
    super(error.message);
  }
}

/**
 * Refuses HTML over the limits with a typed error, in one pass of the same parser sanitize-html
 * uses (so depth is counted with the same implied closes). It stops at the first event over a
 * limit, so refusing a pathological body costs little more than reading up to that point.
 */
export function checkHtmlLimits(html: string, property = 'bodyHtml', limits: HtmlLimits = HTML_LIMITS): void {
  if (html.length > limits.length) {
    throw new HtmlLimitError('HTML_TOO_LARGE', `the HTML is ${html.length} characters long; at most ${limits.length} are accepted`, property);
  }
  let tags = 0;
  let depth = 0;
  let events = 0;
  let attributes = 0;
  const count = () => {
    if (++events > limits.events) {
      throw new Refused(new HtmlLimitError('HTML_TOO_LARGE', `the HTML has more than ${limits.events} tags, attributes and text runs; split it into several articles`, property));
    }
  };
  const parser = new Parser(
    {
      onopentagname() {
        count();
        attributes = 0;
        if (++depth > limits.depth) {
          throw new Refused(new HtmlLimitError('HTML_TOO_DEEP', `the HTML nests elements more than ${limits.depth} levels deep (unclosed tags count as open)`, property));
        }
      },
      onattribute(_name, value) {
        count();
        if (++attributes > limits.attributesPerElement) {
          throw new Refused(new HtmlLimitError('HTML_TOO_LARGE', `an element has more than ${limits.attributesPerElement} attributes`, property));
        }
        if (value.length > limits.attributeLength) {
          throw new Refused(new HtmlLimitError('HTML_TOO_LARGE', `an attribute (a link address, a caption) is longer than ${limits.attributeLength} characters`, property));
        }
      },
      onclosetag() {
        count();
        depth--;
      },
      ontext: count,
      oncomment: count,
    },
    // sanitize-html's own parser settings: entities decoded, so each is a text run there too.
    { decodeEntities: true },
  );
  try {
    // In slices, so that whichever limit the body passes first is the one reported, and early.
    for (let at = 0; at < html.length; at += SLICE) {
      const slice = html.slice(at, at + SLICE);
      for (let i = slice.indexOf('<'); i !== -1; i = slice.indexOf('<', i + 1)) {
        if (++tags > limits.tags) throw new Refused(new HtmlLimitError('HTML_TOO_LARGE', `the HTML has more than ${limits.tags} tags; split it into several articles`, property));
      }
      parser.write(slice);
    }
    parser.end();
  } catch (e) {
    if (e instanceof Refused) throw e.error;
    throw e;
  }
}
