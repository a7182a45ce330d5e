import type { WorkflowStatus } from './workflow.ts';
import { RIGHTS_DESK_ROLES, SITE_AUDIT_ROLES, TIPS_DESK_ROLES, WITHDRAW_ROLES, WRITER_ROLES, hasRole, isReviewer, isWritingAuthor, type Actor } from './roles.ts';

/**
 * Who reads what in the newsroom: each person what they work on, and no more. Reviewers work on
 * every article; writers on their own; those who may take articles down (rights managers,
 * admins) on what is or was public. The audit log's entries about claims and tips belong to the
 * desks that handle them, and people's addresses to those who read the site-wide log.
 */

/** What a rights manager or an admin may take down or has taken down. */
const PUBLIC_SIDE: readonly WorkflowStatus[] = ['published', 'scheduled', 'withdrawn'];

/** The article itself, with what the caller may do with it. */
export function canReadArticle(actor: Actor, article: { status: WorkflowStatus }, authorIds: readonly number[]): boolean {
  if (isReviewer(actor) || isWritingAuthor(actor, authorIds)) return true;
  return hasRole(actor, ...WITHDRAW_ROLES) && PUBLIC_SIDE.includes(article.status);
}

/** Its revisions and the differences between them: drafts, in other words. */
export function canReadRevisions(actor: Actor, authorIds: readonly number[]): boolean {
  return isReviewer(actor) || isWritingAuthor(actor, authorIds);
}

/** Its audit trail: those who work on it, and those who read the whole log anyway. */
export function canReadTrail(actor: Actor, authorIds: readonly number[]): boolean {
  return canReadRevisions(actor, authorIds) || hasRole(actor, ...SITE_AUDIT_ROLES);
}

export function canReadSiteAudit(actor: Actor): boolean {
  return hasRole(actor, ...SITE_AUDIT_ROLES);
}

/** Audit actions (by prefix) this person is not shown: claims off the rights desk, tips off the tips desk. */
export function hiddenAuditPrefixes(actor: Actor): string[] {
  return [...(hasRole(actor, ...RIGHTS_DESK_ROLES) ? [] : ['claim.']), ...(hasRole(actor, ...TIPS_DESK_ROLES) ? [] : ['tip.'])];
}

/** Whether audit entries show the address they came from (claimants', colleagues'). */
export function seesAddresses(actor: Actor): boolean {
  return hasRole(actor, ...SITE_AUDIT_ROLES);
}

/** Which articles of a desk queue a person sees: all of them, the ones they created, or none. */
export type DeskScope = 'all' | 'own' | 'none';

export function deskScope(actor: Actor, queue: { statuses: readonly WorkflowStatus[]; ownOnly?: boolean; reviewersOnly?: boolean }): DeskScope {
  const writer = hasRole(actor, ...WRITER_ROLES);
  if (queue.ownOnly) return writer ? 'own' : 'none';
  if (isReviewer(actor)) return 'all';
  if (!queue.reviewersOnly && hasRole(actor, ...WITHDRAW_ROLES) && queue.statuses.every((s) => PUBLIC_SIDE.includes(s))) return 'all';
  return writer ? 'own' : 'none';
}
