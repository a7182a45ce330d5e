import type { Hono, Context } from 'hono';
import { z } from 'zod';
import type { ContentApiService, Grant } from '../../services/content-api-service.ts';
import { decodeCursor } from '../../services/content-api-service.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { errorBody, internalErrorBody, isDatabaseUnavailable, RETRY_AFTER_SECONDS, statusOf, unavailableBody } from '../error-mapper.ts';
import { ipOf, openApiDocument, route } from '../api-registry.ts';
import { RateLimiter } from '../rate-limit.ts';

export const CONTENT_API = '/api/content/v1';

const listQuery = z.object({
  since: z.string().datetime({ offset: true }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * The content API for licensees: a separate surface with its own key authentication, rate limit
 * and access log, serving only what each agreement permits.
 */
export function mountContentApi(app: Hono, content: ContentApiService, rightsPolicy: (agreementId: number) => Promise<Record<string, unknown> | null>): void {
  const limiter = new RateLimiter(20, 100);

  const handle = async (c: Context, work: (g: Grant) => Promise<{ body: unknown; articleIds: number[] }>) => {
    let grant: Grant | null = null;
    const ip = ipOf(c);
    try {
      grant = await content.authenticate(c.req.header('authorization'));
      if (!limiter.take(`key:${grant.keyId}`)) throw new DomainError('RATE_LIMITED', 'too many requests for this key; slow down');
      const { body, articleIds } = await work(grant);
      await content.log(grant, { articleIds, path: c.req.path, status: 200, ip });
      return c.json(body, 200, { 'cache-control': 'private, no-store' });
    } catch (e) {
      const status = isDomainError(e) ? statusOf(e) : 500;
      const asked = Number(c.req.param('id'));
      if (grant) await content.log(grant, { articleIds: asked ? [asked] : [], path: c.req.path, status, ip }).catch(() => {});
      if (isDomainError(e)) {
        const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer realm="heitu content"' } : {};
        return c.json(errorBody(e), status as 400, headers);
      }
      if (isDatabaseUnavailable(e)) return c.json(unavailableBody(), 503, { 'retry-after': String(RETRY_AFTER_SECONDS) });
      console.error(`content api: ${c.req.path} failed:`, e);
      return c.json(internalErrorBody(), 500);
    }
  };

  // Described through the same route declarations as the newsroom API, for the OpenAPI document.
  const described = [
    route({ method: 'get', path: '/items', summary: 'Items the agreement covers, changed after `since` or `cursor`, oldest change first (ninjs 3.1). Kills come as pubStatus canceled; corrections come again. Pictures whose class the agreement names come as associations of type picture; others are left out of the body too.', access: 'session', query: listQuery, handler: async () => null }),
    route({ method: 'get', path: '/items/:id', summary: 'One item (ninjs 3.1); 403 LICENCE_OUT_OF_SCOPE outside the agreement', access: 'session', handler: async () => null }),
  ];
  const doc = openApiDocument(CONTENT_API, 'Heitu content API for licensees', described);
  doc['components'] = { securitySchemes: { session: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer KEY (the key shown once when the agreement was made)' } } };
  app.get(`${CONTENT_API}/openapi.json`, (c) => c.json(doc));

  app.get(`${CONTENT_API}/items`, (c) =>
    handle(c, async (g) => {
      const q = listQuery.safeParse(c.req.query());
      if (!q.success) throw new DomainError('VALIDATION_FAILED', q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 'query');
      const cursor = q.data.cursor ? decodeCursor(q.data.cursor) : { at: q.data.since ? new Date(q.data.since).toISOString() : '', id: 0 };
      if (!cursor) throw new DomainError('VALIDATION_FAILED', 'cursor is not one this API gave out', 'cursor');
      const page = await content.items(g, { cursor, limit: q.data.limit });
      return { body: { items: page.items, next: page.next }, articleIds: page.ids };
    }),
  );
  app.get(`${CONTENT_API}/items/:id`, (c) =>
    handle(c, async (g) => {
      const raw = c.req.param('id');
      const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(id)) throw new DomainError('NOT_FOUND', 'no such item');
      return { body: await content.item(g, id), articleIds: [id] };
    }),
  );
  app.all(`${CONTENT_API}/*`, (c) => c.json({ errors: [{ code: 'NOT_FOUND', message: 'no such route' }] }, 404));

  app.get('/rights/policies/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const policy = Number.isSafeInteger(id) && id > 0 ? await rightsPolicy(id) : null;
    if (!policy) return c.json({ errors: [{ code: 'NOT_FOUND', message: 'no such policy' }] }, 404);
    return c.body(JSON.stringify(policy, null, 2), 200, { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'public, max-age=300' });
  });
}

