import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from './ports.ts';
import { articleInputSchema, RIGHTS_CLASSES, type ArticleInput, type RightsClass } from '../domain/article.ts';
import { DomainError } from '../domain/errors.ts';
import type { SiteSettings } from '../domain/site-settings.ts';
import { sql } from 'kysely';
import type { KyselyStore } from './kysely-store.ts';
import fc from 'fast-check';
import { licensedPage } from './kysely-articles.ts';
import { scopeRefusal, type Use } from '../domain/rights.ts';

/**
 * What every store must do, written once. Each dialect's test file calls this with a fresh,
 * empty, migrated store; nothing here knows which database it talks to.
 */
const SYSTEM = { actorId: null, actorLogin: 'test' };

export function storeContract(name: string, open: () => Promise<Store>, close: (s: Store) => Promise<void>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await store.migrate();
      await store.migrate(); // a second run must be a no-op
      await store.channels.upsert({ slug: 'changchun', name: '长春', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 1, reviewLevels: 2 });
      await store.channels.upsert({ slug: 'yanbian', name: '延边', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 2, reviewLevels: 2 });
    });
    after(async () => close(store));

    const input = (over: Partial<Record<keyof ArticleInput, unknown>> = {}): ArticleInput =>
      articleInputSchema.parse({
        language: 'zh-Hans',
        headline: '长春新开通一条公交线路',
        bodyHtml: '<p>正文第一段。</p>',
        rightsClass: 'original',
        channels: ['changchun'],
        tags: ['公交', '民生'],
        status: 'published',
        publishedAt: '2026-11-28T02:00:00Z',
        ...over,
      });

    test('settings round-trip and start empty', async () => {
      assert.equal(await store.settings.get(), null);
      const s: SiteSettings = {
        language: 'zh-Hant', siteName: '黑土網', tagline: '', operator: '營運者', marketingAgent: '', claimWindowDays: 30, feedFullText: true, hotline: '0431-0000000', email: 'news@example.org',
        timeZone: 'Asia/Shanghai', defaultScript: 'zh-Hant', creditLine: '來源:黑土網', statementTitle: '聲明',
        copyrightClauses: ['一', '二'], reprintDisclaimer: '不代表本網觀點',
      };
      await store.settings.put(s);
      assert.deepEqual(await store.settings.get(), s);
      await store.settings.put({ ...s, hotline: '0431-1111111' });
      assert.equal((await store.settings.get())?.hotline, '0431-1111111');
    });

    test('channels upsert by slug and list in order', async () => {
      await store.channels.upsert({ slug: 'yanbian', name: '延边州', language: 'zh-Hans', kind: 'region', parentSlug: null, position: 2, reviewLevels: 2 });
      const list = await store.channels.list();
      assert.deepEqual(list.map((c) => [c.slug, c.name]), [['changchun', '长春'], ['yanbian', '延边州']]);
      assert.equal((await store.channels.bySlug('nowhere')), null);
    });

    test('create stores every field and reads it back', async () => {
      const a = await store.articles.create(
        input({
          uri: 'urn:test:one',
          originalHeadline: '原题',
          summary: '摘要',
          dateline: { place: '长春', source: '黑土网', date: '2026-11-28', kind: '讯', text: null },
          byline: '记者 王一',
          sourceName: '黑土网',
          editorName: '编辑甲',
          responsibleEditorName: '责编乙',
          channels: ['yanbian', 'changchun'],
        }),
        SYSTEM,
      );
      assert.ok(a.id > 0);
      assert.equal(a.revision, 1);
      const back = await store.articles.byId(a.id);
      assert.deepEqual(back, a);
      assert.equal(back?.uri, 'urn:test:one');
      assert.deepEqual(back?.channels, ['yanbian', 'changchun']);
      assert.deepEqual(back?.tags, ['公交', '民生']);
      assert.equal(back?.publishedAt, '2026-11-28T02:00:00.000Z');
      assert.deepEqual(await store.articles.byUri('urn:test:one'), a);
      assert.equal(await store.articles.byId(999999), null);
    });

    test('an unknown channel refuses the whole article', async () => {
      const before = await store.articles.count();
      await assert.rejects(store.articles.create(input({ channels: ['changchun', 'atlantis'] }), SYSTEM), (e: unknown) => e instanceof DomainError && e.code === 'VALIDATION_FAILED');
      assert.equal(await store.articles.count(), before);
    });

    test('update checks the revision and never overwrites a newer save', async () => {
      const a = await store.articles.create(input({ headline: '初稿标题' }), SYSTEM);
      const b = await store.articles.update(a.id, input({ headline: '第二稿', tags: ['新'] }), 1, SYSTEM);
      assert.equal(b.revision, 2);
      assert.deepEqual(b.tags, ['新']);
      await assert.rejects(
        store.articles.update(a.id, input({ headline: '过时的稿子' }), 1, SYSTEM),
        (e: unknown) => e instanceof DomainError && e.code === 'ARTICLE_STALE_REVISION',
      );
      assert.equal((await store.articles.byId(a.id))?.headline, '第二稿');
      await assert.rejects(store.articles.update(987654, input(), 1, SYSTEM), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
    });

    test('lists published articles newest first, by channel, hiding drafts and the future', async () => {
      const asOf = '2026-11-29T00:00:00.000Z';
      const old = await store.articles.create(input({ headline: '旧闻', publishedAt: '2026-11-20T00:00:00Z', channels: ['yanbian'] }), SYSTEM);
      const fresh = await store.articles.create(input({ headline: '新闻', publishedAt: '2026-11-28T12:00:00Z', channels: ['yanbian'] }), SYSTEM);
      await store.articles.create(input({ headline: '草稿', status: 'draft', publishedAt: null, channels: ['yanbian'] }), SYSTEM);
      await store.articles.create(input({ headline: '明天', publishedAt: '2026-11-30T00:00:00Z', channels: ['yanbian'] }), SYSTEM);
      const list = await store.articles.listPublished({ channel: 'yanbian', limit: 10, asOf });
      const yanbianFirst = list.filter((x) => x.id === fresh.id || x.id === old.id).map((x) => x.headline);
      assert.deepEqual(yanbianFirst, ['新闻', '旧闻']);
      assert.ok(!list.some((x) => x.headline === '草稿' || x.headline === '明天'));
      assert.deepEqual(list.find((x) => x.id === fresh.id)?.channels, ['yanbian']);
      const n = await store.articles.countPublished({ channel: 'yanbian', asOf });
      assert.equal(n, list.length);
      const page2 = await store.articles.listPublished({ channel: 'yanbian', limit: 1, offset: 1, asOf });
      assert.equal(page2[0]?.id, list[1]?.id);
      const all = await store.articles.countPublished({ asOf });
      assert.ok(all > n);
    });

    test('ids page through the archive in order', async () => {
      const total = await store.articles.count();
      const seen: number[] = [];
      let after = 0;
      for (;;) {
        const ids = await store.articles.idsAfter(after, 2);
        if (ids.length === 0) break;
        seen.push(...ids);
        after = ids[ids.length - 1]!;
      }
      assert.equal(seen.length, total);
      assert.deepEqual([...seen].sort((x, y) => x - y), seen);
    });

    test('content version moves on every write', async () => {
      const v1 = await store.contentVersion();
      await store.articles.create(input(), SYSTEM);
      const v2 = await store.contentVersion();
      assert.ok(v2 > v1);
    });

    test('every save is a revision with its author; any revision reads back', async () => {
      const u = await store.users.create({ login: `writer-${name}`, displayName: '写稿人', passwordHash: 'x', roles: ['reporter'] }, SYSTEM);
      const ctx = { actorId: u.id, actorLogin: u.login };
      const a = await store.articles.create(input({ headline: '第一版', status: 'draft', publishedAt: null }), ctx, { createdBy: u.id });
      await store.articles.update(a.id, input({ headline: '第二版', status: 'draft', publishedAt: null }), 1, { actorId: 999, actorLogin: 'other' });
      const revs = await store.articles.revisions(a.id);
      assert.deepEqual(revs.map((r) => [r.revision, r.authorId, r.authorName]), [[2, 999, null], [1, u.id, '写稿人']]);
      assert.equal((await store.articles.revision(a.id, 1))?.headline, '第一版');
      assert.equal((await store.articles.revision(a.id, 2))?.headline, '第二版');
      assert.equal(await store.articles.revision(a.id, 3), null);
      assert.deepEqual(await store.articles.authorIds(a.id), [u.id, 999].sort((x, y) => x - y));
      const log = await store.audit.list({ articleId: a.id, limit: 10 });
      assert.deepEqual(log.map((e) => e.action), ['article.save', 'article.create']);
      assert.equal(log[1]?.actorLogin, u.login);
    });

    test('transitions are conditional on the status; a level is signed once', async () => {
      const a = await store.articles.create(input({ status: 'submitted', publishedAt: null }), SYSTEM);
      const sig = { level: 1 as const, userId: 42, name: '编辑甲' };
      const t1 = await store.articles.transition(a.id, 'submitted', { status: 'in_review', reviewLevels: 2, signature: sig, editorName: '编辑甲' }, SYSTEM, { action: 'article.approve' });
      assert.equal(t1.status, 'in_review');
      assert.equal(t1.editorName, '编辑甲');
      assert.deepEqual(t1.signatures.map((x) => [x.level, x.userId, x.name]), [[1, 42, '编辑甲']]);
      await assert.rejects(
        store.articles.transition(a.id, 'submitted', { status: 'in_review', signature: sig }, SYSTEM, { action: 'article.approve' }),
        (e: unknown) => e instanceof DomainError && e.code === 'WORKFLOW_CONFLICT',
      );
      await assert.rejects(
        store.articles.transition(a.id, 'in_review', { status: 'in_review', signature: { ...sig, userId: 43 } }, SYSTEM, { action: 'article.approve' }),
        (e: unknown) => e instanceof DomainError && e.code === 'WORKFLOW_CONFLICT',
      );
      assert.equal((await store.articles.byId(a.id))?.signatures.length, 1);
      const back = await store.articles.transition(a.id, 'in_review', { status: 'returned', clearSignatures: true, statusReason: '请补充数据' }, SYSTEM, { action: 'article.return' });
      assert.deepEqual([back.status, back.signatures.length, back.statusReason], ['returned', 0, '请补充数据']);
      const audit = await store.audit.list({ articleId: a.id, limit: 5 });
      assert.deepEqual(audit[0]?.detail, { from: 'in_review', to: 'returned', revision: 1 });
    });

    test('corrections add a new revision and a dated note', async () => {
      const a = await store.articles.create(input(), SYSTEM);
      const c = await store.articles.correct(a.id, input({ headline: '更正后' }), 1, '地名有误', SYSTEM);
      assert.equal(c.revision, 2);
      assert.deepEqual(c.corrections.map((x) => [x.note, x.revision]), [['地名有误', 2]]);
      await assert.rejects(store.articles.correct(a.id, input(), 1, 'x', SYSTEM), (e: unknown) => e instanceof DomainError && e.code === 'ARTICLE_STALE_REVISION');
      assert.equal((await store.articles.byId(a.id))?.corrections.length, 1);
    });

    test('a proposed correction waits apart from the live text until it is applied', async () => {
      const writer = await store.users.create({ login: `corrector-${name}`, displayName: '更正人', passwordHash: 'x', roles: ['editor'] }, SYSTEM);
      const ctx = { actorId: writer.id, actorLogin: writer.login };
      const a = await store.articles.create(input({ headline: '原标题' }), SYSTEM);
      const p = await store.articles.proposeCorrection(a.id, input({ headline: '更正标题', channels: ['yanbian'] }), 1, '标题有误', ctx);
      assert.deepEqual([p.articleId, p.baseRevision, p.article.headline, p.note, p.authorId, p.authorName], [a.id, 1, '更正标题', '标题有误', writer.id, '更正人']);
      const live = await store.articles.byId(a.id);
      assert.deepEqual([live?.headline, live?.revision, live?.channels, live?.corrections.length, live?.updatedAt], ['原标题', 1, ['changchun'], 0, a.updatedAt]);
      assert.deepEqual(await store.articles.pendingCorrection(a.id), p);
      assert.equal((await store.articles.desk({ statuses: ['published'], withCorrection: true, limit: 100 })).find((d) => d.id === a.id)?.correctionPending, true);
      assert.equal((await store.articles.countByStatus({ withCorrection: true })).published, 1);
      // The same author replaces it; someone else, a stale base or an unpublished article are refused.
      const p2 = await store.articles.proposeCorrection(a.id, input({ headline: '再次更正' }), 1, '标题有误', ctx);
      assert.notEqual(p2.id, p.id);
      const refused = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code;
      await assert.rejects(store.articles.proposeCorrection(a.id, input(), 1, 'x', { actorId: 4242, actorLogin: 'other' }), refused('WORKFLOW_CONFLICT'));
      await assert.rejects(store.articles.proposeCorrection(a.id, input(), 2, 'x', ctx), refused('ARTICLE_STALE_REVISION'));
      const draft = await store.articles.create(input({ status: 'draft', publishedAt: null }), SYSTEM);
      await assert.rejects(store.articles.proposeCorrection(draft.id, input(), 1, 'x', ctx), refused('WORKFLOW_CONFLICT'));
      await assert.rejects(store.articles.applyCorrection(a.id, p.id, SYSTEM), refused('WORKFLOW_CONFLICT'));
      // Applied: a new revision written by its author, the note, the publish time kept; only once.
      const approver = { actorId: 4343, actorLogin: 'approver' };
      const done = await store.articles.applyCorrection(a.id, p2.id, approver);
      assert.deepEqual([done.headline, done.revision, done.status, done.publishedAt, done.corrections.map((c) => [c.note, c.revision])], ['再次更正', 2, 'published', a.publishedAt, [['标题有误', 2]]]);
      assert.equal((await store.articles.revisions(a.id))[0]?.authorId, writer.id);
      assert.equal(await store.articles.pendingCorrection(a.id), null);
      await assert.rejects(store.articles.applyCorrection(a.id, p2.id, approver), refused('WORKFLOW_CONFLICT'));
      const log = await store.audit.list({ articleId: a.id, limit: 3 });
      assert.deepEqual(log.map((e) => [e.action, e.actorLogin]), [['article.correction_approved', 'approver'], ['article.correct', writer.login], ['article.correct', writer.login]]);
    });

    test('a withdrawal drops a waiting correction; dropping a named one that was replaced is a conflict', async () => {
      const ctx = { actorId: 5151, actorLogin: 'corrector' };
      const a = await store.articles.create(input(), SYSTEM);
      const p = await store.articles.proposeCorrection(a.id, input({ headline: '待批更正' }), 1, '更正', ctx);
      await assert.rejects(
        store.articles.transition(a.id, 'published', { status: 'published', discardCorrection: p.id + 1000 }, SYSTEM, { action: 'article.correction_returned' }),
        (e: unknown) => e instanceof DomainError && e.code === 'WORKFLOW_CONFLICT',
      );
      assert.ok(await store.articles.pendingCorrection(a.id));
      const w = await store.articles.transition(a.id, 'published', { status: 'withdrawn', discardCorrection: 'any', statusReason: '撤稿' }, SYSTEM, { action: 'article.withdraw' });
      assert.equal(w.status, 'withdrawn');
      assert.equal(await store.articles.pendingCorrection(a.id), null);
      await assert.rejects(store.articles.applyCorrection(a.id, p.id, SYSTEM), (e: unknown) => e instanceof DomainError && e.code === 'WORKFLOW_CONFLICT');
    });

    test('a save can move the workflow with it, only from the status it was decided on', async () => {
      const a = await store.articles.create(input({ status: 'approved', publishedAt: null }), SYSTEM);
      await store.articles.transition(a.id, 'approved', { status: 'approved', signature: { level: 1, userId: 42, name: '编辑甲' } }, SYSTEM, { action: 'article.approve' });
      await assert.rejects(
        store.articles.update(a.id, input({ headline: '改过', status: 'submitted', publishedAt: null }), 1, SYSTEM, undefined, { expectedStatus: 'in_review', reviewLevels: 3, clearSignatures: true }),
        (e: unknown) => e instanceof DomainError && e.code === 'WORKFLOW_CONFLICT',
      );
      assert.equal((await store.articles.byId(a.id))?.signatures.length, 1);
      const b = await store.articles.update(a.id, input({ headline: '改过', status: 'submitted', publishedAt: null }), 1, SYSTEM, undefined, { expectedStatus: 'approved', reviewLevels: 3, clearSignatures: true });
      assert.deepEqual([b.status, b.reviewLevels, b.signatures.length, b.revision], ['submitted', 3, 0, 2]);
      // A transition decided on an older revision is refused.
      await assert.rejects(
        store.articles.transition(a.id, 'submitted', { status: 'in_review', expectedRevision: 1, signature: { level: 1, userId: 42, name: '编辑甲' } }, SYSTEM, { action: 'article.approve' }),
        (e: unknown) => e instanceof DomainError && e.code === 'WORKFLOW_CONFLICT',
      );
      assert.equal((await store.articles.byId(a.id))?.signatures.length, 0);
    });

    test('scheduled articles publish once when due, even with two runners at the same time', async () => {
      const due = await store.articles.create(input({ status: 'scheduled', publishedAt: '2026-11-29T00:00:00Z' }), SYSTEM);
      const later = await store.articles.create(input({ status: 'scheduled', publishedAt: '2099-01-01T00:00:00Z' }), SYSTEM);
      assert.ok((await store.articles.nextScheduled())! <= '2026-11-29T00:00:00.000Z');
      const [a, b] = await Promise.all([store.articles.publishDue('2026-11-30T00:00:00.000Z'), store.articles.publishDue('2026-11-30T00:00:00.000Z')]);
      const all = [...a, ...b];
      assert.equal(all.filter((id) => id === due.id).length, 1);
      assert.ok(!all.includes(later.id));
      assert.equal((await store.articles.byId(due.id))?.status, 'published');
      assert.equal((await store.articles.byId(later.id))?.status, 'scheduled');
      assert.equal((await store.audit.list({ articleId: due.id, limit: 1 }))[0]?.action, 'article.publish_due');
    });

    test('the desk lists by status and counts', async () => {
      const mine = await store.articles.create(input({ status: 'draft', publishedAt: null }), SYSTEM, { createdBy: 7777 });
      const desk = await store.articles.desk({ statuses: ['draft'], createdBy: 7777, limit: 10 });
      assert.deepEqual(desk.map((d) => d.id), [mine.id]);
      const counts = await store.articles.countByStatus({ createdBy: 7777 });
      assert.deepEqual(counts, { draft: 1 });
      const all = await store.articles.countByStatus();
      assert.ok((all.published ?? 0) > 0);
    });

    test('users, roles and sessions', async () => {
      const u = await store.users.create({ login: `editor-${name}`, displayName: '编辑乙', passwordHash: 'h1', roles: ['editor', 'responsible_editor'] }, SYSTEM);
      assert.deepEqual(u.roles, ['editor', 'responsible_editor']);
      await assert.rejects(
        store.users.create({ login: `editor-${name}`, displayName: 'x', passwordHash: 'h', roles: [] }, SYSTEM),
        (e: unknown) => e instanceof DomainError && e.code === 'USER_EXISTS',
      );
      assert.equal((await store.users.byLogin(`editor-${name}`))?.passwordHash, 'h1');
      assert.deepEqual((await store.users.setRoles(u.id, ['chief_editor'], SYSTEM)).roles, ['chief_editor']);
      assert.equal((await store.users.setDisplayName(u.id, '编辑丙', SYSTEM)).displayName, '编辑丙');
      await store.sessions.create({ id: `s-${name}`, userId: u.id, csrf: 'c', createdAt: '2026-11-30T00:00:00Z', expiresAt: '2026-12-01T00:00:00Z', ip: '127.0.0.1' });
      await store.sessions.create({ id: `old-${name}`, userId: u.id, csrf: 'c', createdAt: '2026-11-01T00:00:00Z', expiresAt: '2026-11-02T00:00:00Z', ip: null });
      assert.equal((await store.sessions.get(`s-${name}`))?.userId, u.id);
      assert.equal(await store.sessions.deleteExpired('2026-11-30T00:00:00Z'), 1);
      assert.equal(await store.sessions.get(`old-${name}`), null);
      await store.users.setPassword(u.id, 'h2', SYSTEM);
      assert.equal(await store.sessions.get(`s-${name}`), null, 'a new password ends every session');
      const log = await store.audit.list({ limit: 4 });
      assert.deepEqual(log.map((e) => e.action), ['user.password', 'user.display_name', 'user.roles', 'user.create']);
    });

    test('the audit log leaves out whole kinds of entries before counting a page', async () => {
      const ctx = { actorId: null, actorLogin: `hide-${name}` };
      await store.audit.append(ctx, { action: 'claim.file', articleId: 987_001 });
      await store.audit.append(ctx, { action: 'article.save', articleId: 987_001 });
      await store.audit.append(ctx, { action: 'claim.assigned', articleId: 987_001 });
      await store.audit.append(ctx, { action: 'claims_like.x', articleId: 987_001 });
      const shown = await store.audit.list({ articleId: 987_001, limit: 2, hidePrefixes: ['claim.', 'tip.'] });
      assert.deepEqual(shown.map((e) => e.action), ['claims_like.x', 'article.save']);
      assert.equal((await store.audit.list({ articleId: 987_001, limit: 10 })).length, 4);
    });

    test('the audit log is append-only in the database itself', async () => {
      const db = (store as KyselyStore).db;
      await store.audit.append({ actorId: null, actorLogin: 'x', ip: '10.0.0.1' }, { action: 'login.failed' });
      assert.equal(await store.audit.count({ action: 'login.failed', since: '2000-01-01', ip: '10.0.0.1' }), 1);
      await assert.rejects(sql`update audit_log set action = 'forged'`.execute(db), /append-only/);
      await assert.rejects(sql`delete from audit_log`.execute(db), /append-only/);
      assert.equal(await store.audit.count({ action: 'login.failed', since: '2000-01-01', ip: '10.0.0.1' }), 1);
    });

    test('throttle: parallel takes get at most the limit, a full key takes nothing, windows restart', async () => {
      const [t0, t1, t2] = ['2026-11-30T10:00:00.000Z', '2026-11-30T10:05:00.000Z', '2026-11-30T10:20:00.000Z'];
      const before = '2026-11-30T09:45:00.000Z';
      const take = (login: string, now = t1, after = before) => store.throttle.take([{ key: `login:${login}`, limit: 5 }, { key: 'ip:10.9.9.9', limit: 8 }], now, after);
      const first = await store.throttle.take([{ key: 'login:x', limit: 5 }], t0, before);
      assert.deepEqual(first, [{ key: 'login:x', windowStart: t0 }]);
      const parallel = await Promise.all(Array.from({ length: 20 }, () => take('x')));
      assert.equal(parallel.filter(Boolean).length, 4, 'five in all, one taken before');
      // The address counted only the four that got through: four more logins fill it.
      const others = await Promise.all(Array.from({ length: 6 }, (_, i) => take(`y${i}`)));
      assert.equal(others.filter(Boolean).length, 4);
      // A slot given back can be taken again, once.
      await store.throttle.release([first![0]!]);
      assert.ok(await store.throttle.take([{ key: 'login:x', limit: 5 }], t1, before));
      assert.equal(await store.throttle.take([{ key: 'login:x', limit: 5 }], t1, before), null);
      // After the window, the count starts over.
      assert.deepEqual(await store.throttle.take([{ key: 'login:x', limit: 5 }], t2, t1), [{ key: 'login:x', windowStart: t2 }]);
      await store.throttle.prune(t1);
      assert.deepEqual(await take('y0', t2, t1), [{ key: 'login:y0', windowStart: t2 }, { key: 'ip:10.9.9.9', windowStart: t2 }]);
    });

    test('search: either script finds either script, ranked, filtered, and nothing unpublished', async () => {
      const mk = (over: Record<string, unknown>) => store.articles.create(input({ channels: ['yanbian'], tags: [], ...over }), SYSTEM);
      const asOf = '2026-11-30T00:00:00.000Z';
      const hant = await mk({ language: 'zh-Hant', headline: '延吉冰燈節今晚開幕', bodyHtml: '<p>延吉市的冰燈節吸引了許多遊客。</p>', publishedAt: '2026-11-29T10:00:00Z' });
      const hans = await mk({ headline: '图们江畔的冰灯', bodyHtml: '<p>冰灯节期间,图们江畔也布置了冰灯。</p>', publishedAt: '2026-11-20T10:00:00Z' });
      const weak = await mk({ headline: '延边天气', bodyHtml: '<p>周末有雪,冰灯节照常。</p><p>天气寒冷。</p><p>注意保暖。</p>', publishedAt: '2026-11-29T11:00:00Z' });
      const draft = await mk({ headline: '冰灯节草稿', status: 'draft', publishedAt: null });
      const future = await mk({ headline: '冰灯节明天', publishedAt: '2026-12-05T00:00:00Z' });
      const other = await mk({ headline: '长春冰灯节', channels: ['changchun'], publishedAt: '2026-11-29T09:00:00Z' });
      const r = await store.search.query({ terms: ['冰灯'], asOf, limit: 10, offset: 0 });
      const ids = r.hits.map((h) => h.id);
      for (const a of [hant, hans, weak, other]) assert.ok(ids.includes(a.id), `missing ${a.headline}`);
      assert.ok(!ids.includes(draft.id) && !ids.includes(future.id), 'unpublished article found');
      assert.equal(r.total, ids.length);
      // A headline match outranks a passing mention in the body.
      assert.ok(ids.indexOf(hant.id) < ids.indexOf(weak.id));
      const scores = r.hits.map((h) => h.score);
      assert.deepEqual([...scores].sort((a, b) => b - a), scores);
      // All words must match.
      const both = await store.search.query({ terms: ['延吉', '冰灯'], asOf, limit: 10, offset: 0 });
      assert.deepEqual(both.hits.map((h) => h.id), [hant.id]);
      // Filters: channel, date range; paging keeps the total.
      const inChangchun = await store.search.query({ terms: ['冰灯'], channels: ['changchun'], asOf, limit: 10, offset: 0 });
      assert.deepEqual(inChangchun.hits.map((h) => h.id), [other.id]);
      const range = await store.search.query({ terms: ['冰灯'], from: '2026-11-19T00:00:00Z', to: '2026-11-21T00:00:00Z', asOf, limit: 10, offset: 0 });
      assert.deepEqual(range.hits.map((h) => h.id), [hans.id]);
      const page2 = await store.search.query({ terms: ['冰灯'], asOf, limit: 1, offset: 1 });
      assert.equal(page2.total, r.total);
      assert.equal(page2.hits[0]?.id, r.hits[1]?.id);
      assert.deepEqual(await store.search.query({ terms: ['不存在的词语xyz'], asOf, limit: 10, offset: 0 }), { hits: [], total: 0 });
      // Words that look like query syntax are just words.
      for (const odd of ['"', "'", 'and', 'or', 'near', '*', '\\', ':', '(']) await store.search.query({ terms: [odd], asOf, limit: 5, offset: 0 });
      // An edit re-indexes; so does a reindex from scratch.
      await store.articles.update(hans.id, input({ headline: '图们江畔的雪雕', bodyHtml: '<p>雪雕展开幕。</p>', channels: ['yanbian'], tags: [], publishedAt: '2026-11-20T10:00:00Z' }), 1, SYSTEM);
      assert.ok(!(await store.search.query({ terms: ['冰灯'], asOf, limit: 10, offset: 0 })).hits.some((h) => h.id === hans.id));
      let after = 0;
      do after = await store.search.reindex(after, 50); while (after !== 0);
      assert.deepEqual((await store.search.query({ terms: ['雪雕'], asOf, limit: 10, offset: 0 })).hits.map((h) => h.id), [hans.id]);
    });

    test('a licensee\'s feed: what the agreement covers, in the order it became available, each change once, nothing embargoed skipped', async () => {
      for (const slug of ['feed-a', 'feed-b']) await store.channels.upsert({ slug, name: slug, language: 'zh-Hans', kind: 'topic', parentSlug: null, position: 9, reviewLevels: 1 });
      const scope = { channels: ['feed-a'], rights: ['reprint' as const], uses: ['reprint' as const], validFrom: '2026-01-01T00:00:00.000Z' };
      const mk = (over: Record<string, unknown>) => store.articles.create(input({ headline: '授权源', rightsClass: 'reprint', channels: ['feed-a'], publishedAt: new Date(Date.now() - 60_000).toISOString(), ...over }), SYSTEM);
      const first = await mk({});
      const otherChannel = await mk({ channels: ['feed-b'] });
      const otherClass = await mk({ rightsClass: 'exclusive' });
      const beforeAgreement = await mk({ publishedAt: '2025-06-01T00:00:00Z' });
      const draft = await mk({ status: 'draft', publishedAt: null });
      const embargoed = await mk({ publishedAt: new Date(Date.now() + 3_600_000).toISOString() });
      const second = await mk({ channels: ['feed-b', 'feed-a'] });
      const sync = async (cursor: { at: string; id: number }, asOf = new Date().toISOString()) => {
        const seen: Array<{ id: number; at: string }> = [];
        for (;;) {
          const page = await store.articles.licensedSince(scope, cursor, 1, asOf);
          if (page.length === 0) return { seen, cursor };
          seen.push(...page.map((p) => ({ id: p.article.id, at: p.availableAt })));
          cursor = { at: page.at(-1)!.availableAt, id: page.at(-1)!.article.id };
        }
      };
      const start = { at: '2000-01-01T00:00:00.000Z', id: 0 };
      const one = await sync(start);
      const mine = (xs: Array<{ id: number }>) => xs.map((x) => x.id).filter((id) => [first, otherChannel, otherClass, beforeAgreement, draft, embargoed, second].some((a) => a.id === id));
      assert.deepEqual(mine(one.seen), [first.id, second.id]);
      const withArchive = await store.articles.licensedSince({ ...scope, uses: ['reprint', 'archive'] }, start, 100, new Date().toISOString());
      assert.ok(withArchive.some((p) => p.article.id === beforeAgreement.id), 'the archive use reaches back before the agreement');
      // A correction and a withdrawal come again, after the cursor; the embargoed article comes when due.
      await store.articles.update(first.id, input({ headline: '授权源(更正)', rightsClass: 'reprint', channels: ['feed-a'], publishedAt: first.publishedAt }), first.revision, SYSTEM);
      await store.articles.transition(second.id, 'published', { status: 'withdrawn', statusReason: '撤稿' }, SYSTEM, { action: 'article.withdraw' });
      const two = await sync(one.cursor);
      assert.deepEqual(mine(two.seen), [first.id, second.id]);
      assert.equal((await store.articles.licensedSince(scope, two.cursor, 10, new Date().toISOString())).length, 0);
      const later = new Date(Date.now() + 7_200_000).toISOString();
      const three = await sync(two.cursor, later);
      assert.deepEqual(mine(three.seen), [embargoed.id]);
      assert.equal(three.seen[0]!.at, embargoed.publishedAt);
    });

    test('a licensee\'s feed is the domain\'s scope rule, on any articles, scope and cursor (both ways of reading it)', async () => {
      const db = (store as KyselyStore).db;
      const slugs = ['scope-x', 'scope-y', 'scope-z'];
      for (const slug of slugs) await store.channels.upsert({ slug, name: slug, language: 'zh-Hans', kind: 'topic', parentSlug: null, position: 9, reviewLevels: 1 });
      // Rows written as they are, so that publication and change times can be anything.
      const minute = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * 60_000).toISOString();
      const article = fc.record({
        status: fc.constantFrom('published', 'published', 'withdrawn', 'draft', 'scheduled'),
        rights: fc.constantFrom(...RIGHTS_CLASSES),
        published: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
        updated: fc.integer({ min: 0, max: 40 }),
        channels: fc.subarray(slugs),
      });
      const rows = fc.sample(article, { numRuns: 150, seed: 7 });
      for (const [i, r] of rows.entries()) {
        const published = r.status === 'draft' ? null : r.published === null ? null : minute(r.published);
        const ins = await db.insertInto('articles').values({
          uri: `urn:test:scope:${name}:${i}`, language: 'zh-Hans', headline: `范围 ${i}`, body_html: '<p>范围。</p>', rights_class: r.rights, status: r.status,
          published_at: published, revision: 1, created_at: minute(r.updated), updated_at: minute(r.updated), review_levels: 1, locked_terms: '[]',
        }).returning('id').executeTakeFirstOrThrow();
        if (r.channels.length) await db.insertInto('article_channels').values(r.channels.map((slug, position) => ({ article_id: Number(ins.id), channel_slug: slug, position }))).execute();
      }
      const everything = await db.selectFrom('articles').select(['id', 'status', 'rights_class', 'published_at', 'updated_at']).execute();
      const links = await db.selectFrom('article_channels').select(['article_id', 'channel_slug']).execute();
      const channelsOf = (id: number) => links.filter((l) => Number(l.article_id) === id).map((l) => l.channel_slug);
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            channels: fc.subarray([...slugs, 'changchun']),
            rights: fc.subarray([...RIGHTS_CLASSES], { minLength: 1 }),
            uses: fc.constantFrom(['reprint'] as Use[], ['excerpt', 'archive'] as Use[]),
            validFrom: fc.option(fc.integer({ min: 0, max: 40 }).map(minute), { nil: null }),
          }),
          fc.option(fc.record({ at: fc.integer({ min: 0, max: 40 }).map(minute), id: fc.nat({ max: 400 }) }), { nil: null }),
          fc.integer({ min: 0, max: 41 }).map(minute),
          fc.integer({ min: 1, max: 30 }),
          async (scope, after, asOf, limit) => {
            const cursor = after ?? { at: '', id: 0 };
            const expected = everything
              .map((a) => ({ id: Number(a.id), status: a.status, rightsClass: a.rights_class as RightsClass, publishedAt: a.published_at, channels: channelsOf(Number(a.id)), at: a.published_at && a.published_at > a.updated_at ? a.published_at : a.updated_at }))
              .filter((a) => (a.status === 'published' || a.status === 'withdrawn') && a.publishedAt !== null && a.at <= asOf && !scopeRefusal(scope, a))
              .filter((a) => a.at > cursor.at || (a.at === cursor.at && a.id > cursor.id))
              .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id - y.id))
              .slice(0, limit)
              .map((a) => ({ id: a.id, availableAt: a.at }));
            assert.deepEqual((await store.articles.licensedSince(scope, cursor, limit, asOf)).map((p) => ({ id: p.article.id, availableAt: p.availableAt })), expected);
            assert.deepEqual(await licensedPage(db, scope, cursor, limit, asOf, 0), expected);
          },
        ),
        { numRuns: 150 },
      );
    });

    test('media: one item per file however often it comes, even at once; patches, search, usage and take-down', async () => {
      const photo = (hash: string) => ({
        hash, format: 'jpeg' as const, width: 1600, height: 1200, bytes: 1234, caption: '长春南湖 100% 晨雾', credit: '王一', alt: null, language: 'zh-Hans' as const,
        focalX: 50, focalY: 50, rightsClass: 'agency' as const, copyrightHolder: '某通讯社', usageTerms: null, createdBy: null,
      });
      const hash = 'ab'.repeat(32);
      const [a, b] = await Promise.all([store.media.add(photo(hash), SYSTEM), store.media.add(photo(hash), SYSTEM)]);
      assert.equal(a.item.id, b.item.id);
      assert.deepEqual([a.created, b.created].sort(), [false, true]);
      assert.equal((await store.media.byHash(hash))?.id, a.item.id);
      const other = (await store.media.add(photo('cd'.repeat(32)), SYSTEM)).item;
      assert.deepEqual((await store.media.byIds([other.id, 999999, a.item.id])).map((m) => m.id), [other.id, a.item.id]);
      const versionBefore = await store.contentVersion();
      const patched = await store.media.update(a.item.id, { alt: '湖面', focalX: 20, caption: null }, a.item.revision, SYSTEM);
      assert.equal(patched.revision, a.item.revision + 1);
      await assert.rejects(store.media.update(a.item.id, { alt: '旧的' }, a.item.revision, SYSTEM), /MEDIA_STALE_REVISION|revision/, 'a change made on an older revision is refused');
      assert.equal((await store.media.byId(a.item.id))?.alt, '湖面');
      assert.deepEqual([patched.alt, patched.focalX, patched.focalY, patched.caption, patched.credit], ['湖面', 20, 50, null, '王一']);
      assert.equal(await store.contentVersion(), versionBefore, 'a picture no article shows changes no page');
      const art = await store.articles.create(input({ leadImageId: a.item.id, bodyHtml: '<p>正文</p><img data-media-id="' + String(other.id) + '" alt="x">' }), SYSTEM);
      assert.equal((await store.articles.byId(art.id))?.leadImageId, a.item.id);
      assert.deepEqual(await store.media.usedBy(a.item.id), [{ id: art.id, status: 'published' }]);
      assert.deepEqual(await store.media.usedBy(other.id), [{ id: art.id, status: 'published' }]);
      const found = await store.media.search({ text: ['100%'], limit: 10, offset: 0 });
      assert.deepEqual(found.items.map((m) => m.id), [other.id], 'LIKE wildcards in a query are literal');
      assert.equal(found.total, 1);
      assert.equal((await store.media.search({ text: ['不存在的词'], limit: 10, offset: 0 })).total, 0);
      const v = await store.contentVersion();
      const down = await store.media.takeDown(other.id, '权利人要求', SYSTEM);
      assert.ok(down.takenDownAt);
      assert.ok((await store.contentVersion()) > v, 'pages showing it are told');
      assert.deepEqual((await store.media.search({ limit: 10, offset: 0 })).items.map((m) => m.id), [a.item.id]);
      assert.equal((await store.media.search({ limit: 10, offset: 0, includeTakenDown: true })).total, 2);
      await assert.rejects(store.media.update(999999, { alt: 'x' }, 1, SYSTEM), /does not exist/);
      await assert.rejects(store.media.takeDown(999999, 'x', SYSTEM), /does not exist/);
    });

    test('views: batches add up, also at once; rankings show only public articles, most read first', async () => {
      await store.channels.upsert({ slug: 'views-x', name: '排行', language: 'zh-Hans', kind: 'topic', parentSlug: null, position: 9, reviewLevels: 1 });
      const asOf = '2031-06-30T00:00:00.000Z';
      const mk = (headline: string, over: Record<string, unknown> = {}) => store.articles.create(input({ headline, channels: ['views-x'], publishedAt: '2031-06-01T00:00:00Z', ...over }), SYSTEM);
      const [a, b, c] = [await mk('排行甲'), await mk('排行乙'), await mk('排行丙', { channels: ['changchun'] })];
      const draft = await mk('排行草稿', { status: 'draft', publishedAt: null });
      const future = await mk('排行明天', { publishedAt: '2031-07-05T00:00:00Z' });
      const withdrawn = await mk('排行撤稿');
      await store.articles.transition(withdrawn.id, 'published', { status: 'withdrawn', statusReason: '撤稿' }, SYSTEM, { action: 'article.withdraw' });
      const day = '2031-06-20';
      // Two instances writing the same rows at once: every count is kept, none overwritten.
      await Promise.all(Array.from({ length: 8 }, () => store.views.add([{ articleId: a.id, day, views: 1 }, { articleId: b.id, day, views: 2 }])));
      // A batch may name a row twice; it is one row in the database.
      await store.views.add([{ articleId: c.id, day, views: 5 }, { articleId: c.id, day, views: 5 }, { articleId: b.id, day: '2031-06-18', views: 1 }]);
      await store.views.add([draft, future, withdrawn].map((x) => ({ articleId: x.id, day, views: 1000 })));
      await store.views.add([{ articleId: 999_999, day, views: 1000 }]);
      await store.views.add([]);
      const top = await store.views.top({ sinceDay: '2031-06-01', limit: 10, asOf });
      assert.deepEqual(top.map((t) => [t.headline, t.views]), [['排行乙', 17], ['排行丙', 10], ['排行甲', 8]]);
      assert.deepEqual(top[0]?.channels, ['views-x']);
      assert.deepEqual((await store.views.top({ sinceDay: day, limit: 10, asOf })).map((t) => t.views), [16, 10, 8]);
      assert.deepEqual((await store.views.top({ sinceDay: day, channel: 'views-x', limit: 10, asOf })).map((t) => t.id), [b.id, a.id]);
      assert.deepEqual((await store.views.top({ sinceDay: day, limit: 1, asOf })).map((t) => t.id), [b.id]);
      assert.deepEqual(await store.views.top({ sinceDay: '2031-06-21', limit: 10, asOf }), []);
      // The scheduled article shows once it is public by the time asked.
      assert.equal((await store.views.top({ sinceDay: day, limit: 10, asOf: '2031-07-06T00:00:00.000Z' }))[0]?.id, future.id);
      const refused = (e: unknown) => e instanceof DomainError && e.code === 'VALIDATION_FAILED';
      await assert.rejects(store.views.add([{ articleId: a.id, day: '20310620', views: 1 }]), refused);
      await assert.rejects(store.views.add([{ articleId: a.id, day, views: 0 }]), refused);
      await assert.rejects(store.views.add([{ articleId: a.id, day, views: 3 }, { articleId: -1, day, views: 1 }]), refused);
      await assert.rejects(store.views.top({ sinceDay: 'yesterday', limit: 5, asOf }), refused);
      assert.equal((await store.views.top({ sinceDay: day, limit: 10, asOf }))[2]?.views, 8, 'a refused batch adds nothing');
      assert.equal(await store.views.prune('2031-06-19'), 1);
      assert.deepEqual((await store.views.top({ sinceDay: '2031-06-01', limit: 10, asOf })).map((t) => t.views), [16, 10, 8]);
    });

    test('views: any batches give the sums a model gives, in its order', async () => {
      await store.channels.upsert({ slug: 'views-y', name: '排行模型', language: 'zh-Hans', kind: 'topic', parentSlug: null, position: 9, reviewLevels: 1 });
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push((await store.articles.create(input({ headline: `模型${i}`, channels: ['views-y'], publishedAt: '2032-01-01T00:00:00Z' }), SYSTEM)).id);
      const asOf = '2033-01-01T00:00:00.000Z';
      let round = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(fc.record({ i: fc.integer({ min: 0, max: 4 }), d: fc.integer({ min: 1, max: 9 }), n: fc.integer({ min: 1, max: 50 })}), { maxLength: 12 }), { maxLength: 4 }), fc.integer({ min: 1, max: 9 }), async (batches, since) => {
          // Each run on days of its own, so runs do not see each other's counts.
          const month = String(1 + (round++ % 12)).padStart(2, '0');
          const year = 2040 + Math.floor(round / 12);
          const dayOf = (d: number) => `${year}-${month}-0${d}`;
          await Promise.all(batches.map((batch) => store.views.add(batch.map((v) => ({ articleId: ids[v.i]!, day: dayOf(v.d), views: v.n })))));
          const sums = new Map<number, number>();
          for (const v of batches.flat()) if (v.d >= since) sums.set(ids[v.i]!, (sums.get(ids[v.i]!) ?? 0) + v.n);
          const expected = [...sums].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, 3);
          const got = await store.views.top({ sinceDay: dayOf(since), channel: 'views-y', limit: 3, asOf });
          assert.deepEqual(got.map((t) => [t.id, t.views]), expected);
          await store.views.prune(`${year + 100}-01-01`);
        }),
        { numRuns: 40 },
      );
    });

    test('unique uri is enforced', async () => {
      await assert.rejects(store.articles.create(input({ uri: 'urn:test:one' }), SYSTEM));
    });
  });
}
