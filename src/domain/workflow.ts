import { DomainError } from './errors.ts';
import { REVIEW_LEVEL_ROLE, REVIEW_LEVEL_NAMES, WITHDRAW_ROLES, WRITER_ROLES, hasRole, isReviewer, isWritingAuthor, type Actor, type Role } from './roles.ts';

/**
 * The 三審 workflow as a state machine. It knows nothing of storage or HTTP: it takes the
 * article's workflow state, an action and who asks, and returns the next state or throws a
 * DomainError with a stable code. Every change to what readers would see goes through it (a save,
 * a correction, applying a correction), so four eyes cannot be stepped around by editing.
 *
 *   draft ─submit→ submitted ─初審→ in_review ─復審→ … ─last level→ approved ─publish→ published
 *                                                                             └publish at→ scheduled ─due→ published
 *   submitted / in_review / approved / scheduled ─return (reason)→ returned ─submit→ submitted
 *   submitted / in_review / approved ─save with changes→ submitted (signatures cleared, levels of the new channels)
 *   scheduled ─unschedule→ approved;  published / scheduled ─withdraw (reason)→ withdrawn ─reopen→ draft
 *   published ─correct (note)→ published with a pending correction ─approve by another→ published, corrected
 *                                                                  └return (reason)→ published, correction dropped
 */
export const WORKFLOW_STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'approved', 'scheduled', 'published', 'withdrawn'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export type ReviewLevel = 1 | 2 | 3;

export interface Signature {
  level: ReviewLevel;
  userId: number;
}

/** A correction of a published article that readers do not see until someone else approves it. */
export interface PendingCorrection {
  authorId: number;
  /** Levels the corrected channels need. */
  levels: ReviewLevel;
}

export interface WorkflowState {
  status: WorkflowStatus;
  /** Levels this article needs: the most its channels ask for, 1 to 3. */
  levels: ReviewLevel;
  /** Levels signed in the current round, in order. */
  signatures: Signature[];
  /** Everyone who wrote it: its creator and whoever saved a revision. */
  authorIds: number[];
  publishAt: string | null;
  /** Only a published article has one. */
  correction: PendingCorrection | null;
}

export type WorkflowAction =
  /** `levels`: what its channels need now (defaults to the state's). */
  | { type: 'submit'; levels?: ReviewLevel }
  /** New content for the article. `changed`: whether anything readers see differs; `levels`: what the new channels need (null: no channel). */
  | { type: 'save'; changed: boolean; levels: ReviewLevel | null }
  /** New content for a published article, with the note readers will see; `levels`: what the corrected channels need (null: no channel). */
  | { type: 'correct'; note: string; levels: ReviewLevel | null }
  | { type: 'approve' }
  | { type: 'return'; reason: string }
  | { type: 'publish'; at?: string | null }
  | { type: 'unschedule' }
  | { type: 'publish_due' }
  | { type: 'withdraw'; reason: string }
  | { type: 'reopen' };

/** What happens to the article's content. */
export type ContentEffect =
  /** Nothing: the text stays as it is. */
  | 'none'
  /** The text sent becomes the article's, as a new revision by the actor. */
  | 'save'
  /** The text sent waits as a correction, apart from what readers see. */
  | 'stage_correction'
  /** The waiting correction becomes the article's text, as a new revision by its author, with its note. */
  | 'apply_correction'
  /** The waiting correction is dropped. */
  | 'discard_correction';

export interface TransitionResult {
  status: WorkflowStatus;
  levels: ReviewLevel;
  signatures: Signature[];
  publishAt: string | null;
  authorIds: number[];
  correction: PendingCorrection | null;
  content: ContentEffect;
  /** The level the actor signed, for approve in review. */
  signed?: Signature;
  reason?: string;
  /** The correction's note, trimmed. */
  note?: string;
}

const IN_REVIEW: readonly WorkflowStatus[] = ['submitted', 'in_review', 'approved'];

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

const withAuthor = (ids: readonly number[], id: number): number[] => (ids.includes(id) ? [...ids] : [...ids, id].sort((a, b) => a - b));
const maxLevel = (a: ReviewLevel, b: ReviewLevel): ReviewLevel => (a > b ? a : b);

/** The next review level, or null when all are signed. */
export function nextLevel(state: Pick<WorkflowState, 'levels' | 'signatures'>): ReviewLevel | null {
  const n = state.signatures.length + 1;
  return n <= state.levels ? (n as ReviewLevel) : null;
}

/**
 * Whether every level the article needs is signed, each by its role's holder, by as many people
 * as levels, none of whom wrote it. Publishing checks this whatever the status says.
 */
export function fullySigned(state: Pick<WorkflowState, 'levels' | 'signatures' | 'authorIds'>): boolean {
  const signers = new Set(state.signatures.map((s) => s.userId));
  const levels = new Set(state.signatures.map((s) => s.level));
  return (
    state.signatures.length >= state.levels &&
    signers.size === state.signatures.length &&
    Array.from({ length: state.levels }, (_, i) => i + 1).every((l) => levels.has(l as ReviewLevel)) &&
    !state.signatures.some((s) => state.authorIds.includes(s.userId))
  );
}

/** Who may approve a correction: a holder of the role of the article's top level, or of a higher one. */
export function correctionApproverRoles(levels: ReviewLevel): Role[] {
  return ([1, 2, 3] as const).filter((l) => l >= levels).map((l) => REVIEW_LEVEL_ROLE[l]);
}

/** `actor` is null for the system (the scheduler). */
export function decide(state: WorkflowState, action: WorkflowAction, actor: Actor | null, now: Date): TransitionResult {
  const keep = (over: Partial<TransitionResult> & Pick<TransitionResult, 'status'>): TransitionResult => ({
    levels: state.levels, signatures: state.signatures, publishAt: state.publishAt, authorIds: state.authorIds, correction: state.correction, content: 'none', ...over,
  });
  if (action.type === 'publish_due') {
    if (state.status !== 'scheduled') invalid(state, action.type);
    if (!state.publishAt || Date.parse(state.publishAt) > now.getTime()) {
      throw new DomainError('WORKFLOW_INVALID_TRANSITION', 'the scheduled time has not come', 'publishAt');
    }
    return keep({ status: 'published' });
  }
  if (!actor) throw new DomainError('AUTH_REQUIRED', 'a person must take this step');

  switch (action.type) {
    case 'submit': {
      if (state.status !== 'draft' && state.status !== 'returned') invalid(state, action.type);
      if (!isWritingAuthor(actor, state.authorIds)) throw new DomainError('FORBIDDEN_ROLE', 'only an author of the article may submit it');
      return keep({ status: 'submitted', signatures: [], levels: action.levels ?? state.levels, correction: null });
    }
    case 'save': {
      assertCanEdit(state, actor);
      const authorIds = withAuthor(state.authorIds, actor.id);
      if (!IN_REVIEW.includes(state.status)) {
        // A draft has no signatures to lose; every save of it is a revision.
        return keep({ status: state.status, signatures: [], levels: action.levels ?? state.levels, authorIds, correction: null, content: 'save' });
      }
      if (!action.levels) throw new DomainError('VALIDATION_FAILED', 'an article in review needs a channel', 'channels');
      if (!action.changed) return keep({ status: state.status });
      // What was signed is not what is there now: review starts again, as deep as the new channels ask.
      return keep({ status: 'submitted', signatures: [], levels: action.levels, authorIds, correction: null, content: 'save' });
    }
    case 'correct': {
      const note = assertCanCorrect(state, actor, action.note);
      if (state.correction && state.correction.authorId !== actor.id) {
        throw new DomainError('WORKFLOW_INVALID_TRANSITION', 'someone else\'s correction is waiting; approve or return it first', 'status');
      }
      if (!action.levels) throw new DomainError('VALIDATION_FAILED', 'a published article keeps a channel', 'channels');
      return keep({ status: 'published', correction: { authorId: actor.id, levels: action.levels }, content: 'stage_correction', note });
    }
    case 'approve': {
      if (state.status === 'published' && state.correction) return approveCorrection(state, state.correction, actor);
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
      return keep({ status: level === state.levels ? 'approved' : 'in_review', signatures: [...state.signatures, signed], signed });
    }
    case 'return': {
      if (state.status === 'published' && state.correction) {
        needReviewer(actor, 'return a correction');
        return keep({ status: 'published', correction: null, content: 'discard_correction', reason: needReason(action.reason) });
      }
      if (!['submitted', 'in_review', 'approved', 'scheduled'].includes(state.status)) invalid(state, action.type);
      needReviewer(actor, 'return an article');
      return keep({ status: 'returned', signatures: [], publishAt: null, correction: null, reason: needReason(action.reason) });
    }
    case 'publish': {
      if (state.status !== 'approved') invalid(state, action.type);
      needReviewer(actor, 'publish');
      if (!fullySigned(state)) {
        throw new DomainError('WORKFLOW_INVALID_TRANSITION', `it needs ${state.levels} levels signed by people who did not write it`, 'status');
      }
      const at = action.at ? new Date(action.at) : null;
      if (at && Number.isNaN(at.getTime())) throw new DomainError('VALIDATION_FAILED', 'the publish time is not a date', 'at');
      if (at && at.getTime() > now.getTime()) return keep({ status: 'scheduled', publishAt: at.toISOString() });
      return keep({ status: 'published', publishAt: now.toISOString() });
    }
    case 'unschedule': {
      if (state.status !== 'scheduled') invalid(state, action.type);
      needReviewer(actor, 'unschedule');
      return keep({ status: 'approved', publishAt: null });
    }
    case 'withdraw': {
      if (state.status !== 'published' && state.status !== 'scheduled') invalid(state, action.type);
      if (!hasRole(actor, ...WITHDRAW_ROLES)) {
        throw new DomainError('FORBIDDEN_ROLE', 'only responsible editors, chief editors, rights managers and admins may withdraw');
      }
      // Immediate, whatever is waiting: a correction of a withdrawn article has nothing left to correct.
      return keep({ status: 'withdrawn', correction: null, content: state.correction ? 'discard_correction' : 'none', reason: needReason(action.reason) });
    }
    case 'reopen': {
      if (state.status !== 'withdrawn') invalid(state, action.type);
      needReviewer(actor, 'reopen a withdrawn article');
      return keep({ status: 'draft', signatures: [], publishAt: null, correction: null, content: state.correction ? 'discard_correction' : 'none' });
    }
  }
}

function approveCorrection(state: WorkflowState, correction: PendingCorrection, actor: Actor): TransitionResult {
  if (actor.id === correction.authorId || state.authorIds.includes(actor.id)) {
    throw new DomainError('WORKFLOW_OWN_WORK', 'nobody approves their own writing, corrections included');
  }
  const levels = maxLevel(state.levels, correction.levels);
  const roles = correctionApproverRoles(levels);
  if (!hasRole(actor, ...roles)) {
    throw new DomainError('FORBIDDEN_ROLE', `a correction of an article that needs ${levels} levels is approved by one of: ${roles.join(', ')}`);
  }
  return {
    status: 'published', levels: correction.levels, signatures: state.signatures, publishAt: state.publishAt,
    authorIds: withAuthor(state.authorIds, correction.authorId), correction: null, content: 'apply_correction',
  };
}

/** Who may save new content, and in which states. Published articles change only by correction. */
export function assertCanEdit(state: Pick<WorkflowState, 'status' | 'authorIds'>, actor: Actor): void {
  if (state.status === 'published') {
    throw new DomainError('ARTICLE_NOT_EDITABLE', 'a published article is changed by a correction, with a note readers see');
  }
  if (state.status === 'withdrawn' || state.status === 'scheduled') {
    throw new DomainError('ARTICLE_NOT_EDITABLE', `a ${state.status} article cannot be edited; ${state.status === 'scheduled' ? 'unschedule' : 'reopen'} it first`);
  }
  const own = isWritingAuthor(actor, state.authorIds);
  if (state.status === 'draft' || state.status === 'returned') {
    if (!own && !isReviewer(actor)) throw new DomainError('FORBIDDEN_ROLE', 'only its authors and editors may edit a draft');
    return;
  }
  if (!isReviewer(actor)) throw new DomainError('ARTICLE_NOT_EDITABLE', 'an article in review is edited by its reviewers; ask for it to be returned');
}

/** Returns the note, trimmed. */
export function assertCanCorrect(state: Pick<WorkflowState, 'status'>, actor: Actor, note: string): string {
  if (state.status !== 'published') throw new DomainError('WORKFLOW_INVALID_TRANSITION', 'only a published article is corrected', 'status');
  needReviewer(actor, 'correct a published article');
  return needReason(note);
}

/** Creating an article: reporters and every editorial role. */
export function assertCanWrite(actor: Actor): void {
  if (!hasRole(actor, ...WRITER_ROLES)) {
    throw new DomainError('FORBIDDEN_ROLE', 'only reporters and editors write articles');
  }
}
