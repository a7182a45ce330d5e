import { createHash, randomBytes } from 'node:crypto';
import type { Agreement, Licensee, Store } from '../store/ports.ts';
import { agreementScopeSchema, agreementState, type AgreementScope, type AgreementState } from '../domain/rights.ts';
import { DomainError } from '../domain/errors.ts';

/** API keys are shown once and stored as a hash; the prefix identifies a key in lists and logs. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `htk_${randomBytes(24).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export interface VerifiedLicensee {
  name: string;
  certificateNo: string;
  agreements: Array<{ state: AgreementState; channels: string[]; rights: string[]; uses: string[]; territory: string[]; validFrom: string | null; validUntil: string | null; revokedAt: string | null }>;
  authorised: boolean;
}

type Actor = { actorId: number | null; actorLogin: string | null; ip?: string | null };

/**
 * Without the archive use a licensee gets what is published while the agreement runs; an
 * agreement that names no start starts when it is made, not at the beginning of the archive.
 */
function startsWhenMade(scope: AgreementScope, at: Date): AgreementScope {
  return scope.validFrom || scope.uses.includes('archive') ? scope : { ...scope, validFrom: at.toISOString() };
}

export function createRightsService(store: Store, now: () => Date = () => new Date()) {
  return {
    /** A licensee with its first agreement and key; the key is returned this once. */
    async addLicensee(input: { name: string; contact?: string | null; certificateNo?: string | null; scope: unknown; keyExpiresAt?: string | null }, ctx: Actor) {
      const scope = startsWhenMade(agreementScopeSchema.parse(input.scope), now());
      const certificateNo = input.certificateNo?.trim() || `HTL-${now().getUTCFullYear()}-${randomBytes(3).toString('hex').toUpperCase()}`;
      for (const slug of scope.channels) if (!(await store.channels.bySlug(slug))) throw new DomainError('VALIDATION_FAILED', `no channel ${slug}`, 'channels');
      const licensee = await store.rights.createLicensee({ name: input.name.trim(), contact: input.contact?.trim() || null, certificateNo }, ctx);
      const agreement = await store.rights.createAgreement(licensee.id, scope, ctx);
      const key = newApiKey();
      await store.rights.addKey(agreement.id, key.hash, key.prefix, input.keyExpiresAt ?? null, ctx);
      return { licenseeId: licensee.id, agreementId: agreement.id, certificateNo, apiKey: key.key };
    },

    async addAgreement(licenseeId: number, scope: AgreementScope, ctx: Actor) {
      const agreement = await store.rights.createAgreement(licenseeId, startsWhenMade(agreementScopeSchema.parse(scope), now()), ctx);
      const key = newApiKey();
      await store.rights.addKey(agreement.id, key.hash, key.prefix, null, ctx);
      return { agreementId: agreement.id, apiKey: key.key };
    },

    /** A new key for an agreement; the old ones stop working at once. */
    async rotateKey(agreementId: number, expiresAt: string | null, ctx: Actor) {
      const agreement = await store.rights.agreement(agreementId);
      if (!agreement) throw new DomainError('NOT_FOUND', `agreement ${agreementId} does not exist`);
      if (agreement.revokedAt) throw new DomainError('LICENCE_REVOKED', 'the agreement is revoked');
      for (const k of await store.rights.keysOf(agreementId)) if (!k.revokedAt) await store.rights.revokeKey(k.id, ctx);
      const key = newApiKey();
      await store.rights.addKey(agreementId, key.hash, key.prefix, expiresAt, ctx);
      return { agreementId, apiKey: key.key };
    },

    /** Revokes every agreement (and key) of a licensee. */
    async revokeLicensee(licenseeId: number, ctx: Actor): Promise<number> {
      if (!(await store.rights.licensee(licenseeId))) throw new DomainError('NOT_FOUND', `licensee ${licenseeId} does not exist`);
      const agreements = await store.rights.agreementsOf(licenseeId);
      for (const a of agreements) await store.rights.revokeAgreement(a.id, ctx);
      return agreements.length;
    },

    async overview(): Promise<Array<Licensee & { agreements: Array<Agreement & { state: AgreementState; keys: Awaited<ReturnType<Store['rights']['keysOf']>> }> }>> {
      const out = [];
      for (const l of await store.rights.licensees()) {
        const agreements = [];
        for (const a of await store.rights.agreementsOf(l.id)) {
          agreements.push({ ...a, state: agreementState({ revokedAt: a.revokedAt, validFrom: a.scope.validFrom, validUntil: a.scope.validUntil }, now()), keys: await store.rights.keysOf(a.id) });
        }
        out.push({ ...l, agreements });
      }
      return out;
    },

    /** The public check against fake agents: who is authorised, for what, until when. */
    async verify(q: string): Promise<VerifiedLicensee[]> {
      const query = q.trim();
      if (!query) return [];
      const found = await store.rights.findLicensees(query.slice(0, 100));
      return Promise.all(
        found.map(async (l) => {
          const agreements = (await store.rights.agreementsOf(l.id)).map((a) => ({
            state: agreementState({ revokedAt: a.revokedAt, validFrom: a.scope.validFrom, validUntil: a.scope.validUntil }, now()),
            channels: a.scope.channels, rights: a.scope.rights, uses: a.scope.uses, territory: a.scope.territory,
            validFrom: a.scope.validFrom, validUntil: a.scope.validUntil, revokedAt: a.revokedAt,
          }));
          return { name: l.name, certificateNo: l.certificateNo, agreements, authorised: agreements.some((a) => a.state === 'active') };
        }),
      );
    },

    usage: (licenseeId: number) => store.rights.usage(licenseeId),
  };
}

export type RightsService = ReturnType<typeof createRightsService>;
