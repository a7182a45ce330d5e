import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementScopeSchema, agreementState, scopeRefusal, representationFor, claimWindow } from './rights.ts';

const scope = agreementScopeSchema.parse({ channels: ['yanbian'], rights: ['reprint'], uses: ['reprint'], attribution: '來源:黑土網', validFrom: '2026-11-01T00:00:00Z' });

test('a region and reprint-only agreement covers only reprints in that region, published while it runs', () => {
  const a = { channels: ['yanbian'], rightsClass: 'reprint' as const, publishedAt: '2026-11-20T00:00:00Z' };
  assert.equal(scopeRefusal(scope, a), null);
  assert.equal(scopeRefusal(scope, { ...a, rightsClass: 'exclusive' }), 'rights-class');
  assert.equal(scopeRefusal(scope, { ...a, rightsClass: 'original' }), 'rights-class');
  assert.equal(scopeRefusal(scope, { ...a, channels: ['changchun'] }), 'channel');
  assert.equal(scopeRefusal(scope, { ...a, publishedAt: '2026-10-01T00:00:00Z' }), 'archive');
  assert.equal(scopeRefusal({ ...scope, uses: ['reprint', 'archive'] }, { ...a, publishedAt: '2020-01-01T00:00:00Z' }), null);
  assert.equal(scopeRefusal({ ...scope, channels: [] }, { ...a, channels: ['changchun'] }), null);
});

test('states of an agreement', () => {
  const now = new Date('2026-11-30T00:00:00Z');
  assert.equal(agreementState({ revokedAt: null, validFrom: null, validUntil: null }, now), 'active');
  assert.equal(agreementState({ revokedAt: '2026-11-29T00:00:00Z', validFrom: null, validUntil: null }, now), 'revoked');
  assert.equal(agreementState({ revokedAt: null, validFrom: null, validUntil: '2026-11-29T00:00:00Z' }, now), 'expired');
  assert.equal(agreementState({ revokedAt: null, validFrom: '2026-12-01T00:00:00Z', validUntil: null }, now), 'not-yet-valid');
});

test('excerpt-only licensees get a partial representation; uses need reprint or excerpt', () => {
  assert.equal(representationFor({ uses: ['excerpt'] }), 'partial');
  assert.equal(representationFor({ uses: ['reprint', 'archive'] }), 'full');
  assert.equal(agreementScopeSchema.safeParse({ rights: ['original'], uses: ['archive'], attribution: 'x' }).success, false);
});

test('the claims window: 30 days from publication; day 31 is flagged', () => {
  const published = '2026-10-01T02:00:00Z';
  assert.equal(claimWindow(published, new Date('2026-10-31T02:00:00Z'), 30).withinWindow, true);
  const late = claimWindow(published, new Date('2026-11-01T02:00:00Z'), 30);
  assert.deepEqual([late.withinWindow, late.days, late.deadline], [false, 31, '2026-10-31T02:00:00.000Z']);
});

import { claimTransition } from './rights.ts';

test('claims move from new to a decision, and decided claims stay decided', () => {
  assert.equal(claimTransition('new', 'assign'), 'assigned');
  assert.equal(claimTransition('assigned', 'request-info'), 'info-requested');
  assert.equal(claimTransition('info-requested', 'take-down'), 'taken-down');
  for (const done of ['rejected', 'corrected', 'taken-down'] as const) assert.equal(claimTransition(done, 'assign'), null);
});

import fc from 'fast-check';
import { coversPicture } from './rights.ts';
import { PHOTO_RIGHTS } from './media.ts';

test('pictures: only our own unless the agreement names more; stored agreements without the field load with that default', () => {
  assert.deepEqual(scope.pictures, ['own']);
  const own = { rightsClass: 'own' as const, takenDownAt: null };
  const agency = { rightsClass: 'agency' as const, takenDownAt: null };
  assert.equal(coversPicture(scope, own), true);
  assert.equal(coversPicture(scope, agency), false);
  assert.equal(coversPicture({ pictures: ['own', 'agency'] }, agency), true);
  assert.equal(coversPicture({ pictures: ['own', 'agency'] }, { ...agency, takenDownAt: '2026-11-30T00:00:00Z' }), false, 'a taken-down picture goes to no one');
  assert.equal(agreementScopeSchema.safeParse({ rights: ['original'], uses: ['reprint'], attribution: 'x', pictures: ['everything'] }).success, false);
});

test('an item whose class is not in the scope is never delivered, whatever the scope and the item', () => {
  const cls = fc.constantFrom(...PHOTO_RIGHTS);
  fc.assert(
    fc.property(fc.uniqueArray(cls, { maxLength: PHOTO_RIGHTS.length }), cls, fc.option(fc.constant('2026-11-30T00:00:00Z'), { nil: null }), (pictures, rightsClass, takenDownAt) => {
      const delivered = coversPicture({ pictures }, { rightsClass, takenDownAt });
      if (!pictures.includes(rightsClass) || takenDownAt) assert.equal(delivered, false);
      else assert.equal(delivered, true);
    }),
  );
});
