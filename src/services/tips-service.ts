import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Store, Tip, TipStatus } from '../store/ports.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { hasRole } from '../domain/roles.ts';
import { keepEvidence, readEvidence, MAX_FILE_BYTES } from './evidence.ts';

export const tipFormSchema = z.object({
  text: z.string().trim().min(10, 'text').max(10_000),
  contact: z.string().trim().max(200).nullish().transform((v) => v || null),
});

/** A form filled in faster than this was filled in by a program. */
export const MIN_FILL_MS = 3000;

/**
 * Reader tips (線索) for the newsroom's inbox. Against spam, with no outside service: a honeypot
 * and a rate limit at the form, and a signed timestamp that must be old enough when it comes back.
 */
export function createTipsService(store: Store, uploadDir: string, maxFileBytes = MAX_FILE_BYTES, now: () => Date = () => new Date()) {
  const sign = async (at: number) => createHmac('sha256', await store.settings.secret('forms')).update(`tip:${at}`).digest('base64url');

  return {
    /** The token the form carries: when it was shown, signed. */
    async formToken(): Promise<string> {
      const at = now().getTime();
      return `${at}.${await sign(at)}`;
    },

    async file(input: unknown, token: string, files: Array<{ name: string; bytes: Uint8Array }>, ip: string | null): Promise<Tip> {
      const [at, mac] = token.split('.');
      const shown = Number(at);
      const expected = Number.isSafeInteger(shown) ? await sign(shown) : '';
      if (!mac || mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) {
        throw new DomainError('VALIDATION_FAILED', 'the form has expired; load it again', 'token');
      }
      const age = now().getTime() - shown;
      if (age < MIN_FILL_MS || age > 24 * 3_600_000) throw new DomainError('RATE_LIMITED', 'the form was sent too fast or too late; try again', 'token');
      const parsed = tipFormSchema.safeParse(input);
      if (!parsed.success) throw new DomainError('VALIDATION_FAILED', 'write a few words about what happened', String(parsed.error.issues[0]?.path[0] ?? 'text'));
      const stored = await keepEvidence(uploadDir, files, maxFileBytes);
      return store.tips.create({ ...parsed.data, ip, files: stored });
    },

    list(actor: Actor, status?: TipStatus) {
      if (!hasRole(actor, 'editor', 'responsible_editor', 'chief_editor', 'reporter')) throw new DomainError('FORBIDDEN_ROLE', 'the tips inbox is for the newsroom');
      return store.tips.list({ ...(status ? { status } : {}), limit: 200 });
    },

    async get(id: number): Promise<Tip> {
      const t = await store.tips.byId(id);
      if (!t) throw new DomainError('NOT_FOUND', `tip ${id} does not exist`);
      return t;
    },

    setStatus: (actor: Actor, id: number, status: TipStatus, ip: string | null) => store.tips.setStatus(id, status, { actorId: actor.id, actorLogin: actor.login, ip }),
    counts: () => store.tips.counts(),

    async evidence(tipId: number, fileId: number) {
      const t = await this.get(tipId);
      const f = t.files.find((x) => x.id === fileId);
      if (!f) throw new DomainError('NOT_FOUND', 'no such file');
      return readEvidence(uploadDir, f);
    },
  };
}

export type TipsService = ReturnType<typeof createTipsService>;
