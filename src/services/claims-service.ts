import { z } from 'zod';
import type { Claim, Store } from '../store/ports.ts';
import type { ClaimStatus } from '../domain/rights.ts';
import { claimTransition, claimWindow, type ClaimAction } from '../domain/rights.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { hasRole } from '../domain/roles.ts';
import { requireSettings } from './site-context.ts';
import type { NewsroomService } from './newsroom-service.ts';
import { keepEvidence, readEvidence, MAX_FILE_BYTES } from './evidence.ts';
import { webLinkSchema } from '../domain/web-link.ts';

export { MAX_FILES, MAX_FILE_BYTES, sniffEvidence } from './evidence.ts';

export const claimFormSchema = z.object({
  claimant: z.string().trim().min(1, 'claimant').max(200),
  contact: z.string().trim().min(3, 'contact').max(200),
  article: z.string().trim().min(1, 'article').max(500),
  claim: z.string().trim().min(10, 'claim').max(10_000),
  links: z.array(webLinkSchema).max(20),
});

/** Rights claims: filed by anyone through the public form, decided on the newsroom's claims desk. */
export function createClaimsService(store: Store, newsroom: NewsroomService, uploadDir: string, maxFileBytes = MAX_FILE_BYTES, now: () => Date = () => new Date()) {
  async function articleOf(ref: string) {
    const id = /(?:^|\/articles\/)(\d{1,15})(?:[/?#].*)?$/.exec(ref.trim())?.[1];
    const a = id ? await store.articles.byId(Number(id)) : null;
    if (!a || !a.publishedAt || (a.status !== 'published' && a.status !== 'withdrawn')) {
      throw new DomainError('VALIDATION_FAILED', 'no published article with that address or number', 'article');
    }
    return a;
  }

  return {
    async file(input: unknown, files: Array<{ name: string; bytes: Uint8Array }>, ip: string | null): Promise<Claim> {
      const parsed = claimFormSchema.safeParse(input);
      if (!parsed.success) {
        const property = String(parsed.error.issues[0]?.path[0] ?? 'form');
        throw new DomainError('VALIDATION_FAILED', `check the field ${property}`, property);
      }
      const article = await articleOf(parsed.data.article);
      const settings = await requireSettings(store);
      const window = claimWindow(article.publishedAt!, now(), settings.claimWindowDays);
      const stored = await keepEvidence(uploadDir, files, maxFileBytes);
      return store.claims.create({
        articleId: article.id, articleRef: parsed.data.article, claimant: parsed.data.claimant, contact: parsed.data.contact, claim: parsed.data.claim,
        links: parsed.data.links, withinWindow: window.withinWindow, daysAfterPublication: window.days, ip, files: stored,
      });
    },

    list: (status?: ClaimStatus) => store.claims.list({ ...(status ? { status } : {}), limit: 200 }),

    async get(id: number): Promise<Claim> {
      const c = await store.claims.byId(id);
      if (!c) throw new DomainError('NOT_FOUND', `claim ${id} does not exist`);
      return c;
    },

    /** A step on the desk; a take-down withdraws the article everywhere, through the workflow. */
    async act(actor: Actor, id: number, action: ClaimAction, note: string | null, ip: string | null = null): Promise<Claim> {
      if (!hasRole(actor, 'rights_manager', 'admin')) throw new DomainError('FORBIDDEN_ROLE', 'the claims desk is for rights managers');
      const c = await this.get(id);
      const next = claimTransition(c.status, action);
      if (!next) throw new DomainError('WORKFLOW_INVALID_TRANSITION', `claim ${c.reference} is already decided (${c.status})`);
      if ((action === 'reject' || action === 'take-down' || action === 'request-info' || action === 'correct') && !note?.trim()) {
        throw new DomainError('WORKFLOW_REASON_REQUIRED', 'write what was decided or asked', 'note');
      }
      if (action === 'take-down' && c.articleId) {
        const a = await store.articles.byId(c.articleId);
        if (a && (a.status === 'published' || a.status === 'scheduled')) {
          // The reason names the claim, not the desk's note: the newsroom reads it, the note stays on the claims desk.
          await newsroom.act(actor, a.id, { type: 'withdraw', reason: `版权投诉 ${c.reference}` }, ip);
        }
      }
      return store.claims.update(id, c.status, { status: next, ...(action === 'assign' ? { assigneeId: actor.id } : {}) }, { actorId: actor.id, actorLogin: actor.login, ip }, note?.trim() || null);
    },

    async evidence(claimId: number, fileId: number): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
      const c = await this.get(claimId);
      const f = c.files.find((x) => x.id === fileId);
      if (!f) throw new DomainError('NOT_FOUND', 'no such file');
      return readEvidence(uploadDir, f);
    },
  };
}

export type ClaimsService = ReturnType<typeof createClaimsService>;
