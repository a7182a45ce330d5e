import type { Agreement, Licensee, Store } from '../store/ports.ts';
import type { Article } from '../domain/article.ts';
import { agreementState, coversPicture, representationFor, scopeRefusal } from '../domain/rights.ts';
import type { MediaItem } from '../domain/media.ts';
import { articlePictureIds } from '../domain/ninjs/picture-to-ninjs.ts';
import { DomainError } from '../domain/errors.ts';
import { articleToNinjs } from '../domain/ninjs/to-ninjs.ts';
import { ninjsExportContext, requireSettings } from './site-context.ts';
import { hashApiKey } from './rights-service.ts';

export interface Grant {
  keyId: number;
  agreement: Agreement;
  licensee: Licensee;
}

/** Cursor over (the time an item became available, id), opaque to licensees. */
export function encodeCursor(c: { at: string; id: number }): string {
  return Buffer.from(`${c.at}|${c.id}`).toString('base64url');
}

/** Only what encodeCursor writes: an ISO instant and an id; anything else (Date.parse takes a trailing NUL) is no cursor. */
export function decodeCursor(s: string): { at: string; id: number } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)\|(\d{1,15})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  return m && !Number.isNaN(Date.parse(m[1]!)) ? { at: m[1]!, id: Number(m[2]) } : null;
}

/**
 * The licensees' content API: who is calling (by key), what their agreement covers, and each item
 * as ninjs 3.1 with the rights it travels under. Nothing outside the agreement leaves.
 */
export function createContentApiService(store: Store, publicUrl: string, now: () => Date = () => new Date()) {
  async function authenticate(bearer: string | undefined): Promise<Grant> {
    const key = bearer?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!key) throw new DomainError('CONTENT_KEY_INVALID', 'send the API key as Authorization: Bearer KEY');
    const info = await store.rights.keyByHash(hashApiKey(key));
    if (!info || info.revokedAt) throw new DomainError('CONTENT_KEY_INVALID', 'unknown or revoked API key');
    if (info.expiresAt && Date.parse(info.expiresAt) < now().getTime()) throw new DomainError('CONTENT_KEY_EXPIRED', 'this API key has expired; ask for a new one');
    const agreement = (await store.rights.agreement(info.agreementId))!;
    const state = agreementState({ revokedAt: agreement.revokedAt, validFrom: agreement.scope.validFrom, validUntil: agreement.scope.validUntil }, now());
    if (state === 'revoked') throw new DomainError('CONTENT_KEY_INVALID', 'unknown or revoked API key');
    if (state === 'expired') throw new DomainError('LICENCE_EXPIRED', `the agreement ended on ${agreement.scope.validUntil}`);
    if (state === 'not-yet-valid') throw new DomainError('LICENCE_NOT_YET_VALID', `the agreement starts on ${agreement.scope.validFrom}`);
    return { keyId: info.id, agreement, licensee: (await store.rights.licensee(agreement.licenseeId))! };
  }

  /** Only what was public: published (and due) or withdrawn after publication. */
  const everPublic = (a: Article) => !!a.publishedAt && a.publishedAt <= now().toISOString() && (a.status === 'published' || a.status === 'withdrawn');

  /** What every item of a response needs, read once per request. */
  async function site() {
    const settings = await requireSettings(store);
    return { settings, ctx: ninjsExportContext(settings, await store.channels.list()) };
  }

  /**
   * The pictures of these articles that the agreement lets out, by id, read in one query. A picture
   * not covered (or taken down) is simply absent: it goes neither as an association nor in a body.
   */
  async function coveredPictures(articles: readonly Article[], g: Grant): Promise<Map<number, MediaItem>> {
    const ids = [...new Set(articles.flatMap((a) => articlePictureIds(a)))];
    if (ids.length === 0) return new Map();
    const items = await store.media.byIds(ids);
    return new Map(items.filter((p) => coversPicture(g.agreement.scope, p)).map((p) => [p.id, p]));
  }

  function toItem(a: Article, g: Grant, { settings, ctx }: Awaited<ReturnType<typeof site>>, covered: ReadonlyMap<number, MediaItem>): Record<string, unknown> {
    const pictures = articlePictureIds(a).flatMap((id) => covered.get(id) ?? []);
    const item = articleToNinjs(a, ctx, { items: pictures, href: (path) => `${publicUrl}${path}`, srcInBody: true });
    const year = new Date(a.publishedAt!).getUTCFullYear();
    const holder = a.rightsClass === 'reprint' || a.rightsClass === 'licensed-in' ? (a.sourceName ?? settings.operator) : settings.operator;
    const representation = representationFor(g.agreement.scope);
    const rights = {
      copyrightHolder: holder,
      // Every item names the operator (and its sales agent); a reprint names its own holder first.
      copyrightNotice: `© ${year} ${holder}${holder === settings.operator ? '' : `; distributed by ${settings.operator}`}${settings.marketingAgent ? `; licensing and sales: ${settings.marketingAgent}` : ''}`,
      usageTerms: `${g.agreement.scope.attribution}; licensed to ${g.licensee.name} (${g.licensee.certificateNo}) under agreement ${g.agreement.id}: ${g.agreement.scope.uses.join(', ')}${g.agreement.scope.territory.length ? `, territory ${g.agreement.scope.territory.join('/')}` : ''}${g.agreement.scope.validUntil ? `, until ${g.agreement.scope.validUntil}` : ''}`,
      rightsInfo: { langId: 'http://www.w3.org/ns/odrl/2/', linkedRights: `${publicUrl}/rights/policies/${g.agreement.id}` },
    };
    if (a.status === 'withdrawn') {
      // A kill: the item says it is canceled and carries no text.
      const { bodies: _b, descriptions: _d, associations: _p, ...rest } = item;
      return { ...rest, ...rights, pubStatus: 'canceled' };
    }
    if (representation === 'partial') {
      const bodies = item['bodies'] as Array<Record<string, unknown>>;
      const first = /<p>[\s\S]*?<\/p>/.exec(String(bodies[0]!['value']))?.[0] ?? '';
      return { ...item, ...rights, representationType: 'partial', bodies: [{ ...bodies[0], value: first, charCount: [...first.replace(/<[^>]*>/g, '')].length }] };
    }
    return { ...item, ...rights };
  }

  /**
   * A page of whole articles takes milliseconds to render; it is rendered a few items at a time,
   * giving the event loop back between them, so that readers' requests do not wait behind it.
   */
  async function toItems(articles: Article[], g: Grant, shared: Awaited<ReturnType<typeof site>>): Promise<Array<Record<string, unknown>>> {
    const items: Array<Record<string, unknown>> = [];
    const covered = await coveredPictures(articles, g);
    for (const [i, a] of articles.entries()) {
      if (i > 0 && i % 10 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      items.push(toItem(a, g, shared, covered));
    }
    return items;
  }

  async function checkQuota(g: Grant, articleIds: number[]): Promise<void> {
    const limit = g.agreement.scope.itemsPerDay;
    if (!limit) return;
    const served = await store.rights.itemsServed(g.agreement.id, now().toISOString().slice(0, 10));
    if (served + articleIds.length > limit) throw new DomainError('LICENCE_QUOTA_EXCEEDED', `the agreement allows ${limit} items a day`);
  }

  return {
    authenticate,

    async item(g: Grant, id: number): Promise<Record<string, unknown>> {
      const a = await store.articles.byId(id);
      if (!a || !everPublic(a)) throw new DomainError('NOT_FOUND', `no item ${id}`);
      const refusal = scopeRefusal(g.agreement.scope, a);
      if (refusal) throw new DomainError('LICENCE_OUT_OF_SCOPE', `item ${id} is outside the agreement (${refusal})`);
      await checkQuota(g, [id]);
      return toItem(a, g, await site(), await coveredPictures([a], g));
    },

    /**
     * Items the agreement covers that became available after the cursor (published, or changed
     * since: corrections and withdrawals come again), oldest first. The store reads only what the
     * agreement covers; an embargoed item waits, unskipped, until its time.
     */
    async items(g: Grant, options: { cursor: { at: string; id: number }; limit: number }): Promise<{ items: Array<Record<string, unknown>>; ids: number[]; next: string | null }> {
      const page = await store.articles.licensedSince(g.agreement.scope, options.cursor, options.limit, now().toISOString());
      const out = page.map((p) => p.article);
      await checkQuota(g, out.map((a) => a.id));
      const shared = await site();
      const last = page.at(-1);
      // Without `since` the feed starts before anything: a cursor can say so.
      const stay = options.cursor.at ? options.cursor : { at: new Date(0).toISOString(), id: 0 };
      return { items: await toItems(out, g, shared), ids: out.map((a) => a.id), next: encodeCursor(last ? { at: last.availableAt, id: last.article.id } : stay) };
    },

    /** Logs a response: a row for each item it delivered, or one row when it delivered none. */
    log(g: Grant, e: { articleIds: number[]; path: string; status: number; ip: string | null }) {
      const base = { at: now().toISOString(), licenseeId: g.licensee.id, agreementId: g.agreement.id, path: e.path, status: e.status, ip: e.ip };
      const ids: Array<number | null> = e.articleIds.length ? e.articleIds : [null];
      return store.rights.logAccess(ids.map((articleId) => ({ ...base, articleId })));
    },
  };
}

export type ContentApiService = ReturnType<typeof createContentApiService>;
