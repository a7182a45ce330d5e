/** What a person in the newsroom may do; one person can hold several roles. */
export const ROLES = ['reporter', 'editor', 'responsible_editor', 'chief_editor', 'rights_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Names in the newsroom UI (Traditional; converted for Simplified readers like all text). */
export const ROLE_LABELS: Record<Role, string> = {
  reporter: '記者',
  editor: '編輯',
  responsible_editor: '責編',
  chief_editor: '總編',
  rights_manager: '版權經理',
  admin: '管理員',
};

/** 三審: who signs each review level. */
export const REVIEW_LEVEL_ROLE: Record<1 | 2 | 3, Role> = { 1: 'editor', 2: 'responsible_editor', 3: 'chief_editor' };
export const REVIEW_LEVEL_NAMES: Record<1 | 2 | 3, string> = { 1: '初審', 2: '復審', 3: '終審' };

export const REVIEWER_ROLES: readonly Role[] = ['editor', 'responsible_editor', 'chief_editor'];
/** Who writes articles: reporters and every reviewing role. */
export const WRITER_ROLES: readonly Role[] = ['reporter', ...REVIEWER_ROLES];
/** Who may take a published or scheduled article off the site at once. */
export const WITHDRAW_ROLES: readonly Role[] = ['responsible_editor', 'chief_editor', 'rights_manager', 'admin'];
/** The desks that read what the public sends: claims (with claimants' addresses) and tips. */
export const RIGHTS_DESK_ROLES: readonly Role[] = ['rights_manager', 'admin'];
export const TIPS_DESK_ROLES: readonly Role[] = WRITER_ROLES;
/** Who reads the site-wide audit log. */
export const SITE_AUDIT_ROLES: readonly Role[] = ['admin', 'chief_editor'];

export interface Actor {
  id: number;
  login: string;
  displayName: string;
  roles: readonly Role[];
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** One of the article's writers (created it or saved a revision), in a role that writes. */
export function isWritingAuthor(actor: Actor, authorIds: readonly number[]): boolean {
  return authorIds.includes(actor.id) && hasRole(actor, ...WRITER_ROLES);
}

export function isReviewer(actor: Pick<Actor, 'roles'>): boolean {
  return hasRole(actor, ...REVIEWER_ROLES);
}

/** A newsroom login: lower-case letters, digits, `.`, `_` and `-`, 2 to 40 of them. */
export const LOGIN_PATTERN = /^[a-z0-9._-]{2,40}$/;
