import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canReadArticle, canReadRevisions, canReadTrail, canReadSiteAudit, deskScope, hiddenAuditPrefixes, seesAddresses } from './access.ts';
import { WORKFLOW_STATUSES } from './workflow.ts';
import type { Actor, Role } from './roles.ts';

const person = (id: number, ...roles: Role[]): Actor => ({ id, login: `u${id}`, displayName: `U${id}`, roles });
const nobody = person(1);
const reporter = person(2, 'reporter');
const editor = person(3, 'editor');
const rights = person(4, 'rights_manager');
const admin = person(5, 'admin');
const chief = person(6, 'chief_editor');
const authors = [reporter.id, nobody.id, rights.id];

test('an account without roles reads nothing, not even what it once wrote', () => {
  for (const status of WORKFLOW_STATUSES) assert.equal(canReadArticle(nobody, { status }, authors), false, status);
  assert.deepEqual([canReadRevisions(nobody, authors), canReadTrail(nobody, authors), canReadSiteAudit(nobody), seesAddresses(nobody)], [false, false, false, false]);
  assert.equal(deskScope(nobody, { statuses: ['published'] }), 'none');
  assert.deepEqual(hiddenAuditPrefixes(nobody), ['claim.', 'tip.']);
});

test('reporters read their own articles and their history; reviewers read every article', () => {
  for (const status of WORKFLOW_STATUSES) {
    assert.equal(canReadArticle(reporter, { status }, authors), true);
    assert.equal(canReadArticle(person(7, 'reporter'), { status }, authors), false);
    assert.equal(canReadArticle(editor, { status }, []), true);
  }
  assert.deepEqual([canReadRevisions(reporter, authors), canReadRevisions(person(7, 'reporter'), authors), canReadRevisions(editor, [])], [true, false, true]);
  assert.deepEqual([deskScope(reporter, { statuses: ['published'] }), deskScope(editor, { statuses: ['draft'], ownOnly: true }), deskScope(editor, { statuses: ['submitted'] })], ['own', 'own', 'all']);
});

test('rights managers and admins read what is or was public, never drafts or revisions, even their own', () => {
  for (const a of [rights, admin]) {
    for (const status of WORKFLOW_STATUSES) assert.equal(canReadArticle(a, { status }, authors), ['published', 'scheduled', 'withdrawn'].includes(status), `${a.roles[0]} ${status}`);
    assert.equal(canReadRevisions(a, authors), false);
    assert.equal(deskScope(a, { statuses: ['published'] }), 'all');
    assert.equal(deskScope(a, { statuses: ['published'], reviewersOnly: true }), 'none');
    assert.equal(deskScope(a, { statuses: ['submitted'] }), 'none');
  }
  assert.deepEqual([canReadTrail(rights, authors), canReadTrail(admin, [])], [false, true]);
});

test('claims stay with the rights desk, tips with the newsroom, addresses with those who read the whole log', () => {
  assert.deepEqual(hiddenAuditPrefixes(rights), ['tip.']);
  assert.deepEqual(hiddenAuditPrefixes(admin), ['tip.']);
  assert.deepEqual(hiddenAuditPrefixes(chief), ['claim.']);
  assert.deepEqual(hiddenAuditPrefixes(reporter), ['claim.']);
  assert.deepEqual([seesAddresses(admin), seesAddresses(chief), seesAddresses(editor), seesAddresses(rights)], [true, true, false, false]);
});
