import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { multipartBoundary, multipartMeter, type MeterVerdict } from './multipart-meter.ts';

const B = 'X-HEITU-BOUNDARY';
function form(parts: Array<{ name: string; bytes: number }>): Buffer {
  const chunks = parts.map((p) => Buffer.concat([Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n`), Buffer.alloc(p.bytes, 0x61), Buffer.from('\r\n')]));
  return Buffer.concat([...chunks, Buffer.from(`--${B}--\r\n`)]);
}

/** Feeds the body in pieces of the given sizes; the first verdict that is not ok. */
function meter(body: Buffer, sizes: number[], maxPart: number, maxParts: number): MeterVerdict {
  const feed = multipartMeter(B, maxPart, maxParts);
  let at = 0;
  for (let i = 0; at < body.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length] ?? body.length);
    const verdict = feed(body.subarray(at, at + n));
    if (verdict !== 'ok') return verdict;
    at += n;
  }
  return 'ok';
}

test('parts within the limits pass however the body is cut; a part or a count over them is found', () => {
  const headers = 60; // the part's own header lines, about
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
      (sizes, cuts) => {
        const body = form(sizes.map((bytes, i) => ({ name: `f${i}`, bytes })));
        const largest = Math.max(...sizes);
        assert.equal(meter(body, cuts, largest + headers + 10, sizes.length), 'ok');
        if (largest > 0) assert.equal(meter(body, cuts, largest - 1, sizes.length), 'part-too-large');
        if (sizes.length > 1) assert.equal(meter(body, cuts, largest + headers + 10, sizes.length - 1), 'too-many-parts');
      },
    ),
  );
});

test('a part too large is found before the body ends', () => {
  const feed = multipartMeter(B, 1000, 5);
  assert.equal(feed(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n`)), 'ok');
  assert.equal(feed(Buffer.alloc(600)), 'ok');
  assert.equal(feed(Buffer.alloc(600)), 'part-too-large');
});

test('the boundary is read from the content type, quoted or not', () => {
  assert.equal(multipartBoundary('multipart/form-data; boundary=----abc123'), '----abc123');
  assert.equal(multipartBoundary('multipart/form-data; charset=utf-8; boundary="a b"'), 'a b');
  assert.equal(multipartBoundary('application/json'), null);
  assert.throws(() => multipartBoundary('multipart/form-data'), /names no boundary/);
});

test('The part meter can be bypassed by a crafted boundary', () => {
  // Read as the platform's parser reads it: a quoted value hides nothing.
  assert.equal(multipartBoundary('multipart/form-data; x="; boundary=AAA"; boundary=BBB'), 'BBB');
  for (const type of [
    'multipart/form-data; boundary="A\\"B"',
    'multipart/form-data; boundary=AAA; boundary=BBB',
    'multipart/form-data; BOUNDARY=AAA; boundary=AAA',
    'multipart/form-data; boundary =AAA',
    'multipart/form-data; boundary=A!B',
    'multipart/form-data; boundary="A "',
    `multipart/form-data; boundary=${'a'.repeat(71)}`,
    'multipart/form-data; boundary=AAA junk',
    'multipart/form-data; charset',
  ]) assert.throws(() => multipartBoundary(type), /not accepted/, type);

  // Header lines of a part are bounded, however they are cut.
  const feed = multipartMeter(B, 100_000, 5, 1000);
  assert.equal(feed(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n`)), 'ok');
  assert.equal(feed(Buffer.from('X-Filler: ' + 'x'.repeat(500) + '\r\n')), 'ok');
  assert.equal(feed(Buffer.from('X-Filler: ' + 'x'.repeat(500) + '\r\n')), 'headers-too-large');
  const fine = multipartMeter(B, 100_000, 5, 1000);
  assert.equal(fine(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"\r`)), 'ok');
  assert.equal(fine(Buffer.from(`\n\r\n${'x'.repeat(5000)}`)), 'ok');
  assert.equal(fine(Buffer.from(`\r\n--${B}\r\nContent-Disposition: form-data; name="b"\r\n\r\nx\r\n--${B}--\r\n`)), 'ok');
});
