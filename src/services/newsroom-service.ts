import type { Channel } from '../domain/channel.ts';
import { assertPicturesPublishable } from './media-check.ts';
import { z } from 'zod';
import type { Actx, DeskItem, ProposedCorrection, Store } from '../store/ports.ts';
import { articleInputSchema, type Article, type ArticleInput, type ArticleStatus } from '../domain/article.ts';
import { DomainError } from '../domain/errors.ts';
import { decide, assertCanWrite, nextLevel, type WorkflowAction, type WorkflowState, type ReviewLevel } from '../domain/workflow.ts';
import { REVIEW_LEVEL_ROLE, WRITER_ROLES, hasRole, type Actor } from '../domain/roles.ts';
import { canReadArticle, canReadRevisions, canReadSiteAudit, canReadTrail, deskScope, hiddenAuditPrefixes, seesAddresses } from '../domain/access.ts';
import { changedFields } from '../domain/content-fields.ts';
import { cleanBody } from '../domain/article-body.ts';
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
  corrections: ['published'],
  scheduled: ['scheduled'],
  published: ['published'],
  withdrawn: ['withdrawn'],
} as const satisfies Record<string, readonly ArticleStatus[]>;
export type DeskQueue = keyof typeof DESK_QUEUES;

/** A correction waiting for approval, as the newsroom sees it. */
export interface CorrectionView extends ProposedCorrection {
  /** What it changes in the live text. */
  changes: FieldDiff[];
}

export interface ArticleView {
  article: Article;
  authorIds: number[];
  /** What this person may do now, so the UI shows only buttons that work. */
  can: { edit: boolean; submit: boolean; approve: boolean; return: boolean; publish: boolean; unschedule: boolean; withdraw: boolean; reopen: boolean; correct: boolean; history: boolean };
  nextLevel: ReviewLevel | null;
  /** A correction waiting for a second person: approve applies it, return drops it. */
  correction: CorrectionView | null;
}

/** What the person acting had on screen, so that nobody approves a text they have not seen. */
export interface Seen {
  revision?: number | undefined;
  correction?: number | undefined;
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

const notYours = () => new DomainError('FORBIDDEN_ROLE', 'this article is not among those you work on');

export function createNewsroomService(store: Store, now: () => Date = () => new Date()) {
  async function load(id: number): Promise<Article> {
    const a = await store.articles.byId(id);
    if (!a) throw new DomainError('NOT_FOUND', `article ${id} does not exist`);
    return a;
  }

  /** The levels content needs: the most its channels ask for now; null without a channel. */
  function levelsOf(all: readonly Channel[], channels: string[]): ReviewLevel | null {
    if (channels.length === 0) return null;
    const levels = all.filter((c) => channels.includes(c.slug)).map((c) => c.reviewLevels);
    return Math.min(3, Math.max(1, ...levels)) as ReviewLevel;
  }

  function levelsFor(all: readonly Channel[], channels: string[]): ReviewLevel {
    const levels = levelsOf(all, channels);
    if (!levels) throw new DomainError('VALIDATION_FAILED', 'choose a channel before submitting', 'channels');
    return levels;
  }

  /** The article as the state machine sees it; never fewer levels than its channels ask for now. */
  function stateOf(a: Article, pending: ProposedCorrection | null, authorIds: number[], all: readonly Channel[]): WorkflowState {
    const needed = levelsOf(all, a.channels);
    return {
      status: a.status,
      levels: needed && needed > a.reviewLevels ? needed : a.reviewLevels,
      signatures: a.signatures.map((s) => ({ level: s.level, userId: s.userId })),
      authorIds,
      publishAt: a.publishedAt,
      correction: pending ? { authorId: pending.authorId, levels: levelsOf(all, pending.article.channels) ?? 1 } : null,
    };
  }

  /**
   * What a decision about the article needs, for someone who works on it, read once: the
   * article, its waiting correction, its writers and the channels (for the levels they ask).
   */
  async function open(actor: Actor, id: number, withCorrection = true): Promise<{ a: Article; pending: ProposedCorrection | null; state: WorkflowState; channels: Channel[] }> {
    const [a, pending, authorIds, channels] = await Promise.all([
      load(id),
      withCorrection ? store.articles.pendingCorrection(id) : Promise.resolve(null),
      store.articles.authorIds(id),
      store.channels.list(),
    ]);
    const state = stateOf(a, pending, authorIds, channels);
    if (!canReadArticle(actor, a, state.authorIds)) throw notYours();
    return { a, pending, state, channels };
  }

  async function openHistory(actor: Actor, id: number): Promise<void> {
    await load(id);
    if (!canReadRevisions(actor, await store.articles.authorIds(id))) throw notYours();
  }

  function toInput(a: Article, draft: ArticleDraft): ArticleInput {
    return { ...draft, bodyHtml: cleanBody(draft.bodyHtml), uri: a.uri, status: a.status, publishedAt: a.publishedAt };
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

  /** A workflow step: the state machine decides, the store carries out exactly that, or refuses if the article moved meanwhile. */
  async function act(actor: Actor, id: number, action: WorkflowAction, ip: string | null, seen: Seen = {}): Promise<Article> {
    const { a, pending, state, channels } = await open(actor, id);
    if (seen.revision !== undefined && seen.revision !== a.revision) {
      throw new DomainError('WORKFLOW_CONFLICT', `article ${id} was saved again after you opened it; reload it`, 'revision');
    }
    if (seen.correction !== undefined && seen.correction !== pending?.id) {
      throw new DomainError('WORKFLOW_CONFLICT', 'the correction you saw was replaced or decided meanwhile; reload it', 'correction');
    }
    const asked: WorkflowAction = action.type === 'submit' ? { ...action, levels: levelsFor(channels, a.channels) } : action;
    const result = decide(state, asked, actor, now());
    const ctx = ctxOf(actor, ip);
    if (result.content === 'apply_correction') {
      await assertPicturesPublishable(store, pending!.article);
      return store.articles.applyCorrection(id, pending!.id, ctx);
    }
    if ((result.status === 'published' || result.status === 'scheduled') && a.status !== 'published' && a.status !== 'scheduled') await assertPicturesPublishable(store, a);
    const signed = result.signed;
    const dropped = result.content === 'discard_correction' ? pending : null;
    const returnsCorrection = dropped !== null && action.type === 'return';
    return store.articles.transition(
      id,
      a.status,
      {
        status: result.status,
        expectedRevision: a.revision,
        ...(result.publishAt !== a.publishedAt ? { publishedAt: result.publishAt } : {}),
        ...(result.levels !== a.reviewLevels ? { reviewLevels: result.levels } : {}),
        ...(result.status !== a.status ? { statusReason: result.reason ?? null } : {}),
        clearSignatures: result.signatures.length === 0 && a.signatures.length > 0,
        ...(dropped ? { discardCorrection: returnsCorrection ? dropped.id : 'any' } : {}),
        ...(signed ? { signature: { ...signed, name: actor.displayName } } : {}),
        ...(signed?.level === 1 ? { editorName: actor.displayName } : {}),
        ...(signed?.level === 2 ? { responsibleEditorName: actor.displayName } : {}),
      },
      ctx,
      {
        action: returnsCorrection ? 'article.correction_returned' : `article.${action.type}`,
        detail: {
          ...(result.reason ? { reason: result.reason } : {}),
          ...(signed ? { level: signed.level } : {}),
          ...(result.publishAt && result.status === 'scheduled' ? { at: result.publishAt } : {}),
          ...(dropped ? { correctionId: dropped.id } : {}),
        },
      },
    );
  }

  return {
    async create(actor: Actor, draft: ArticleDraft, ip: string | null = null): Promise<Article> {
      assertCanWrite(actor);
      const input: ArticleInput = { ...draft, bodyHtml: cleanBody(draft.bodyHtml), status: 'draft', publishedAt: null };
      return store.articles.create(input, ctxOf(actor, ip), { createdBy: actor.id });
    },

    async view(actor: Actor, id: number): Promise<ArticleView> {
      const { a, pending, state } = await open(actor, id);
      const t = now();
      const can = (action: WorkflowAction) => attempt(() => decide(state, action, actor, t));
      return {
        article: a,
        authorIds: state.authorIds,
        nextLevel: a.status === 'submitted' || a.status === 'in_review' ? nextLevel(state) : null,
        can: {
          edit: can({ type: 'save', changed: true, levels: state.levels }),
          submit: can({ type: 'submit' }),
          approve: can({ type: 'approve' }),
          return: can({ type: 'return', reason: 'x' }),
          publish: can({ type: 'publish' }),
          unschedule: can({ type: 'unschedule' }),
          withdraw: can({ type: 'withdraw', reason: 'x' }),
          reopen: can({ type: 'reopen' }),
          correct: can({ type: 'correct', note: 'x', levels: state.levels }),
          history: canReadRevisions(actor, state.authorIds),
        },
        // Corrections in the making are the newsroom's; those who only take articles down do not read them.
        correction: pending && hasRole(actor, ...WRITER_ROLES) ? { ...pending, changes: diffArticles(articleToInput(a), pending.article) } : null,
      };
    },

    /** Saves a revision; what that does to the status and the signatures is the state machine's decision. */
    async save(actor: Actor, id: number, draft: ArticleDraft, baseRevision: number, ip: string | null = null): Promise<Article> {
      const { a, state, channels } = await open(actor, id, false);
      const input = toInput(a, draft);
      const changed = changedFields(articleToInput(a), input);
      const result = decide(state, { type: 'save', changed: changed.length > 0, levels: levelsOf(channels, input.channels) }, actor, now());
      if (a.revision !== baseRevision) throw await staleError(a, baseRevision, draft);
      if (result.content === 'none') return a;
      const backToReview = result.status !== a.status;
      try {
        return await store.articles.update(
          id,
          { ...input, status: result.status, publishedAt: result.publishAt },
          baseRevision,
          ctxOf(actor, ip),
          { action: 'article.save', ...(backToReview ? { detail: { from: a.status, to: result.status, levels: result.levels, signaturesCleared: a.signatures.length, changed } } : {}) },
          { expectedStatus: a.status, reviewLevels: result.levels, clearSignatures: result.signatures.length === 0 },
        );
      } catch (e) {
        // Someone saved between our read and our write: the store refused, so say what changed.
        if (e instanceof DomainError && e.code === 'ARTICLE_STALE_REVISION') throw await staleError(await load(id), baseRevision, draft);
        throw e;
      }
    },

    /** Proposes a correction of a published article; readers see it once someone else approves it. */
    async correct(actor: Actor, id: number, draft: ArticleDraft, baseRevision: number, note: string, ip: string | null = null): Promise<ProposedCorrection> {
      const { a, state, channels } = await open(actor, id);
      const input = toInput(a, draft);
      const result = decide(state, { type: 'correct', note, levels: levelsOf(channels, input.channels) }, actor, now());
      if (a.revision !== baseRevision) throw await staleError(a, baseRevision, draft);
      return store.articles.proposeCorrection(id, input, baseRevision, result.note!, { ...ctxOf(actor, ip), actorId: actor.id });
    },

    act,

    /** The queues, each with only the articles this person works on. */
    async desk(actor: Actor): Promise<{ counts: Record<DeskQueue, number>; queues: Record<DeskQueue, DeskItem[]> }> {
      if (actor.roles.length === 0) throw new DomainError('FORBIDDEN_ROLE', 'the desk is for people with a role in the newsroom');
      const [all, mine, corrections, myCorrections] = await Promise.all([
        store.articles.countByStatus(),
        store.articles.countByStatus({ createdBy: actor.id }),
        store.articles.countByStatus({ withCorrection: true }),
        store.articles.countByStatus({ createdBy: actor.id, withCorrection: true }),
      ]);
      const sum = (statuses: readonly ArticleStatus[], from: Partial<Record<ArticleStatus, number>>) => statuses.reduce((n, s) => n + (from[s] ?? 0), 0);
      const counts = {} as Record<DeskQueue, number>;
      const queues = {} as Record<DeskQueue, DeskItem[]>;
      for (const [queue, statuses] of Object.entries(DESK_QUEUES) as Array<[DeskQueue, readonly ArticleStatus[]]>) {
        const withCorrection = queue === 'corrections';
        const scope = deskScope(actor, { statuses, ownOnly: queue === 'mine', reviewersOnly: withCorrection });
        if (scope === 'none') {
          counts[queue] = 0;
          queues[queue] = [];
          continue;
        }
        const own = scope === 'own';
        counts[queue] = sum(statuses, withCorrection ? (own ? myCorrections : corrections) : own ? mine : all);
        queues[queue] = await store.articles.desk({ statuses, limit: 50, ...(withCorrection ? { withCorrection } : {}), ...(own ? { createdBy: actor.id } : {}) });
      }
      return { counts, queues };
    },

    async revisions(actor: Actor, id: number) {
      await openHistory(actor, id);
      return store.articles.revisions(id);
    },

    async diff(actor: Actor, id: number, from: number, to: number): Promise<FieldDiff[]> {
      await openHistory(actor, id);
      const [a, b] = await Promise.all([store.articles.revision(id, from), store.articles.revision(id, to)]);
      if (!a || !b) throw new DomainError('NOT_FOUND', `article ${id} has no revision ${!a ? from : to}`);
      return diffArticles(a, b);
    },

    /** An article's trail or the whole log, without what belongs to desks the reader is not on. */
    async audit(actor: Actor, options: { articleId?: number; limit: number; beforeId?: number }) {
      if (options.articleId === undefined) {
        if (!canReadSiteAudit(actor)) throw new DomainError('FORBIDDEN_ROLE', 'the site-wide audit log is for admins and chief editors');
      } else {
        await load(options.articleId);
        if (!canReadTrail(actor, await store.articles.authorIds(options.articleId))) throw notYours();
      }
      const entries = await store.audit.list({ ...options, hidePrefixes: hiddenAuditPrefixes(actor) });
      return seesAddresses(actor) ? entries : entries.map((e) => ({ ...e, ip: null }));
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
    status: a.status, publishedAt: a.publishedAt, lockedTerms: a.lockedTerms, leadImageId: a.leadImageId,
  };
}

export type NewsroomService = ReturnType<typeof createNewsroomService>;
