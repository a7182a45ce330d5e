import { z } from 'zod';
import type { Actx, DeskItem, Store } from '../store/ports.ts';
import { articleInputSchema, type Article, type ArticleInput, type ArticleStatus } from '../domain/article.ts';
import { DomainError } from '../domain/errors.ts';
import { decide, assertCanEdit, assertCanCorrect, assertCanWrite, nextLevel, type WorkflowAction, type WorkflowState, type ReviewLevel } from '../domain/workflow.ts';
import { REVIEW_LEVEL_ROLE, hasRole, isReviewer, type Actor } from '../domain/roles.ts';
import { sanitizeBody } from '../text/sanitize.ts';
import { diffArticles, type FieldDiff } from './article-diff.ts';

/** What a writer edits; status, publish time and identity belong to the workflow. */
export const articleDraftSchema = articleInputSchema.omit({ status: true, publishedAt: true, uri: true });
export type ArticleDraft = z.output<typeof articleDraftSchema>;

/** The queues of the desk, in the order a newsroom works them. */
export const DESK_QUEUES = {
  mine: ['draft', 'returned'],
  returned: ['returned'],
  submitted: ['submitted'],
  in_review: ['in_review'],
  approved: ['approved'],
  scheduled: ['scheduled'],
  published: ['published'],
  withdrawn: ['withdrawn'],
} as const satisfies Record<string, readonly ArticleStatus[]>;
export type DeskQueue = keyof typeof DESK_QUEUES;

export interface ArticleView {
  article: Article;
  authorIds: number[];
  /** What this person may do now, so the UI shows only buttons that work. */
  can: { edit: boolean; submit: boolean; approve: boolean; return: boolean; publish: boolean; unschedule: boolean; withdraw: boolean; reopen: boolean; correct: boolean };
  nextLevel: ReviewLevel | null;
}

const ctxOf = (actor: Actor, ip?: string | null): Actx => ({ actorId: actor.id, actorLogin: actor.login, ip: ip ?? null });

function attempt(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

export function createNewsroomService(store: Store, now: () => Date = () => new Date()) {
  async function load(id: number): Promise<Article> {
    const a = await store.articles.byId(id);
    if (!a) throw new DomainError('NOT_FOUND', `article ${id} does not exist`);
    return a;
  }

  async function stateOf(a: Article): Promise<WorkflowState> {
    return {
      status: a.status,
      levels: a.reviewLevels,
      signatures: a.signatures.map((s) => ({ level: s.level, userId: s.userId })),
      authorIds: await store.articles.authorIds(a.id),
      publishAt: a.publishedAt,
    };
  }

  /** The levels an article needs: the most its channels ask for. */
  async function levelsFor(channels: string[]): Promise<ReviewLevel> {
    if (channels.length === 0) throw new DomainError('VALIDATION_FAILED', 'choose a channel before submitting', 'channels');
    const all = await store.channels.list();
    const levels = all.filter((c) => channels.includes(c.slug)).map((c) => c.reviewLevels);
    return Math.min(3, Math.max(1, ...levels)) as ReviewLevel;
  }

  function toInput(a: Article, draft: ArticleDraft): ArticleInput {
    return { ...draft, bodyHtml: sanitizeBody(draft.bodyHtml), uri: a.uri, status: a.status, publishedAt: a.publishedAt };
  }

  async function staleError(a: Article, baseRevision: number, draft: ArticleDraft): Promise<DomainError> {
    const base = await store.articles.revision(a.id, baseRevision);
    const theirs = articleToInput(a);
    const changes: FieldDiff[] = base ? diffArticles(base, theirs) : [];
    const yours: FieldDiff[] = diffArticles(theirs, { ...theirs, ...draft });
    return new DomainError(
      'ARTICLE_STALE_REVISION',
      `someone saved revision ${a.revision} after your revision ${baseRevision}; your changes were not saved`,
      'baseRevision',
      undefined,
      { currentRevision: a.revision, theirChanges: changes, yourChanges: yours },
    );
  }

  async function act(actor: Actor, id: number, action: WorkflowAction, ip: string | null): Promise<Article> {
    const a = await load(id);
    let state = await stateOf(a);
    let reviewLevels: ReviewLevel | undefined;
    if (action.type === 'submit') {
      reviewLevels = await levelsFor(a.channels);
      state = { ...state, levels: reviewLevels };
    }
    const result = decide(state, action, actor, now());
    const signed = result.signed;
    return store.articles.transition(
      id,
      a.status,
      {
        status: result.status,
        publishedAt: action.type === 'publish' || action.type === 'unschedule' || action.type === 'return' || action.type === 'reopen' ? result.publishAt : undefined,
        ...(reviewLevels ? { reviewLevels } : {}),
        statusReason: result.reason ?? null,
        clearSignatures: result.signatures.length === 0 && a.signatures.length > 0,
        ...(signed ? { signature: { ...signed, name: actor.displayName } } : {}),
        ...(signed?.level === 1 ? { editorName: actor.displayName } : {}),
        ...(signed?.level === 2 ? { responsibleEditorName: actor.displayName } : {}),
      },
      ctxOf(actor, ip),
      { action: `article.${action.type}`, detail: { ...(result.reason ? { reason: result.reason } : {}), ...(signed ? { level: signed.level } : {}), ...(result.publishAt && result.status === 'scheduled' ? { at: result.publishAt } : {}) } },
    );
  }

  return {
    async create(actor: Actor, draft: ArticleDraft, ip: string | null = null): Promise<Article> {
      assertCanWrite(actor);
      const input: ArticleInput = { ...draft, bodyHtml: sanitizeBody(draft.bodyHtml), status: 'draft', publishedAt: null };
      return store.articles.create(input, ctxOf(actor, ip), { createdBy: actor.id });
    },

    async view(actor: Actor, id: number): Promise<ArticleView> {
      const a = await load(id);
      const state = await stateOf(a);
      const t = now();
      const can = (action: WorkflowAction) => attempt(() => decide(state, action, actor, t));
      return {
        article: a,
        authorIds: state.authorIds,
        nextLevel: a.status === 'submitted' || a.status === 'in_review' ? nextLevel(state) : null,
        can: {
          edit: attempt(() => assertCanEdit(state, actor)),
          submit: can({ type: 'submit' }),
          approve: can({ type: 'approve' }),
          return: can({ type: 'return', reason: 'x' }),
          publish: can({ type: 'publish' }),
          unschedule: can({ type: 'unschedule' }),
          withdraw: can({ type: 'withdraw', reason: 'x' }),
          reopen: can({ type: 'reopen' }),
          correct: attempt(() => assertCanCorrect(state, actor, 'x')),
        },
      };
    },

    async save(actor: Actor, id: number, draft: ArticleDraft, baseRevision: number, ip: string | null = null): Promise<Article> {
      const a = await load(id);
      assertCanEdit(await stateOf(a), actor);
      if (a.revision !== baseRevision) throw await staleError(a, baseRevision, draft);
      try {
        return await store.articles.update(id, toInput(a, draft), baseRevision, ctxOf(actor, ip));
      } catch (e) {
        // Someone saved between our read and our write: the store refused, so say what changed.
        if (e instanceof DomainError && e.code === 'ARTICLE_STALE_REVISION') throw await staleError(await load(id), baseRevision, draft);
        throw e;
      }
    },

    async correct(actor: Actor, id: number, draft: ArticleDraft, baseRevision: number, note: string, ip: string | null = null): Promise<Article> {
      const a = await load(id);
      assertCanCorrect(await stateOf(a), actor, note);
      if (a.revision !== baseRevision) throw await staleError(a, baseRevision, draft);
      return store.articles.correct(id, toInput(a, draft), baseRevision, note.trim(), ctxOf(actor, ip));
    },

    act,

    async desk(actor: Actor): Promise<{ counts: Record<DeskQueue, number>; queues: Record<DeskQueue, DeskItem[]> }> {
      const [all, mine] = await Promise.all([store.articles.countByStatus(), store.articles.countByStatus({ createdBy: actor.id })]);
      const sum = (statuses: readonly ArticleStatus[], from: Partial<Record<ArticleStatus, number>>) => statuses.reduce((n, s) => n + (from[s] ?? 0), 0);
      const counts = {} as Record<DeskQueue, number>;
      const queues = {} as Record<DeskQueue, DeskItem[]>;
      for (const [queue, statuses] of Object.entries(DESK_QUEUES) as Array<[DeskQueue, readonly ArticleStatus[]]>) {
        // A reporter's own drafts and returned pieces are theirs; reviewers see every returned piece too.
        const own = queue === 'mine' || (queue === 'returned' && !isReviewer(actor));
        counts[queue] = sum(statuses, own ? mine : all);
        queues[queue] = await store.articles.desk({ statuses, limit: 50, ...(own ? { createdBy: actor.id } : {}) });
      }
      return { counts, queues };
    },

    async revisions(id: number) {
      await load(id);
      return store.articles.revisions(id);
    },

    async diff(id: number, from: number, to: number): Promise<FieldDiff[]> {
      const [a, b] = await Promise.all([store.articles.revision(id, from), store.articles.revision(id, to)]);
      if (!a || !b) throw new DomainError('NOT_FOUND', `article ${id} has no revision ${!a ? from : to}`);
      return diffArticles(a, b);
    },

    async audit(actor: Actor, options: { articleId?: number; limit: number; beforeId?: number }) {
      if (options.articleId === undefined && !hasRole(actor, 'admin', 'chief_editor')) {
        throw new DomainError('FORBIDDEN_ROLE', 'the site-wide audit log is for admins and chief editors');
      }
      if (options.articleId !== undefined) await load(options.articleId);
      return store.audit.list(options);
    },

    reviewRoleFor(level: ReviewLevel) {
      return REVIEW_LEVEL_ROLE[level];
    },
  };
}

export function articleToInput(a: Article): ArticleInput {
  return {
    uri: a.uri, language: a.language, headline: a.headline, originalHeadline: a.originalHeadline, summary: a.summary,
    dateline: a.dateline, bodyHtml: a.bodyHtml, byline: a.byline, sourceName: a.sourceName, rightsClass: a.rightsClass,
    editorName: a.editorName, responsibleEditorName: a.responsibleEditorName, channels: a.channels, tags: a.tags,
    status: a.status, publishedAt: a.publishedAt, lockedTerms: a.lockedTerms,
  };
}

export type NewsroomService = ReturnType<typeof createNewsroomService>;
