import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decide, assertCanEdit, assertCanCorrect, assertCanWrite, nextLevel, type WorkflowState, type WorkflowStatus } from './workflow.ts';
import { DomainError, type ErrorCode } from './errors.ts';
import type { Actor, Role } from './roles.ts';

const now = new Date('2026-11-30T04:00:00Z');
const person = (id: number, ...roles: Role[]): Actor => ({ id, login: `u${id}`, displayName: `U${id}`, roles });
const reporter = person(1, 'reporter');
const editor = person(2, 'editor');
const responsible = person(3, 'responsible_editor');
const chief = person(4, 'chief_editor');
const rights = person(5, 'rights_manager');
const admin = person(6, 'admin');
const editorAndResponsible = person(7, 'editor', 'responsible_editor');

const state = (over: Partial<WorkflowState> = {}): WorkflowState => ({
  status: 'draft', levels: 2, signatures: [], authorIds: [reporter.id], publishAt: null, correction: null, ...over,
});

function refuses(code: ErrorCode, fn: () => unknown): void {
  assert.throws(fn, (e: unknown) => e instanceof DomainError && e.code === code);
}

describe('submit', () => {
  test('an author submits a draft or a returned article', () => {
    assert.equal(decide(state(), { type: 'submit' }, reporter, now).status, 'submitted');
    const again = decide(state({ status: 'returned', signatures: [{ level: 1, userId: 2 }] }), { type: 'submit' }, reporter, now);
    assert.equal(again.status, 'submitted');
    assert.deepEqual(again.signatures, []);
  });
  test('someone else cannot submit it', () => refuses('FORBIDDEN_ROLE', () => decide(state(), { type: 'submit' }, editor, now)));
  for (const s of ['submitted', 'in_review', 'approved', 'scheduled', 'published', 'withdrawn'] as WorkflowStatus[]) {
    test(`cannot submit from ${s}`, () => refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: s }), { type: 'submit' }, reporter, now)));
  }
});

describe('approve, level by level', () => {
  test('two levels: 初審 by an editor, then 復審 by a responsible editor', () => {
    const s1 = decide(state({ status: 'submitted' }), { type: 'approve' }, editor, now);
    assert.equal(s1.status, 'in_review');
    assert.deepEqual(s1.signed, { level: 1, userId: editor.id });
    const s2 = decide(state({ status: s1.status, signatures: s1.signatures }), { type: 'approve' }, responsible, now);
    assert.equal(s2.status, 'approved');
    assert.deepEqual(s2.signatures, [{ level: 1, userId: 2 }, { level: 2, userId: 3 }]);
  });
  test('one level: an editor approves outright', () => {
    assert.equal(decide(state({ status: 'submitted', levels: 1 }), { type: 'approve' }, editor, now).status, 'approved');
  });
  test('three levels: 終審 by the chief editor', () => {
    const s = state({ status: 'in_review', levels: 3, signatures: [{ level: 1, userId: 2 }, { level: 2, userId: 3 }] });
    assert.equal(nextLevel(s), 3);
    assert.equal(decide(s, { type: 'approve' }, chief, now).status, 'approved');
    refuses('FORBIDDEN_ROLE', () => decide(s, { type: 'approve' }, person(8, 'responsible_editor'), now));
  });
  test('the wrong role for the level is refused', () => {
    refuses('FORBIDDEN_ROLE', () => decide(state({ status: 'submitted' }), { type: 'approve' }, responsible, now));
    refuses('FORBIDDEN_ROLE', () => decide(state({ status: 'in_review', signatures: [{ level: 1, userId: 2 }] }), { type: 'approve' }, editor, now));
    for (const a of [reporter, rights, admin]) refuses('FORBIDDEN_ROLE', () => decide(state({ status: 'submitted' }), { type: 'approve' }, a, now));
  });
  test('four eyes: nobody approves their own writing', () => {
    const ownByEditor = state({ status: 'submitted', authorIds: [editor.id] });
    refuses('WORKFLOW_OWN_WORK', () => decide(ownByEditor, { type: 'approve' }, editor, now));
    const coAuthored = state({ status: 'in_review', signatures: [{ level: 1, userId: 2 }], authorIds: [1, responsible.id] });
    refuses('WORKFLOW_OWN_WORK', () => decide(coAuthored, { type: 'approve' }, responsible, now));
  });
  test('four eyes: nobody signs two levels of the same article', () => {
    const s = state({ status: 'in_review', signatures: [{ level: 1, userId: editorAndResponsible.id }] });
    refuses('WORKFLOW_ALREADY_SIGNED', () => decide(s, { type: 'approve' }, editorAndResponsible, now));
  });
  for (const s of ['draft', 'returned', 'approved', 'scheduled', 'published', 'withdrawn'] as WorkflowStatus[]) {
    test(`cannot approve from ${s}`, () => refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: s }), { type: 'approve' }, editor, now)));
  }
});

describe('return to the author', () => {
  for (const s of ['submitted', 'in_review', 'approved', 'scheduled'] as WorkflowStatus[]) {
    test(`from ${s}, with a reason, clearing signatures and schedule`, () => {
      const r = decide(state({ status: s, signatures: [{ level: 1, userId: 2 }], publishAt: '2026-12-01T00:00:00Z' }), { type: 'return', reason: ' 数据需要核实 ' }, responsible, now);
      assert.deepEqual([r.status, r.signatures, r.publishAt, r.reason], ['returned', [], null, '数据需要核实']);
    });
  }
  test('a reason is required', () => refuses('WORKFLOW_REASON_REQUIRED', () => decide(state({ status: 'submitted' }), { type: 'return', reason: '  ' }, editor, now)));
  test('reporters cannot return', () => refuses('FORBIDDEN_ROLE', () => decide(state({ status: 'submitted' }), { type: 'return', reason: 'x' }, person(9, 'reporter'), now)));
  for (const s of ['draft', 'returned', 'published', 'withdrawn'] as WorkflowStatus[]) {
    test(`cannot return from ${s}`, () => refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: s }), { type: 'return', reason: 'x' }, editor, now)));
  }
});

describe('publish, schedule, embargo', () => {
  const approved = state({ status: 'approved', signatures: [{ level: 1, userId: 2 }, { level: 2, userId: 3 }] });
  test('now', () => {
    const r = decide(approved, { type: 'publish' }, responsible, now);
    assert.deepEqual([r.status, r.publishAt], ['published', now.toISOString()]);
  });
  test('a past time publishes now', () => {
    assert.equal(decide(approved, { type: 'publish', at: '2020-01-01T00:00:00Z' }, editor, now).status, 'published');
  });
  test('a future time schedules', () => {
    const r = decide(approved, { type: 'publish', at: '2026-12-01T08:00:00+08:00' }, editor, now);
    assert.deepEqual([r.status, r.publishAt], ['scheduled', '2026-12-01T00:00:00.000Z']);
  });
  test('a bad time is refused', () => refuses('VALIDATION_FAILED', () => decide(approved, { type: 'publish', at: 'tomorrow' }, editor, now)));
  test('reporters cannot publish', () => refuses('FORBIDDEN_ROLE', () => decide(approved, { type: 'publish' }, reporter, now)));
  for (const s of ['draft', 'submitted', 'in_review', 'returned', 'scheduled', 'published', 'withdrawn'] as WorkflowStatus[]) {
    test(`cannot publish from ${s}`, () => refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: s }), { type: 'publish' }, editor, now)));
  }
  test('the scheduler publishes when due, not before', () => {
    const due = state({ status: 'scheduled', publishAt: '2026-11-30T03:59:59Z' });
    assert.equal(decide(due, { type: 'publish_due' }, null, now).status, 'published');
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: 'scheduled', publishAt: '2026-11-30T04:00:01Z' }), { type: 'publish_due' }, null, now));
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: 'approved' }), { type: 'publish_due' }, null, now));
  });
  test('people act as people: no actor, no step', () => refuses('AUTH_REQUIRED', () => decide(approved, { type: 'publish' }, null, now)));
  test('unschedule goes back to approved', () => {
    const r = decide(state({ status: 'scheduled', publishAt: '2026-12-01T00:00:00Z' }), { type: 'unschedule' }, editor, now);
    assert.deepEqual([r.status, r.publishAt], ['approved', null]);
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(approved, { type: 'unschedule' }, editor, now));
    refuses('FORBIDDEN_ROLE', () => decide(state({ status: 'scheduled' }), { type: 'unschedule' }, reporter, now));
  });
});

describe('withdraw and reopen', () => {
  for (const s of ['published', 'scheduled'] as WorkflowStatus[]) {
    for (const a of [responsible, chief, rights, admin]) {
      test(`${a.roles[0]} withdraws from ${s} with a reason`, () => {
        assert.equal(decide(state({ status: s }), { type: 'withdraw', reason: '版权投诉' }, a, now).status, 'withdrawn');
      });
    }
  }
  test('editors and reporters cannot withdraw', () => {
    for (const a of [editor, reporter]) refuses('FORBIDDEN_ROLE', () => decide(state({ status: 'published' }), { type: 'withdraw', reason: 'x' }, a, now));
  });
  test('a reason is required', () => refuses('WORKFLOW_REASON_REQUIRED', () => decide(state({ status: 'published' }), { type: 'withdraw', reason: '' }, chief, now)));
  for (const s of ['draft', 'submitted', 'in_review', 'returned', 'approved', 'withdrawn'] as WorkflowStatus[]) {
    test(`cannot withdraw from ${s}`, () => refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: s }), { type: 'withdraw', reason: 'x' }, chief, now)));
  }
  test('reopen a withdrawn article as a draft', () => {
    assert.equal(decide(state({ status: 'withdrawn' }), { type: 'reopen' }, editor, now).status, 'draft');
    refuses('FORBIDDEN_ROLE', () => decide(state({ status: 'withdrawn' }), { type: 'reopen' }, reporter, now));
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: 'published' }), { type: 'reopen' }, editor, now));
  });
});

describe('editing and correcting', () => {
  test('authors and reviewers edit drafts; others do not', () => {
    assertCanEdit(state(), reporter);
    assertCanEdit(state({ status: 'returned' }), editor);
    refuses('FORBIDDEN_ROLE', () => assertCanEdit(state(), person(9, 'reporter')));
    refuses('FORBIDDEN_ROLE', () => assertCanEdit(state(), rights));
  });
  test('in review only reviewers edit', () => {
    assertCanEdit(state({ status: 'in_review' }), responsible);
    refuses('ARTICLE_NOT_EDITABLE', () => assertCanEdit(state({ status: 'submitted' }), reporter));
  });
  test('published, scheduled and withdrawn articles are not edited in place', () => {
    for (const s of ['published', 'scheduled', 'withdrawn'] as WorkflowStatus[]) refuses('ARTICLE_NOT_EDITABLE', () => assertCanEdit(state({ status: s }), chief));
  });
  test('a correction needs a published article, a reviewer and a note', () => {
    assertCanCorrect(state({ status: 'published' }), responsible, '更正了地名');
    refuses('WORKFLOW_INVALID_TRANSITION', () => assertCanCorrect(state({ status: 'approved' }), responsible, 'x'));
    refuses('FORBIDDEN_ROLE', () => assertCanCorrect(state({ status: 'published' }), reporter, 'x'));
    refuses('WORKFLOW_REASON_REQUIRED', () => assertCanCorrect(state({ status: 'published' }), responsible, ' '));
  });
  test('reporters and editors write; rights managers and admins do not', () => {
    assertCanWrite(reporter);
    assertCanWrite(chief);
    refuses('FORBIDDEN_ROLE', () => assertCanWrite(rights));
    refuses('FORBIDDEN_ROLE', () => assertCanWrite(admin));
  });
});

describe('saving goes through the state machine', () => {
  const save = (changed: boolean, levels: 1 | 2 | 3 | null = 2) => ({ type: 'save' as const, changed, levels });
  const signedBoth = [{ level: 1 as const, userId: editor.id }, { level: 2 as const, userId: responsible.id }];

  test('a draft save is a revision by whoever saves; a draft keeps no signatures', () => {
    const r = decide(state(), save(false, null), reporter, now);
    assert.deepEqual([r.status, r.content, r.signatures, r.authorIds], ['draft', 'save', [], [reporter.id]]);
    const byEditor = decide(state({ status: 'returned' }), save(true, 3), editor, now);
    assert.deepEqual([byEditor.status, byEditor.content, byEditor.authorIds], ['returned', 'save', [reporter.id, editor.id]]);
  });
  for (const s of ['in_review', 'approved'] as WorkflowStatus[]) {
    test(`from ${s}, a change clears the signatures and goes back to 初審 at the levels the new channels need`, () => {
      const signatures = s === 'approved' ? signedBoth : signedBoth.slice(0, 1);
      const r = decide(state({ status: s, signatures }), save(true, 3), chief, now);
      assert.deepEqual([r.status, r.signatures, r.levels, r.content, r.authorIds], ['submitted', [], 3, 'save', [reporter.id, chief.id]]);
    });
  }
  test('submitted: a change recomputes the levels', () => {
    const r = decide(state({ status: 'submitted', levels: 1 }), save(true, 3), editor, now);
    assert.deepEqual([r.status, r.levels, r.content], ['submitted', 3, 'save']);
  });
  test('in review, a save that changes nothing keeps the signatures and writes nothing', () => {
    const r = decide(state({ status: 'approved', signatures: signedBoth }), save(false), chief, now);
    assert.deepEqual([r.status, r.signatures, r.content, r.authorIds], ['approved', signedBoth, 'none', [reporter.id]]);
  });
  test('an article in review keeps a channel', () => refuses('VALIDATION_FAILED', () => decide(state({ status: 'in_review' }), save(true, null), editor, now)));
  test('the editor who approved, then changed it, cannot approve it again nor publish it', () => {
    const approved = decide(state({ status: 'submitted', levels: 1 }), { type: 'approve' }, editor, now);
    assert.equal(approved.status, 'approved');
    const changed = decide(state({ ...approved, status: approved.status }), save(true, 3), editor, now);
    assert.deepEqual([changed.status, changed.levels, changed.signatures], ['submitted', 3, []]);
    const after = state({ ...changed });
    refuses('WORKFLOW_OWN_WORK', () => decide(after, { type: 'approve' }, editor, now));
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(after, { type: 'publish' }, editor, now));
  });
  test('publishing checks the signatures, not only the status', () => {
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: 'approved', levels: 2, signatures: signedBoth.slice(0, 1) }), { type: 'publish' }, chief, now));
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: 'approved', levels: 2, signatures: signedBoth, authorIds: [reporter.id, editor.id] }), { type: 'publish' }, chief, now));
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: 'approved', levels: 2, signatures: [{ level: 1, userId: 7 }, { level: 2, userId: 7 }] }), { type: 'publish' }, chief, now));
  });
  test('published, scheduled and withdrawn articles are not saved', () => {
    for (const s of ['published', 'scheduled', 'withdrawn'] as WorkflowStatus[]) refuses('ARTICLE_NOT_EDITABLE', () => decide(state({ status: s }), save(true), chief, now));
  });
  test('an author without a writing role neither saves nor submits', () => {
    const noRoles = person(9);
    const own = state({ authorIds: [noRoles.id] });
    refuses('FORBIDDEN_ROLE', () => decide(own, save(true), noRoles, now));
    refuses('FORBIDDEN_ROLE', () => decide(own, { type: 'submit' }, noRoles, now));
  });
  test('submit takes the levels the channels need now', () => {
    assert.equal(decide(state({ status: 'returned', levels: 1 }), { type: 'submit', levels: 3 }, reporter, now).levels, 3);
  });
});

describe('corrections wait for a second person', () => {
  const published = state({ status: 'published', levels: 2, signatures: [{ level: 1, userId: editor.id }, { level: 2, userId: responsible.id }], publishAt: '2026-11-29T00:00:00.000Z' });
  const correct = (levels: 1 | 2 | 3 = 2) => ({ type: 'correct' as const, note: ' 更正地名 ', levels });
  const otherChief = person(10, 'chief_editor');
  const otherResponsible = person(11, 'responsible_editor');

  test('a correction waits apart; readers keep the published version', () => {
    const r = decide(published, correct(), editor, now);
    assert.deepEqual([r.status, r.content, r.correction, r.note, r.signatures, r.publishAt], ['published', 'stage_correction', { authorId: editor.id, levels: 2 }, '更正地名', published.signatures, published.publishAt]);
  });
  test('the corrector cannot approve it', () => {
    const pending = state({ ...published, correction: { authorId: responsible.id, levels: 2 } });
    refuses('WORKFLOW_OWN_WORK', () => decide(pending, { type: 'approve' }, responsible, now));
  });
  test('nobody who wrote the article approves its correction', () => {
    const both = person(12, 'reporter', 'responsible_editor');
    const pending = state({ ...published, authorIds: [both.id], correction: { authorId: chief.id, levels: 2 } });
    refuses('WORKFLOW_OWN_WORK', () => decide(pending, { type: 'approve' }, both, now));
  });
  test('the approver holds the role of the top level the old or new channels need', () => {
    const toThree = state({ ...published, correction: { authorId: editor.id, levels: 3 } });
    refuses('FORBIDDEN_ROLE', () => decide(toThree, { type: 'approve' }, otherResponsible, now));
    assert.equal(decide(toThree, { type: 'approve' }, otherChief, now).content, 'apply_correction');
    const twoLevels = state({ ...published, correction: { authorId: editor.id, levels: 1 } });
    refuses('FORBIDDEN_ROLE', () => decide(twoLevels, { type: 'approve' }, person(13, 'editor'), now));
    assert.equal(decide(twoLevels, { type: 'approve' }, otherResponsible, now).content, 'apply_correction');
  });
  test('approved by another, it is applied: its author becomes an author, the levels follow its channels', () => {
    const pending = state({ ...published, correction: { authorId: editor.id, levels: 3 } });
    const r = decide(pending, { type: 'approve' }, otherChief, now);
    assert.deepEqual([r.status, r.content, r.correction, r.levels, r.authorIds, r.publishAt], ['published', 'apply_correction', null, 3, [reporter.id, editor.id], published.publishAt]);
  });
  test('the same corrector may replace their own; someone else\'s must be decided first', () => {
    const pending = state({ ...published, correction: { authorId: editor.id, levels: 2 } });
    assert.deepEqual(decide(pending, correct(3), editor, now).correction, { authorId: editor.id, levels: 3 });
    refuses('WORKFLOW_INVALID_TRANSITION', () => decide(pending, correct(), responsible, now));
  });
  test('return drops it with a reason; the article stays published', () => {
    const pending = state({ ...published, correction: { authorId: editor.id, levels: 2 } });
    const r = decide(pending, { type: 'return', reason: '来源不可靠' }, responsible, now);
    assert.deepEqual([r.status, r.content, r.correction, r.reason, r.signatures], ['published', 'discard_correction', null, '来源不可靠', published.signatures]);
    refuses('FORBIDDEN_ROLE', () => decide(pending, { type: 'return', reason: 'x' }, reporter, now));
    refuses('WORKFLOW_REASON_REQUIRED', () => decide(pending, { type: 'return', reason: ' ' }, responsible, now));
  });
  test('withdraw stays immediate and drops a waiting correction; reopen starts from a draft', () => {
    const pending = state({ ...published, correction: { authorId: editor.id, levels: 2 } });
    const w = decide(pending, { type: 'withdraw', reason: '版权投诉' }, rights, now);
    assert.deepEqual([w.status, w.content, w.correction], ['withdrawn', 'discard_correction', null]);
    const r = decide(state({ ...w }), { type: 'reopen' }, editor, now);
    assert.deepEqual([r.status, r.signatures, r.correction, r.publishAt], ['draft', [], null, null]);
  });
  test('unschedule and publish do not touch the text', () => {
    const scheduled = state({ ...published, status: 'scheduled', publishAt: '2026-12-01T00:00:00.000Z' });
    assert.equal(decide(scheduled, { type: 'unschedule' }, editor, now).content, 'none');
    assert.equal(decide(state({ ...published, status: 'approved' }), { type: 'publish' }, editor, now).content, 'none');
    assert.equal(decide(scheduled, { type: 'publish_due' }, null, new Date('2026-12-02T00:00:00Z')).content, 'none');
  });
  test('only a published article is corrected', () => {
    for (const s of ['draft', 'submitted', 'in_review', 'returned', 'approved', 'scheduled', 'withdrawn'] as WorkflowStatus[]) {
      refuses('WORKFLOW_INVALID_TRANSITION', () => decide(state({ status: s }), correct(), editor, now));
    }
    refuses('FORBIDDEN_ROLE', () => decide(published, correct(), reporter, now));
    refuses('FORBIDDEN_ROLE', () => decide(published, correct(), rights, now));
    refuses('VALIDATION_FAILED', () => decide(published, { type: 'correct', note: 'x', levels: null }, editor, now));
  });
});
