import { z } from 'zod';
import { RIGHTS_CLASSES, type RightsClass } from './article.ts';
import { PHOTO_RIGHTS, type PhotoRights } from './media.ts';

/**
 * Licensing rules, pure: what an agreement lets a licensee receive, and the rights-claims window.
 * The seed page's statement says exclusives need written authorisation, licensees may use
 * content only within their authorisation, reprints carry their source, and claims come within
 * 30 days; these are those sentences as code.
 */
export const USES = ['reprint', 'excerpt', 'archive'] as const;
export type Use = (typeof USES)[number];

export const agreementScopeSchema = z.object({
  /** Channel or region slugs; empty means every channel. */
  channels: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(50).default([]),
  rights: z.array(z.enum(RIGHTS_CLASSES)).min(1),
  /**
   * Picture classes the licensee may receive with the text. Only our own by default: an agency's
   * picture in our story is still the agency's, passed on only where the agreement names it.
   * Agreements stored before pictures were delivered load with the default.
   */
  pictures: z.array(z.enum(PHOTO_RIGHTS)).default(['own']),
  uses: z.array(z.enum(USES)).min(1).refine((u) => u.includes('reprint') || u.includes('excerpt'), 'uses must include reprint or excerpt'),
  validFrom: z.string().datetime({ offset: true }).nullish().transform((v) => (v ? new Date(v).toISOString() : null)),
  validUntil: z.string().datetime({ offset: true }).nullish().transform((v) => (v ? new Date(v).toISOString() : null)),
  /** ISO 3166 codes, e.g. CN, HK, TW; empty means worldwide. */
  territory: z.array(z.string().regex(/^[A-Z]{2,3}$/)).max(50).default([]),
  itemsPerDay: z.number().int().min(1).max(1_000_000).nullish().transform((v) => v ?? null),
  /** The credit line the licensee must show, e.g. 來源:黑土網. */
  attribution: z.string().trim().min(1).max(200),
  price: z.string().trim().max(100).nullish().transform((v) => v || null),
  notes: z.string().trim().max(2000).nullish().transform((v) => v || null),
});
export type AgreementScope = z.output<typeof agreementScopeSchema>;

export type AgreementState = 'active' | 'revoked' | 'expired' | 'not-yet-valid';

export function agreementState(a: { revokedAt: string | null; validFrom: string | null; validUntil: string | null }, now: Date): AgreementState {
  if (a.revokedAt) return 'revoked';
  const t = now.getTime();
  if (a.validUntil && Date.parse(a.validUntil) < t) return 'expired';
  if (a.validFrom && Date.parse(a.validFrom) > t) return 'not-yet-valid';
  return 'active';
}

export type ScopeRefusal = 'channel' | 'rights-class' | 'archive';

/**
 * Why an agreement does not cover an article, or null when it does. Exclusives and reprints
 * need their class named explicitly; without the archive use, only what was published while
 * the agreement runs.
 */
export function scopeRefusal(scope: Pick<AgreementScope, 'channels' | 'rights' | 'uses' | 'validFrom'>, a: { channels: string[]; rightsClass: RightsClass; publishedAt: string | null }): ScopeRefusal | null {
  if (!scope.rights.includes(a.rightsClass)) return 'rights-class';
  if (scope.channels.length && !a.channels.some((c) => scope.channels.includes(c))) return 'channel';
  if (!scope.uses.includes('archive') && scope.validFrom && a.publishedAt && a.publishedAt < scope.validFrom) return 'archive';
  return null;
}

/**
 * Whether a picture may go out to a licensee under this scope: its class named in the agreement,
 * and not taken down (a taken-down picture goes to no one).
 */
export function coversPicture(scope: Pick<AgreementScope, 'pictures'>, picture: { rightsClass: PhotoRights; takenDownAt: string | null }): boolean {
  return !picture.takenDownAt && scope.pictures.includes(picture.rightsClass);
}

/** Full text only with the reprint use; otherwise an excerpt. */
export function representationFor(scope: Pick<AgreementScope, 'uses'>): 'full' | 'partial' {
  return scope.uses.includes('reprint') ? 'full' : 'partial';
}

export interface ClaimWindow {
  withinWindow: boolean;
  /** Whole days from publication to filing. */
  days: number;
  deadline: string;
}

/** Rights claims are to be made within N days of publication; later ones are accepted but flagged. */
export function claimWindow(publishedAt: string, filedAt: Date, windowDays: number): ClaimWindow {
  const published = Date.parse(publishedAt);
  const deadline = new Date(published + windowDays * 86_400_000);
  return { withinWindow: filedAt.getTime() <= deadline.getTime(), days: Math.floor((filedAt.getTime() - published) / 86_400_000), deadline: deadline.toISOString() };
}

/** The claims desk: assign, ask for information, then decide (reject, correct, take down). */
export const CLAIM_ACTIONS = ['assign', 'request-info', 'reject', 'correct', 'take-down'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];
export const CLAIM_STATUSES = ['new', 'assigned', 'info-requested', 'rejected', 'corrected', 'taken-down'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
type ClaimState = ClaimStatus;

const CLAIM_NEXT: Record<ClaimAction, ClaimState> = {
  assign: 'assigned',
  'request-info': 'info-requested',
  reject: 'rejected',
  correct: 'corrected',
  'take-down': 'taken-down',
};

/** The claim's next status, or null when the claim is already decided. */
export function claimTransition(from: ClaimState, action: ClaimAction): ClaimState | null {
  if (from === 'rejected' || from === 'corrected' || from === 'taken-down') return null;
  return CLAIM_NEXT[action];
}
