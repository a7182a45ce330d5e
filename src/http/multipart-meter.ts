/**
 * Measures the parts of a multipart/form-data body while it streams, without parsing it: the
 * parts are what lies between delimiters (`CRLF--boundary`), and one found across two chunks is
 * found too. A part over `maxPartBytes`, or more parts than `maxParts`, is reported as soon as
 * the chunk that shows it arrives, so a 300 MB file is refused after about `maxPartBytes`.
 */
export type MeterVerdict = 'ok' | 'part-too-large' | 'too-many-parts';

export function multipartMeter(boundary: string, maxPartBytes: number, maxParts: number): (chunk: Uint8Array) => MeterVerdict {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body starts with `--boundary`: a CRLF in front makes the first delimiter like the others.
  let carry: Buffer = Buffer.from('\r\n');
  /** Offset in the whole body (counting the CRLF put in front) of carry[0]. */
  let carryAt = 0;
  /** Where the current part began (the end of the last delimiter); -1 before the first. */
  let partStart = -1;
  let parts = 0;
  return (chunk) => {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    for (let i = buf.indexOf(delimiter, from); i !== -1; i = buf.indexOf(delimiter, from)) {
      const at = carryAt + i;
      if (partStart >= 0 && at - partStart > maxPartBytes) return 'part-too-large';
      if (++parts > maxParts + 1) return 'too-many-parts'; // the closing delimiter starts no part
      partStart = at + delimiter.length;
      from = i + delimiter.length;
    }
    const end = carryAt + buf.length;
    if (partStart >= 0 && end - partStart > maxPartBytes) return 'part-too-large';
    // Keep what could be the start of a delimiter cut by the chunk's end, but nothing already matched.
    const keep = Math.max(from, buf.length - (delimiter.length - 1));
    carry = Buffer.from(buf.subarray(keep));
    carryAt += keep;
    return 'ok';
  };
}

/** The boundary of a multipart/form-data content type, or null. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2])! : null;
}
