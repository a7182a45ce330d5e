import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { z } from 'zod';
import { DomainError, isDomainError } from '../domain/errors.ts';
import { hasRole, type Actor, type Role } from '../domain/roles.ts';
import type { AuthService } from '../services/auth-service.ts';
import { readForm } from './form-input.ts';
import { errorBody, internalErrorBody, isDatabaseUnavailable, RETRY_AFTER_SECONDS, statusOf, unavailableBody } from './error-mapper.ts';

export const SESSION_COOKIE = 'heitu_session';
export const PRE_CSRF_COOKIE = 'heitu_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Who may call a route: anyone, anyone signed in, or holders of one of these roles. */
export type Access = 'public' | 'session' | readonly Role[];

export interface ApiCall<B, Q> {
  actor: Actor | null;
  ip: string | null;
  params: Record<string, string>;
  query: Q;
  body: B;
  c: Context;
}

export interface ApiRoute<B = unknown, Q = unknown> {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  summary: string;
  access: Access;
  body?: z.ZodType<B>;
  /**
   * A multipart/form-data body instead of JSON: the file part named `file` (required) and text
   * fields checked by `fields`. The handler's body is then `{ file: Buffer; fields }`.
   */
  form?: { file: string; fields: z.ZodType };
  query?: z.ZodType<Q>;
  response?: z.ZodType;
  status?: 200 | 201;
  handler(call: ApiCall<B, Q>): Promise<unknown>;
}

/** Keeps each route's body and query types while the registry holds them side by side. */
export function route<B = undefined, Q = Record<string, string>>(r: ApiRoute<B, Q>): ApiRoute {
  return r as unknown as ApiRoute;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The reader's address, decided once per request (behind trusted proxies, from X-Forwarded-For). */
    clientIp: string | null;
  }
}

/** The address of the peer that opened the connection (a proxy, if there is one). */
export function peerOf(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}

/** The reader's address, as rate limits, the audit log and the access log see it. */
export function ipOf(c: Context): string | null {
  const decided = c.get('clientIp');
  return decided === undefined ? peerOf(c) : decided;
}

export function isStateChanging(method: string): boolean {
  return method !== 'get';
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({
    code: 'VALIDATION_FAILED' as const,
    message: `${i.path.join('.') || where}: ${i.message}`,
    property: i.path.join('.') || where,
  }));
  throw new DomainError('VALIDATION_FAILED', details.map((d) => d.message).join('; '), details[0]?.property, details);
}

/**
 * Mounts routes with the same checks in the same order for every one: session, CSRF on every
 * state-changing call, role, input validation; then the handler; errors through one mapper.
 */
export function mountApi(app: Hono, base: string, routes: ApiRoute[], auth: AuthService, afterWrite?: () => void): void {
  for (const r of routes) {
    app.on(r.method.toUpperCase(), `${base}${r.path}`, async (c) => {
      try {
        const session = await auth.resolve(getCookie(c, SESSION_COOKIE));
        if (r.access !== 'public' && !session) throw new DomainError('AUTH_REQUIRED', 'sign in first');
        if (isStateChanging(r.method)) {
          const sent = c.req.header(CSRF_HEADER);
          // The session's token; or, for signing in (also as someone else), the token of the cookie the login page set.
          const expected = [session?.csrf, r.access === 'public' ? getCookie(c, PRE_CSRF_COOKIE) : undefined].filter((x): x is string => !!x);
          if (!sent || !expected.includes(sent)) throw new DomainError('CSRF_FAILED', 'missing or wrong CSRF token; reload the page');
        }
        if (Array.isArray(r.access) && !hasRole(session!.actor, ...r.access)) {
          throw new DomainError('FORBIDDEN_ROLE', `this needs one of the roles: ${r.access.join(', ')}`);
        }
        let body: unknown = undefined;
        if (r.body) {
          let raw: unknown;
          try {
            raw = await c.req.json();
          } catch {
            throw new DomainError('VALIDATION_FAILED', 'the request body is not JSON', 'body');
          }
          body = parse(r.body, raw, 'body');
        } else if (r.form) {
          body = await readFileForm(c, r.form);
        }
        const query = r.query ? parse(r.query, c.req.query(), 'query') : c.req.query();
        const result = await r.handler({ actor: session?.actor ?? null, ip: ipOf(c), params: c.req.param() as Record<string, string>, query, body, c });
        // A change made here shows on this instance's cached pages at once, not at the next poll.
        if (isStateChanging(r.method)) afterWrite?.();
        if (result instanceof Response) return result;
        return c.json(result ?? { ok: true }, r.status ?? 200, { 'cache-control': 'no-store' });
      } catch (e) {
        if (isDomainError(e)) return c.json(errorBody(e), statusOf(e) as 400, { 'cache-control': 'no-store' });
        if (isDatabaseUnavailable(e)) {
          console.error(`api: ${r.method.toUpperCase()} ${c.req.path}: the database is unavailable:`, e instanceof Error ? e.message : e);
          return c.json(unavailableBody(), 503, { 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });
        }
        console.error(`api: ${r.method.toUpperCase()} ${c.req.path} failed:`, e);
        return c.json(internalErrorBody(), 500);
      }
    });
  }
}

/** A form with one file and text fields, as the route declares it; anything else is a 400. */
async function readFileForm(c: Context, form: NonNullable<ApiRoute['form']>): Promise<{ file: Buffer; fields: unknown }> {
  const input = await readForm(c);
  if (input instanceof DomainError) throw input;
  const files = await input.files(form.file);
  if (files.length !== 1) throw new DomainError('VALIDATION_FAILED', `send exactly one file, in the field "${form.file}"`, form.file);
  const fields = z.toJSONSchema(form.fields, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  const text = Object.fromEntries(Object.keys(fields.properties ?? {}).map((k) => [k, input.text(k) || undefined]));
  return { file: Buffer.from(files[0]!.bytes.buffer, files[0]!.bytes.byteOffset, files[0]!.bytes.byteLength), fields: parse(form.fields, text, 'body') };
}

function formSchema(form: NonNullable<ApiRoute['form']>): Record<string, unknown> {
  const fields = z.toJSONSchema(form.fields, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return { type: 'object', properties: { [form.file]: { type: 'string', format: 'binary' }, ...fields.properties }, required: [form.file] };
}

/** OpenAPI 3.1 from the same route definitions and Zod schemas the server validates with. */
export function openApiDocument(base: string, title: string, routes: ApiRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorSchema = {
    type: 'object',
    properties: { errors: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, property: { type: 'string' } }, required: ['code', 'message'] } } },
    required: ['errors'],
  };
  for (const r of routes) {
    const path = `${base}${r.path}`.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const query = r.query ? (z.toJSONSchema(r.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] }) : null;
    const queryParams = Object.entries(query?.properties ?? {}).map(([name, schema]) => ({ name, in: 'query', required: query?.required?.includes(name) ?? false, schema }));
    const security = r.access === 'public' ? [] : [{ session: [] }];
    paths[path] ??= {};
    paths[path]![r.method] = {
      summary: r.summary,
      ...(Array.isArray(r.access) ? { description: `Roles: ${r.access.join(', ')}` } : {}),
      security,
      parameters: [
        ...params,
        ...queryParams,
        ...(isStateChanging(r.method) ? [{ name: CSRF_HEADER, in: 'header', required: true, schema: { type: 'string' } }] : []),
      ],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      ...(r.form ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: formSchema(r.form) } } } } : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: r.response ? z.toJSONSchema(r.response, { unrepresentable: 'any' }) : {} } },
        },
        default: { description: 'Error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title, version: '1' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    paths,
  };
}
