import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './content-api-service.ts';

test('a NUL in the content API cursor is no cursor (it gave a 500 on PostgreSQL)', () => {
  assert.equal(decodeCursor(Buffer.from('2020-01-01\u0000|0').toString('base64url')), null);
  assert.equal(decodeCursor(Buffer.from('2020-01-01T00:00:00.000Z\u0000|1').toString('base64url')), null);
  assert.equal(decodeCursor(Buffer.from('2020-01-01T00:00:00.000Z|1\u0000').toString('base64url')), null);
  fc.assert(
    fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: 0, max: 2 ** 40 }), (d, id) => {
      const c = { at: d.toISOString(), id };
      assert.deepEqual(decodeCursor(encodeCursor(c)), c);
    }),
  );
  fc.assert(fc.property(fc.string(), (s) => {
    const c = decodeCursor(s);
    if (c) assert.ok(!/[\u0000-\u001f]/.test(c.at) && Number.isSafeInteger(c.id));
  }));
});
