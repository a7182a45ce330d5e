import { DomainError } from './errors.ts';
import { REVIEW_LEVEL_ROLE, REVIEW_LEVEL_NAMES, hasRole, isReviewer, type Actor } from './roles.ts';

/**
 * The 三審 workflow as a state machine. It knows nothing of storage or HTTP: it takes the
 * article's workflow state, an action and who asks, and returns the next state or throws a
 * DomainError with a stable code.
 *
 *   draft ─submit→ submitted ─初審→ in_review ─復審→ … ─last level→ approved ─publish→ published
 *                                                                             └publish at→ scheduled ─due→ published
 *   submitted / in_review / approved / scheduled ─return (reason)→ returned ─submit→ submitted
 *   scheduled ─unschedule→ approved;  published / scheduled ─withdraw (reason)→ withdrawn ─reopen→ draft
 */
export const WORKFLOW_STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export type ReviewLevel = 1 | 2 | 3;

export interface Signature {
  level: ReviewLevel;
  userId: number;
}

export interface WorkflowState {
  status: WorkflowStatus;
  /** Levels this article needs (from its primary channel), 1 to 3. */
  levels: ReviewLevel;
  /** Levels signed in the current round, in order. */
  signatures: Signature[];
  /** Everyone who wrote it: its creator and whoever saved a revision. */
  authorIds: number[];
  publishAt: string | null;
}

export type WorkflowAction =
  | { type: 'submit' }
  | { type: 'approve' }
  | { type: 'return'; reason: string }
  | { type: 'publish'; at?: string | null }
  | { type: 'unschedule' }
  | { type: 'publish_due' }
  | { type: 'withdraw'; reason: string }
  | { type: 'reopen' };

export interface TransitionResult {
  status: WorkflowStatus;
  signatures: Signature[];
  publishAt: string | null;
  /** The level the actor signed, for approve. */
  signed?: Signature;
  reason?: string;
}

/** Who may do what outside review levels. */
const WITHDRAW_ROLES = ['responsible_editor', 'chief_editor', 'rights_manager', 'admin'] as const;

function invalid(state: WorkflowState, action: WorkflowAction['type']): never {
  throw new DomainError('WORKFLOW_INVALID_TRANSITION', `cannot ${action} an article that is ${state.status}`, 'status');
}

function needReviewer(actor: Actor, action: string): void {
  if (!isReviewer(actor)) throw new DomainError('FORBIDDEN_ROLE', `only editors, responsible editors and chief editors may ${action}`);
}

function needReason(reason: string): string {
  const r = reason.trim();
  if (!r) throw new DomainError('WORKFLOW_REASON_REQUIRED', 'a reason is required', 'reason');
  return r;
}

/** The next review level, or null when all are signed. */
export function nextLevel(state: Pick<WorkflowState, 'levels' | 'signatures'>): ReviewLevel | null {
  const n = state.signatures.length + 1;
  return n <= state.levels ? (n as ReviewLevel) : null;
}

/** `actor` is null for the system (the scheduler). */
export function decide(state: WorkflowState, action: WorkflowAction, actor: Actor | null, now: Date): TransitionResult {
  const keep = { signatures: state.signatures, publishAt: state.publishAt };
  if (action.type === 'publish_due') {
    if (state.status !== 'scheduled') invalid(state, action.type);
    if (!state.publishAt || Date.parse(state.publishAt) > now.getTime()) {
      throw new DomainError('WORKFLOW_INVALID_TRANSITION', 'the scheduled time has not come', 'publishAt');
    }
    return { ...keep, status: 'published' };
  }
  if (!actor) throw new DomainError('AUTH_REQUIRED', 'a person must take this step');

  switch (action.type) {
    case 'submit': {
      if (state.status !== 'draft' && state.status !== 'returned') invalid(state, action.type);
      if (!state.authorIds.includes(actor.id)) throw new DomainError('FORBIDDEN_ROLE', 'only an author of the article may submit it');
      return { status: 'submitted', signatures: [], publishAt: state.publishAt };
    }
    case 'approve': {
      if (state.status !== 'submitted' && state.status !== 'in_review') invalid(state, action.type);
      const level = nextLevel(state);
      if (!level) invalid(state, action.type);
      const role = REVIEW_LEVEL_ROLE[level];
      if (!hasRole(actor, role)) {
        throw new DomainError('FORBIDDEN_ROLE', `${REVIEW_LEVEL_NAMES[level]} (level ${level}) needs the role ${role}`);
      }
      if (state.authorIds.includes(actor.id)) {
        throw new DomainError('WORKFLOW_OWN_WORK', 'nobody approves their own writing');
      }
      if (state.signatures.some((s) => s.userId === actor.id)) {
        throw new DomainError('WORKFLOW_ALREADY_SIGNED', 'nobody signs two levels of the same article');
      }
      const signed: Signature = { level, userId: actor.id };
      const signatures = [...state.signatures, signed];
      return { status: level === state.levels ? 'approved' : 'in_review', signatures, publishAt: state.publishAt, signed };
    }
    case 'return': {
      if (!['submitted', 'in_review', 'approved', 'scheduled'].includes(state.status)) invalid(state, action.type);
      needReviewer(actor, 'return an article');
      return { status: 'returned', signatures: [], publishAt: null, reason: needReason(action.reason) };
    }
    case 'publish': {
      if (state.status !== 'approved') invalid(state, action.type);
      needReviewer(actor, 'publish');
      const at = action.at ? new Date(action.at) : null;
      if (at && Number.isNaN(at.getTime())) throw new DomainError('VALIDATION_FAILED', 'the publish time is not a date', 'at');
      if (at && at.getTime() > now.getTime()) return { ...keep, status: 'scheduled', publishAt: at.toISOString() };
      return { ...keep, status: 'published', publishAt: now.toISOString() };
    }
    case 'unschedule': {
      if (state.status !== 'scheduled') invalid(state, action.type);
      needReviewer(actor, 'unschedule');
      return { ...keep, status: 'approved', publishAt: null };
    }
    case 'withdraw': {
      if (state.status !== 'published' && state.status !== 'scheduled') invalid(state, action.type);
      if (!hasRole(actor, ...WITHDRAW_ROLES)) {
        throw new DomainError('FORBIDDEN_ROLE', 'only responsible editors, chief editors, rights managers and admins may withdraw');
      }
      return { ...keep, status: 'withdrawn', reason: needReason(action.reason) };
    }
    case 'reopen': {
      if (state.status !== 'withdrawn') invalid(state, action.type);
      needReviewer(actor, 'reopen a withdrawn article');
      return { status: 'draft', signatures: [], publishAt: null };
    }
  }
}

/** Who may save new content, and in which states. Published articles change only by correction. */
export function assertCanEdit(state: Pick<WorkflowState, 'status' | 'authorIds'>, actor: Actor): void {
  if (state.status === 'published') {
    throw new DomainError('ARTICLE_NOT_EDITABLE', 'a published article is changed by a correction, with a note readers see');
  }
  if (state.status === 'withdrawn' || state.status === 'scheduled') {
    throw new DomainError('ARTICLE_NOT_EDITABLE', `a ${state.status} article cannot be edited; ${state.status === 'scheduled' ? 'unschedule' : 'reopen'} it first`);
  }
  const own = state.authorIds.includes(actor.id);
  if (state.status === 'draft' || state.status === 'returned') {
    if (!own && !isReviewer(actor)) throw new DomainError('FORBIDDEN_ROLE', 'only its authors and editors may edit a draft');
    return;
  }
  if (!isReviewer(actor)) throw new DomainError('ARTICLE_NOT_EDITABLE', 'an article in review is edited by its reviewers; ask for it to be returned');
}

export function assertCanCorrect(state: Pick<WorkflowState, 'status'>, actor: Actor, note: string): void {
  if (state.status !== 'published') throw new DomainError('WORKFLOW_INVALID_TRANSITION', 'only a published article is corrected', 'status');
  needReviewer(actor, 'correct a published article');
  needReason(note);
}

/** Creating an article: reporters and every editorial role. */
export function assertCanWrite(actor: Actor): void {
  if (!hasRole(actor, 'reporter', 'editor', 'responsible_editor', 'chief_editor')) {
    throw new DomainError('FORBIDDEN_ROLE', 'only reporters and editors write articles');
  }
}
