import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decide, correctionApproverRoles, type ReviewLevel, type WorkflowAction, type WorkflowState } from './workflow.ts';
import { DomainError } from './errors.ts';
import { REVIEW_LEVEL_ROLE, ROLES, WITHDRAW_ROLES, hasRole, type Actor } from './roles.ts';

/**
 * The workflow driven by random people doing random things, against a model of the article kept
 * apart from the state machine: which version of the text is live, who wrote any of it, on which
 * version each signature was given. Whatever happens, the four-eyes rules must hold.
 */

interface Content {
  version: number;
  /** What its channels need; null without a channel. */
  levels: ReviewLevel | null;
}

interface Model {
  wf: WorkflowState;
  live: Content;
  pending: { content: Content; author: number } | null;
  /** Everyone who wrote any of the live text. */
  writers: Set<number>;
  /** The live version each level was signed on. */
  signedOn: Map<ReviewLevel, number>;
  clock: number;
  versions: number;
}

const KINDS = ['submit', 'save', 'correct', 'approve', 'return', 'publish', 'unschedule', 'publish_due', 'withdraw', 'reopen'] as const;
type Kind = (typeof KINDS)[number];

interface Step {
  actor: number;
  kind: Kind;
  changed: boolean;
  levels: ReviewLevel | null;
  future: boolean;
  reason: string;
}

const levelArb = fc.constantFrom<ReviewLevel>(1, 2, 3);
const stepArb = fc.record<Step>({
  actor: fc.nat({ max: 9 }),
  // Weighted towards the steps that move an article on, so that runs get far enough to matter.
  kind: fc.oneof(
    { arbitrary: fc.constant<Kind>('approve'), weight: 5 },
    { arbitrary: fc.constantFrom<Kind>('submit', 'publish', 'save', 'correct'), weight: 6 },
    { arbitrary: fc.constantFrom<Kind>('return', 'unschedule', 'publish_due', 'withdraw', 'reopen'), weight: 2 },
  ),
  changed: fc.boolean(),
  levels: fc.option(levelArb, { nil: null, freq: 6 }),
  future: fc.boolean(),
  reason: fc.constantFrom('', '核实', '  '),
});
/** People with any mix of roles, the first of them the reporter who creates the article. */
const peopleArb = fc.array(fc.subarray([...ROLES]), { minLength: 2, maxLength: 6 }).map((sets): Actor[] =>
  sets.map((roles, i) => ({ id: i + 1, login: `p${i + 1}`, displayName: `P${i + 1}`, roles: i === 0 ? ['reporter'] : roles })),
);

const PUBLIC = new Set(['published', 'scheduled']);

function actionFor(m: Model, s: Step): { action: WorkflowAction; next: Content | null } | null {
  const fresh = (levels: ReviewLevel | null): Content => ({ version: m.versions + 1, levels });
  switch (s.kind) {
    case 'submit':
      // The service refuses to submit an article without a channel before asking the state machine.
      return m.live.levels ? { action: { type: 'submit', levels: m.live.levels }, next: null } : null;
    case 'save': {
      const next = s.changed ? fresh(s.levels) : m.live;
      return { action: { type: 'save', changed: s.changed, levels: next.levels }, next };
    }
    case 'correct':
      return { action: { type: 'correct', note: s.reason, levels: s.levels }, next: fresh(s.levels) };
    case 'publish':
      return { action: { type: 'publish', at: s.future ? new Date(m.clock + 3_600_000).toISOString() : null }, next: null };
    case 'publish_due':
      return { action: { type: 'publish_due' }, next: null };
    case 'return':
    case 'withdraw':
      return { action: { type: s.kind, reason: s.reason }, next: null };
    default:
      return { action: { type: s.kind }, next: null };
  }
}

function run(people: Actor[], steps: Step[]): { published: number; corrected: number; reset: number } {
  const seen = { published: 0, corrected: 0, reset: 0 };
  const creator = people[0]!;
  const m: Model = {
    wf: { status: 'draft', levels: 1, signatures: [], authorIds: [creator.id], publishAt: null, correction: null },
    live: { version: 1, levels: 2 },
    pending: null,
    writers: new Set([creator.id]),
    signedOn: new Map(),
    clock: Date.parse('2026-11-30T04:00:00Z'),
    versions: 1,
  };
  for (const s of steps) {
    const actor = people[s.actor % people.length]!;
    const planned = actionFor(m, s);
    if (!planned) continue;
    const { action, next } = planned;
    if (action.type === 'publish_due') m.clock += 2 * 3_600_000;
    const system = action.type === 'publish_due';
    const before = m.wf;
    const pendingBefore = m.pending;
    let r;
    try {
      r = decide(before, action, system ? null : actor, new Date(m.clock));
    } catch (e) {
      assert.ok(e instanceof DomainError, `not a domain error: ${String(e)}`);
      // Withdrawal is immediate for those who may do it.
      if (action.type === 'withdraw' && PUBLIC.has(before.status) && s.reason.trim() && hasRole(actor, ...WITHDRAW_ROLES)) {
        assert.fail(`withdraw refused: ${e.message}`);
      }
      continue;
    }

    switch (r.content) {
      case 'save':
        assert.ok(!PUBLIC.has(before.status), 'live text saved in place on a public article');
        assert.equal(action.type, 'save');
        if (next && next.version !== m.live.version) m.versions = next.version;
        m.live = next ?? m.live;
        m.writers.add(actor.id);
        break;
      case 'stage_correction':
        assert.equal(before.status, 'published');
        m.versions = next!.version;
        m.pending = { content: next!, author: actor.id };
        break;
      case 'apply_correction': {
        assert.ok(pendingBefore, 'a correction applied that nobody proposed');
        // A second person, who wrote none of it, senior enough for the old and the new channels.
        assert.notEqual(actor.id, pendingBefore.author);
        assert.ok(!m.writers.has(actor.id), 'an author approved a correction');
        const need = Math.max(m.live.levels ?? 1, pendingBefore.content.levels ?? 1) as ReviewLevel;
        assert.ok(hasRole(actor, ...correctionApproverRoles(need)), `approver ${actor.roles.join('+')} for ${need} levels`);
        m.live = pendingBefore.content;
        m.writers.add(pendingBefore.author);
        seen.corrected++;
        m.pending = null;
        break;
      }
      case 'discard_correction':
        m.pending = null;
        break;
      case 'none':
        if (action.type === 'save') assert.equal(s.changed, false, 'a change was dropped');
        break;
    }
    if (r.content === 'save' && before.signatures.length > 0) seen.reset++;
    if (r.signed) m.signedOn.set(r.signed.level, m.live.version);
    if (r.signatures.length === 0) m.signedOn.clear();
    m.wf = { status: r.status, levels: r.levels, signatures: r.signatures, publishAt: r.publishAt, authorIds: r.authorIds, correction: r.correction };

    // The state machine's idea of who wrote it is the model's.
    assert.deepEqual([...m.wf.authorIds].sort((a, b) => a - b), [...m.writers].sort((a, b) => a - b));
    // A correction waits only on a published article, and only one the model knows of.
    assert.equal(m.wf.correction !== null, m.pending !== null);
    if (m.pending) assert.equal(m.wf.status, 'published');
    // Signatures in review are for the text that is there now.
    if (['in_review', 'approved'].includes(m.wf.status)) {
      for (const sig of m.wf.signatures) assert.equal(m.signedOn.get(sig.level), m.live.version, `level ${sig.level} signed on an older text`);
    }
    // Becoming public: as many distinct signers as the live channels need, each with the level's role, none an author, all on this text.
    if (PUBLIC.has(m.wf.status) && !PUBLIC.has(before.status)) {
      const need = m.live.levels;
      assert.ok(need, 'public without a channel');
      seen.published++;
      const signers = new Set(m.wf.signatures.map((x) => x.userId));
      assert.ok(signers.size >= need, `${signers.size} signers for ${need} levels`);
      for (const sig of m.wf.signatures) {
        const signer = people.find((p) => p.id === sig.userId)!;
        assert.ok(hasRole(signer, REVIEW_LEVEL_ROLE[sig.level]), `level ${sig.level} signed without its role`);
        assert.ok(!m.writers.has(sig.userId), 'an author signed what is published');
        assert.equal(m.signedOn.get(sig.level), m.live.version, 'published on a signature for another text');
      }
    }
    // The live text of a public article changes only by an approved correction.
    if (PUBLIC.has(before.status) && PUBLIC.has(m.wf.status) && r.content !== 'apply_correction') {
      assert.ok(r.content !== 'save');
    }
  }
  return seen;
}

test('for any actions by anyone, nothing becomes public with fewer signers than its channels need, or signed by an author', () => {
  fc.assert(fc.property(peopleArb, fc.array(stepArb, { maxLength: 80 }), (people, steps) => void run(people, steps)), { numRuns: 3000 });
});

test('with one reviewer of each level besides the reporter, random work reaches the site and gets corrected, so the checks are not empty', () => {
  const people: Actor[] = [
    { id: 1, login: 'r', displayName: 'R', roles: ['reporter'] },
    { id: 2, login: 'e', displayName: 'E', roles: ['editor'] },
    { id: 3, login: 's', displayName: 'S', roles: ['responsible_editor'] },
    { id: 4, login: 'c', displayName: 'C', roles: ['chief_editor'] },
    { id: 5, login: 'c2', displayName: 'C2', roles: ['chief_editor', 'responsible_editor', 'editor'] },
  ];
  const seen = { published: 0, corrected: 0, reset: 0 };
  fc.assert(
    fc.property(fc.array(stepArb, { minLength: 20, maxLength: 80 }), (steps) => {
      const r = run(people, steps.map((s) => ({ ...s, reason: s.reason.trim() || '核实' })));
      for (const k of Object.keys(seen) as Array<keyof typeof seen>) seen[k] += r[k];
    }),
    { numRuns: 1500 },
  );
  assert.ok(seen.published > 0 && seen.corrected > 0 && seen.reset > 0, JSON.stringify(seen));
});
