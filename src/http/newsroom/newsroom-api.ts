import { z } from 'zod';
import { setCookie, deleteCookie, getCookie } from 'hono/cookie';
import { route, SESSION_COOKIE, PRE_CSRF_COOKIE, type ApiRoute } from '../api-registry.ts';
import type { AuthService } from '../../services/auth-service.ts';
import { randomToken, SESSION_HOURS } from '../../services/auth-service.ts';
import { articleDraftSchema, type NewsroomService } from '../../services/newsroom-service.ts';
import type { ReaderService } from '../../services/reader-service.ts';
import type { UserAdminService } from '../../services/user-admin-service.ts';
import { siteTermSchema, type TermService } from '../../services/term-service.ts';
import type { RightsService } from '../../services/rights-service.ts';
import type { ClaimsService } from '../../services/claims-service.ts';
import type { TipsService } from '../../services/tips-service.ts';
import { slotsSchema, topicSchema, type FrontPageService } from '../../services/front-page-service.ts';
import { TIP_STATUSES } from '../../services/newsroom-views.ts';
import { CLAIM_ACTIONS, CLAIM_STATUSES, agreementScopeSchema } from '../../domain/rights.ts';
import { LOGIN_PATTERN, REVIEWER_ROLES, ROLES, SITE_AUDIT_ROLES, WITHDRAW_ROLES, WRITER_ROLES } from '../../domain/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { renderContext } from '../reader-site/render-context.ts';
import { articlePage } from '../reader-site/article-page.ts';
import { VARIANTS } from '../../domain/variant.ts';
import type { Article } from '../../domain/article.ts';
import { cleanBody } from '../../domain/article-body.ts';
import { bodyMediaIds } from '../../domain/media.ts';
import { settingsPatchSchema, type SettingsService } from '../../services/settings-service.ts';

export interface NewsroomApiDeps {
  auth: AuthService;
  newsroom: NewsroomService;
  reader: ReaderService;
  users: UserAdminService;
  terms: TermService;
  rights: RightsService;
  claims: ClaimsService;
  tips: TipsService;
  frontPage: FrontPageService;
  settings: SettingsService;
  /** Cookies carry Secure when the site is served over https. */
  secureCookies: boolean;
  publicUrl: string;
}

const idParam = (raw: string | undefined): number => {
  const id = raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id)) throw new DomainError('NOT_FOUND', 'no such article');
  return id;
};

const reason = z.object({ reason: z.string().trim().min(1).max(1000) });
const saveBody = articleDraftSchema.extend({ baseRevision: z.number().int().min(1) });
const correctBody = saveBody.extend({ note: z.string().trim().min(1).max(1000) });
const publishBody = z.object({ at: z.string().datetime({ offset: true }).nullish() });
const loginBody = z.object({ login: z.string().trim().min(1).max(60), password: z.string().min(1).max(200) });
const userBody = z.object({
  login: z.string().trim().regex(LOGIN_PATTERN, 'lower-case letters, digits, . _ - (2 to 40)'),
  displayName: z.string().trim().min(1).max(40),
  roles: z.array(z.enum(ROLES)).min(1),
  password: z.string().min(10).max(200).optional(),
});
const setupBody = userBody.pick({ login: true, displayName: true }).extend({ password: z.string().min(10).max(200) });
const passwordBody = z.object({ password: z.string().min(10).max(200), currentPassword: z.string().min(1).max(200).optional() });
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), before: z.coerce.number().int().min(1).optional() });
const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
/** What the caller had on screen: the step is refused (409) if the article or its waiting correction changed since. */
const seenQuery = z.object({ revision: z.coerce.number().int().min(1).optional(), correction: z.coerce.number().int().min(1).optional() });

/** Every newsroom action the web UI takes, as JSON; the UI uses nothing else. */
export function newsroomApi(deps: NewsroomApiDeps): ApiRoute[] {
  const { auth, newsroom, reader, users, terms, rights, claims, tips, frontPage, settings } = deps;
  const NEWSROOM = ['reporter', 'editor', 'responsible_editor', 'chief_editor'] as const;
  const download = (c: Parameters<ApiRoute['handler']>[0]['c'], f: { bytes: Buffer; contentType: string; fileName: string }) =>
    c.body(new Uint8Array(f.bytes), 200, {
      'content-type': f.contentType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    });
  const RIGHTS = ['rights_manager', 'admin'] as const;
  const actx = (actor: { id: number; login: string }, ip: string | null) => ({ actorId: actor.id, actorLogin: actor.login, ip });
  const EDITORS = ['editor', 'responsible_editor', 'chief_editor', 'admin'] as const;
  // Every route names who may call it; only signing out and one's own password are left to any session.
  const ANY_ROLE = ROLES;
  const TRAIL_READERS = [...WRITER_ROLES, ...SITE_AUDIT_ROLES];
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'Lax' as const, secure: deps.secureCookies };

  return [
    route({
      method: 'get', path: '/csrf', summary: 'A CSRF token for the login form (sets a cookie to match)', access: 'public',
      handler: async ({ c }) => {
        const token = getCookie(c, PRE_CSRF_COOKIE) ?? randomToken();
        setCookie(c, PRE_CSRF_COOKIE, token, { ...cookieBase, maxAge: 3600 });
        return { csrf: token };
      },
    }),
    route({
      method: 'post', path: '/session', summary: 'Sign in', access: 'public', body: loginBody,
      handler: async ({ body, ip, c }) => {
        const s = await auth.login(body.login, body.password, ip);
        setCookie(c, SESSION_COOKIE, s.token, { ...cookieBase, maxAge: SESSION_HOURS * 3600 });
        deleteCookie(c, PRE_CSRF_COOKIE, { path: '/' });
        return { user: s.actor, csrf: s.csrf, expiresAt: s.expiresAt };
      },
    }),
    route({
      method: 'get', path: '/session', summary: 'Who is signed in, with the CSRF token for this session', access: 'public',
      handler: async ({ c }) => {
        const s = await auth.resolve(getCookie(c, SESSION_COOKIE));
        return s ? { user: s.actor, csrf: s.csrf } : { user: null };
      },
    }),
    route({
      method: 'get', path: '/setup', summary: 'Whether the site still needs its first admin', access: 'public',
      handler: async () => ({ needed: !(await users.adminExists()) }),
    }),
    route({
      // Public by necessity (nobody can sign in yet), so it answers only while no admin exists at all.
      method: 'post', path: '/setup', summary: 'Create the first admin and sign in as them (404 once the site has an admin)', access: 'public', body: setupBody, status: 201,
      handler: async ({ body, ip, c }) => {
        await users.createFirstAdmin(body, 'web', ip);
        const s = await auth.login(body.login, body.password, ip);
        setCookie(c, SESSION_COOKIE, s.token, { ...cookieBase, maxAge: SESSION_HOURS * 3600 });
        deleteCookie(c, PRE_CSRF_COOKIE, { path: '/' });
        return { user: s.actor, csrf: s.csrf, expiresAt: s.expiresAt };
      },
    }),
    route({
      method: 'delete', path: '/session', summary: 'Sign out', access: 'session',
      handler: async ({ c, ip }) => {
        await auth.logout(getCookie(c, SESSION_COOKIE)!, ip);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return { ok: true };
      },
    }),
    route({
      method: 'get', path: '/channels', summary: 'Channels with their review levels', access: ANY_ROLE,
      handler: async () => (await reader.frame()).channels,
    }),
    route({
      method: 'get', path: '/desk', summary: 'Desk queues per stage, with counts, of the articles the caller works on', access: ANY_ROLE,
      handler: async ({ actor }) => newsroom.desk(actor!),
    }),
    route({
      method: 'post', path: '/articles', summary: 'Create a draft', access: WRITER_ROLES, body: articleDraftSchema, status: 201,
      handler: async ({ actor, body, ip }) => newsroom.create(actor!, body, ip),
    }),
    route({
      method: 'get', path: '/articles/:id', summary: 'An article with what the caller may do with it and any correction waiting (403 unless the caller works on it)', access: ANY_ROLE,
      handler: async ({ actor, params }) => newsroom.view(actor!, idParam(params['id'])),
    }),
    route({
      method: 'put', path: '/articles/:id', summary: 'Save a new revision (409 with the changes if baseRevision is stale); a change after a signature clears the signatures and returns it to review', access: WRITER_ROLES, body: saveBody,
      handler: async ({ actor, params, body, ip }) => {
        const { baseRevision, ...draft } = body;
        return newsroom.save(actor!, idParam(params['id']), draft, baseRevision, ip);
      },
    }),
    route({
      method: 'post', path: '/articles/:id/correct', summary: 'Propose a correction of a published article, with the note readers will see once someone else approves it', access: REVIEWER_ROLES, body: correctBody,
      handler: async ({ actor, params, body, ip }) => {
        const { baseRevision, note, ...draft } = body;
        return newsroom.correct(actor!, idParam(params['id']), draft, baseRevision, note, ip);
      },
    }),
    ...([['submit', WRITER_ROLES, 'Workflow: submit'], ['approve', REVIEWER_ROLES, 'Workflow: approve the next level, or the waiting correction'], ['unschedule', REVIEWER_ROLES, 'Workflow: unschedule'], ['reopen', REVIEWER_ROLES, 'Workflow: reopen']] as const).map(([type, access, summary]) =>
      route({
        method: 'post', path: `/articles/:id/${type}`, summary, access, query: seenQuery,
        handler: async ({ actor, params, ip, query }) => newsroom.act(actor!, idParam(params['id']), { type }, ip, query),
      }),
    ),
    ...([['return', REVIEWER_ROLES, 'Workflow: return to the author, or drop the waiting correction, with a reason'], ['withdraw', WITHDRAW_ROLES, 'Workflow: withdraw at once, with a reason']] as const).map(([type, access, summary]) =>
      route({
        method: 'post', path: `/articles/:id/${type}`, summary, access, body: reason, query: seenQuery,
        handler: async ({ actor, params, body, ip, query }) => newsroom.act(actor!, idParam(params['id']), { type, reason: body.reason }, ip, query),
      }),
    ),
    route({
      method: 'post', path: '/articles/:id/publish', summary: 'Publish now, or at a time (scheduled; embargoed until then)', access: REVIEWER_ROLES, body: publishBody, query: seenQuery,
      handler: async ({ actor, params, body, ip, query }) => newsroom.act(actor!, idParam(params['id']), { type: 'publish', at: body.at ?? null }, ip, query),
    }),
    route({
      method: 'get', path: '/articles/:id/revisions', summary: 'Revision history (its authors and reviewers)', access: WRITER_ROLES,
      handler: async ({ actor, params }) => newsroom.revisions(actor!, idParam(params['id'])),
    }),
    route({
      method: 'get', path: '/articles/:id/diff', summary: 'Differences between two revisions (its authors and reviewers)', access: WRITER_ROLES, query: diffQuery,
      handler: async ({ actor, params, query }) => newsroom.diff(actor!, idParam(params['id']), query.from, query.to),
    }),
    route({
      method: 'get', path: '/articles/:id/audit', summary: 'Audit trail of one article, without entries of desks the caller is not on', access: TRAIL_READERS, query: auditQuery,
      handler: async ({ actor, params, query }) => newsroom.audit(actor!, { articleId: idParam(params['id']), limit: query.limit, ...(query.before ? { beforeId: query.before } : {}) }),
    }),
    route({
      method: 'get', path: '/audit', summary: 'Site-wide audit log, without entries of desks the caller is not on', access: SITE_AUDIT_ROLES, query: auditQuery,
      handler: async ({ actor, query }) => newsroom.audit(actor!, { limit: query.limit, ...(query.before ? { beforeId: query.before } : {}) }),
    }),
    route({
      method: 'post', path: '/preview', summary: 'The article page as readers will see it, in both scripts', access: WRITER_ROLES, body: articleDraftSchema,
      handler: async ({ body }) => {
        const frame = await reader.frame();
        const now = new Date().toISOString();
        const bodyHtml = cleanBody(body.bodyHtml);
        const pictures = await reader.pictures([body.leadImageId, ...bodyMediaIds(bodyHtml)]);
        const article: Article = {
          // Cleaned as a save would clean it, so the preview shows what readers will get.
          ...body, bodyHtml, id: 0, uri: 'preview', status: 'published', publishedAt: now, revision: 0,
          createdAt: now, updatedAt: now, createdBy: null, reviewLevels: 1, signatures: [], statusReason: null, corrections: [],
        };
        return Object.fromEntries(VARIANTS.map((v) => [v, articlePage(renderContext(frame, v, deps.publicUrl, article.lockedTerms), { ...frame, article, pictures })]));
      },
    }),
    route({
      method: 'get', path: '/terms', summary: 'The site\'s conversion dictionary', access: [...WRITER_ROLES, 'admin'],
      handler: async () => terms.list(),
    }),
    route({
      method: 'get', path: '/terms/preview', summary: 'How the converter writes a Simplified term without the dictionary', access: [...WRITER_ROLES, 'admin'],
      query: z.object({ hans: z.string().trim().min(1).max(40) }),
      handler: async ({ query }) => terms.preview(query.hans),
    }),
    route({
      method: 'post', path: '/terms', summary: 'Add or replace a dictionary entry (takes effect on the next render of every page)', access: EDITORS, body: siteTermSchema,
      handler: async ({ actor, body, ip }) => terms.put(actor!, body, ip),
    }),
    route({
      method: 'delete', path: '/terms/:id', summary: 'Remove a dictionary entry', access: EDITORS,
      handler: async ({ actor, params, ip }) => {
        await terms.remove(actor!, idParam(params['id']), ip);
        return { ok: true };
      },
    }),
    route({
      method: 'get', path: '/licensees', summary: 'Licensees with their agreements, states and keys (prefixes only)', access: RIGHTS,
      handler: async () => rights.overview(),
    }),
    route({
      method: 'post', path: '/licensees', summary: 'Register a licensee with an agreement; the API key is in this answer only', access: RIGHTS, status: 201,
      body: z.object({ name: z.string().trim().min(1).max(200), contact: z.string().trim().max(200).nullish(), certificateNo: z.string().trim().max(60).nullish(), scope: agreementScopeSchema, keyExpiresAt: z.string().datetime({ offset: true }).nullish() }),
      handler: async ({ actor, body, ip }) => rights.addLicensee(body, actx(actor!, ip)),
    }),
    route({
      method: 'post', path: '/licensees/:id/revoke', summary: 'Revoke every agreement and key of a licensee', access: RIGHTS,
      handler: async ({ actor, params, ip }) => ({ revoked: await rights.revokeLicensee(idParam(params['id']), actx(actor!, ip)) }),
    }),
    route({
      method: 'post', path: '/agreements/:id/rotate-key', summary: 'A new API key for an agreement (the old ones stop at once); shown once', access: RIGHTS,
      body: z.object({ expiresAt: z.string().datetime({ offset: true }).nullish() }),
      handler: async ({ actor, params, body, ip }) => rights.rotateKey(idParam(params['id']), body.expiresAt ?? null, actx(actor!, ip)),
    }),
    route({
      method: 'get', path: '/licensees/:id/usage', summary: 'Content API use per day: requests, items, refusals (?format=csv for CSV)', access: RIGHTS,
      handler: async ({ params, c }) => {
        const rows = await rights.usage(idParam(params['id']));
        if (c.req.query('format') !== 'csv') return rows;
        const csv = ['day,requests,items,refused', ...rows.map((r) => `${r.day},${r.requests},${r.items},${r.refused}`)].join('\n') + '\n';
        return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="usage-${params['id']}.csv"` });
      },
    }),
    route({
      method: 'get', path: '/claims', summary: 'The claims desk', access: RIGHTS, query: z.object({ status: z.enum(CLAIM_STATUSES).optional() }),
      handler: async ({ query }) => claims.list(query.status),
    }),
    route({
      method: 'get', path: '/claims/:id', summary: 'One claim with its evidence list', access: RIGHTS,
      handler: async ({ params }) => claims.get(idParam(params['id'])),
    }),
    ...CLAIM_ACTIONS.map((action) =>
      route({
        method: 'post', path: `/claims/:id/${action}`, summary: `Claims desk: ${action} (take-down withdraws the article everywhere)`, access: RIGHTS,
        body: z.object({ note: z.string().trim().max(2000).nullish() }),
        handler: async ({ actor, params, body, ip }) => claims.act(actor!, idParam(params['id']), action, body.note ?? null, ip),
      }),
    ),
    route({
      method: 'get', path: '/claims/:id/files/:file', summary: 'An evidence file, as a download (never shown as a page)', access: RIGHTS,
      handler: async ({ params, c }) => download(c, await claims.evidence(idParam(params['id']), idParam(params['file']))),
    }),
    route({
      method: 'get', path: '/front-page', summary: 'The front page: 頭條, 推薦 and 專題', access: EDITORS,
      handler: async () => frontPage.get(),
    }),
    route({
      method: 'put', path: '/front-page', summary: 'Set 頭條 and 推薦 (article ids)', access: EDITORS, body: slotsSchema,
      handler: async ({ actor, body, ip }) => frontPage.setSlots(actor!, body, ip),
    }),
    route({
      method: 'post', path: '/topics', summary: 'Create or replace a 專題 (special topic) by slug', access: EDITORS, body: topicSchema,
      handler: async ({ actor, body, ip }) => frontPage.putTopic(actor!, body, ip),
    }),
    route({
      method: 'delete', path: '/topics/:slug', summary: 'Remove a 專題', access: EDITORS,
      handler: async ({ actor, params, ip }) => {
        await frontPage.deleteTopic(actor!, params['slug'] ?? '', ip);
        return { ok: true };
      },
    }),
    route({
      method: 'get', path: '/tips', summary: 'The inbox of reader tips, with counts per status', access: NEWSROOM, query: z.object({ status: z.enum(TIP_STATUSES).optional() }),
      handler: async ({ actor, query }) => ({ counts: await tips.counts(), tips: await tips.list(actor!, query.status) }),
    }),
    route({
      method: 'get', path: '/tips/:id', summary: 'One tip with its files', access: NEWSROOM,
      handler: async ({ params }) => tips.get(idParam(params['id'])),
    }),
    route({
      method: 'post', path: '/tips/:id/status', summary: 'Mark a tip: reviewing, used or dismissed (audited)', access: NEWSROOM, body: z.object({ status: z.enum(TIP_STATUSES) }),
      handler: async ({ actor, params, body, ip }) => tips.setStatus(actor!, idParam(params['id']), body.status, ip),
    }),
    route({
      method: 'get', path: '/tips/:id/files/:file', summary: 'A file sent with a tip, as a download', access: NEWSROOM,
      handler: async ({ params, c }) => download(c, await tips.evidence(idParam(params['id']), idParam(params['file']))),
    }),
    route({
      method: 'get', path: '/settings', summary: 'The site\'s settings (name, contacts, operator, statement, claim window, script, time zone)', access: ['admin'],
      handler: async () => settings.get(),
    }),
    route({
      method: 'put', path: '/settings', summary: 'Change site settings (audited; every page shows them on its next render)', access: ['admin'], body: settingsPatchSchema,
      handler: async ({ actor, body, ip }) => settings.update(actx(actor!, ip), body),
    }),
    route({
      method: 'get', path: '/users', summary: 'Newsroom accounts', access: ['admin'],
      handler: async () => users.list(),
    }),
    route({
      method: 'post', path: '/users', summary: 'Create an account (returns a generated password once if none is given)', access: ['admin'], body: userBody, status: 201,
      handler: async ({ actor, body, ip }) => users.create(actor!, body, ip),
    }),
    route({
      method: 'put', path: '/users/:id/roles', summary: 'Change roles (audited)', access: ['admin'], body: z.object({ roles: z.array(z.enum(ROLES)) }),
      handler: async ({ actor, params, body, ip }) => users.setRoles(actor!, idParam(params['id']), body.roles, ip),
    }),
    route({
      method: 'put', path: '/users/:id/password', summary: 'Set a new password, ending the user\'s sessions: your own with currentPassword (403 CURRENT_PASSWORD_WRONG, counted as a failed login), anyone\'s as an admin', access: 'session', body: passwordBody,
      handler: async ({ actor, params, body, ip }) => {
        await users.setPassword(actor!, idParam(params['id']), body, ip);
        return { ok: true };
      },
    }),
  ];
}
