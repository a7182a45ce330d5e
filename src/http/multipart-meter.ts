import { DomainError } from '../domain/errors.ts';

/**
 * Measures the parts of a multipart/form-data body while it streams, without parsing it: the
 * parts are what lies between delimiters (`CRLF--boundary`), and one found across two chunks is
 * found too. A part over `maxPartBytes`, or more parts than `maxParts`, is reported as soon as
 * the chunk that shows it arrives, so a 300 MB file is refused after about `maxPartBytes`.
 */
export type MeterVerdict = 'ok' | 'part-too-large' | 'headers-too-large' | 'too-many-parts';

/**
 * `maxHeaderBytes` bounds a part's header lines (up to the blank line that ends them): a parser
 * holds them whole, so megabytes of them stalled the server although the part was in its limit.
 */
export function multipartMeter(boundary: string, maxPartBytes: number, maxParts: number, maxHeaderBytes = maxPartBytes): (chunk: Uint8Array) => MeterVerdict {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const headerEnd = Buffer.from('\r\n\r\n');
  // The body starts with `--boundary`: a CRLF in front makes the first delimiter like the others.
  let carry: Buffer = Buffer.from('\r\n');
  /** Offset in the whole body (counting the CRLF put in front) of carry[0]. */
  let carryAt = 0;
  /** Where the current part began (the end of the last delimiter); -1 before the first. */
  let partStart = -1;
  /** Whether the blank line after the current part's header lines has been seen. */
  let headersDone = true;
  let parts = 0;
  return (chunk) => {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    /** Whether the current part's header lines, as far as `end` (an index in buf), are within their limit. */
    const headersFit = (end: number): boolean => {
      if (headersDone || partStart < 0) return true;
      // Only up to `end`: a blank line past the next delimiter belongs to another part. The
      // search starts over the carry, which holds any blank line cut by the last chunk's end.
      const i = buf.subarray(0, end).indexOf(headerEnd, Math.max(partStart - carryAt, 0));
      if (i !== -1) headersDone = true;
      return (i !== -1 ? carryAt + i : carryAt + end) - partStart <= maxHeaderBytes;
    };
    let from = 0;
    for (let i = buf.indexOf(delimiter, from); i !== -1; i = buf.indexOf(delimiter, from)) {
      const at = carryAt + i;
      if (partStart >= 0 && at - partStart > maxPartBytes) return 'part-too-large';
      if (!headersFit(i)) return 'headers-too-large';
      if (++parts > maxParts + 1) return 'too-many-parts'; // the closing delimiter starts no part
      partStart = at + delimiter.length;
      headersDone = false;
      from = i + delimiter.length;
    }
    const end = carryAt + buf.length;
    if (partStart >= 0 && end - partStart > maxPartBytes) return 'part-too-large';
    if (!headersFit(buf.length)) return 'headers-too-large';
    // Keep what could be the start of a delimiter cut by the chunk's end, but nothing already matched.
    const keep = Math.max(from, buf.length - (delimiter.length - 1));
    carry = Buffer.from(buf.subarray(keep));
    carryAt += keep;
    return 'ok';
  };
}

/** A token of RFC 9110: a parameter's name, or its value unquoted. */
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
/** One parameter: `; name=token` or `; name="text"`, without escapes (a backslash is refused). */
const PARAMETER = new RegExp(`[\\t ]*;[\\t ]*(${TOKEN})=(?:"([^"\\\\]*)"|(${TOKEN}))[\\t ]*`, 'y');
/** RFC 2046: 1 to 70 of these, not ending in a space. */
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

const malformed = (why: string) => new DomainError('VALIDATION_FAILED', `the Content-Type of this form is not accepted: ${why}`, 'content-type');

/**
 * The boundary of a multipart/form-data content type, or null for another type. Read strictly,
 * so that the meter and the platform's form parser cannot read two different boundaries (a
 * second boundary parameter, or one hidden in another's quoted value, let the meter watch for
 * a boundary that never came while the parser split thousands of parts): exactly one boundary,
 * of RFC 2046 characters, quoted or not; no parameter twice; nothing else. Throws for a
 * multipart/form-data type that is not so (400).
 */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const semi = contentType.indexOf(';');
  const essence = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  if (essence !== 'multipart/form-data') return null;
  if (semi < 0) throw malformed('it names no boundary');
  const seen = new Map<string, string>();
  PARAMETER.lastIndex = semi;
  while (PARAMETER.lastIndex < contentType.length) {
    const at = PARAMETER.lastIndex;
    const m = PARAMETER.exec(contentType);
    if (!m) throw malformed(`it cannot be read from "${contentType.slice(at, at + 40)}" on (parameters are ; name=value, a quoted value without backslashes)`);
    const name = m[1]!.toLowerCase();
    if (seen.has(name)) throw malformed(`the parameter ${name} is given twice`);
    seen.set(name, m[2] ?? m[3]!);
  }
  const boundary = seen.get('boundary');
  if (boundary === undefined) throw malformed('it names no boundary');
  if (!BOUNDARY.test(boundary)) throw malformed('the boundary is 1 to 70 letters, digits and \'()+_,-./:=? or spaces, not ending in a space');
  return boundary;
}
