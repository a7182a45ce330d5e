import type { Article, ArticleInput, ArticleSummary, ArticleStatus } from '../domain/article.ts';
import type { Channel, ChannelInput } from '../domain/channel.ts';
import type { SiteSettings } from '../domain/site-settings.ts';
import type { Role } from '../domain/roles.ts';
import type { ReviewLevel } from '../domain/workflow.ts';
import type { AgreementScope, ClaimStatus } from '../domain/rights.ts';
import type { Script } from '../domain/variant.ts';
import type { MediaItem, MediaPatch, PendingMediaChange } from '../domain/media.ts';

/**
 * The one storage interface. It imports nothing but domain types; `sqlite/` and `postgres/`
 * implement it, and only the composition roots (main, cli, tests) choose which.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  settings: SettingsRepository;
  channels: ChannelRepository;
  articles: ArticleRepository;
  users: UserRepository;
  sessions: SessionRepository;
  throttle: ThrottleRepository;
  audit: AuditRepository;
  terms: TermRepository;
  search: SearchRepository;
  rights: RightsRepository;
  claims: ClaimRepository;
  tips: TipRepository;
  frontPage: FrontPageRepository;
  media: MediaRepository;
  views: ViewRepository;
  backup: BackupRepository;
  /** A number that changes whenever content changes, from any process sharing the database. */
  contentVersion(): Promise<number>;
  /** What changed after `version`: one article each, or `all`. At most `limit`; more means "everything". */
  contentChanges(afterVersion: number, limit: number): Promise<ContentChange[]>;
}

/** A row as a backup holds it: every column is text or an integer, in both dialects. */
export type BackupRow = Record<string, string | number | null>;

/** Every row the site holds, read and loaded table by table (`heitu backup` and `heitu restore`). */
export interface BackupRepository {
  /** The last migration applied: the schema the rows have. Null before any. */
  schemaVersion(): Promise<string | null>;
  /** Every backed-up table's rows, a page at a time, all from one consistent snapshot of the database. */
  read(visit: (table: string, rows: BackupRow[]) => Promise<void>): Promise<void>;
  /** Brings an empty database to the schema `version` (a migration name); refuses one that holds anything. */
  prepareEmpty(version: string): Promise<void>;
  /** Loads the batches in one transaction, all rows or none; returns how many rows each table got. */
  load(batches: AsyncIterable<{ table: string; rows: BackupRow[] }>): Promise<Record<string, number>>;
}

export type ContentChange = { version: number; articleId: number; channels: string[] } | { version: number; all: true };

/** Who did something, for the audit log. `actorId` null means the system or an import. */
export interface Actx {
  actorId: number | null;
  actorLogin: string | null;
  ip?: string | null;
}

export interface AuditNote {
  action: string;
  detail?: Record<string, unknown>;
}

export interface SettingsRepository {
  get(): Promise<SiteSettings | null>;
  put(settings: SiteSettings): Promise<void>;
  /** A random secret kept in the database, made on first use, shared by every instance. */
  secret(name: string): Promise<string>;
}

export interface ChannelRepository {
  list(): Promise<Channel[]>;
  bySlug(slug: string): Promise<Channel | null>;
  /** Creates or renames by slug. */
  upsert(input: ChannelInput): Promise<Channel>;
}

export interface ListOptions {
  channel?: string;
  limit: number;
  offset?: number;
  /** Only articles published at or before this instant (UTC ISO). */
  asOf: string;
}

export interface TransitionChange {
  status: ArticleStatus;
  /** undefined keeps the publish time. */
  publishedAt?: string | null;
  reviewLevels?: ReviewLevel;
  statusReason?: string | null;
  /** Adds this signature (its level must not be signed yet: a race loses here). */
  signature?: { level: ReviewLevel; userId: number; name: string };
  clearSignatures?: boolean;
  /** Only if nobody saved a revision since (the one the decision was taken on). */
  expectedRevision?: number;
  /** Drops the waiting correction: this one (a conflict if another is waiting now), or whichever. */
  discardCorrection?: number | 'any';
  /** Fills 編輯 / 責編 from the signers of levels 1 and 2. */
  editorName?: string;
  responsibleEditorName?: string;
}

/** What a save does to the workflow (the new status is the input's), in the same transaction as the new revision. */
export interface SaveWorkflow {
  /** The save is refused (WORKFLOW_CONFLICT) if the article left this status meanwhile. */
  expectedStatus: ArticleStatus;
  reviewLevels?: ReviewLevel;
  clearSignatures?: boolean;
}

/** A correction of a published article, kept apart from the live text until someone approves it. */
export interface ProposedCorrection {
  id: number;
  articleId: number;
  /** The live revision it corrects. */
  baseRevision: number;
  article: ArticleInput;
  note: string;
  authorId: number;
  authorName: string | null;
  createdAt: string;
}

export interface RevisionInfo {
  revision: number;
  authorId: number | null;
  authorName: string | null;
  createdAt: string;
}

export interface DeskItem {
  id: number;
  headline: string;
  language: Article['language'];
  status: ArticleStatus;
  channels: string[];
  createdBy: number | null;
  updatedAt: string;
  publishedAt: string | null;
  statusReason: string | null;
  reviewLevels: ReviewLevel;
  signedLevels: number;
  revision: number;
  correctionPending: boolean;
}

export interface ArticleRepository {
  /** Inserts article, channels, tags, its first revision and an audit entry in one transaction. */
  create(input: ArticleInput, ctx: Actx, extra?: { createdBy?: number | null; audit?: AuditNote }): Promise<Article>;
  /**
   * Replaces an article's content when `expectedRevision` is still current, recording the
   * revision and the audit entry; otherwise throws ARTICLE_STALE_REVISION and changes nothing.
   */
  update(id: number, input: ArticleInput, expectedRevision: number, ctx: Actx, audit?: AuditNote, workflow?: SaveWorkflow): Promise<Article>;
  /** A correction: the update plus a dated note readers see, in one transaction. */
  correct(id: number, input: ArticleInput, expectedRevision: number, note: string, ctx: Actx): Promise<Article>;
  /**
   * Keeps a correction of a published article at `baseRevision` for approval, replacing one by
   * the same author; readers see nothing of it. WORKFLOW_CONFLICT if the article is no longer
   * published or someone else's correction is waiting; ARTICLE_STALE_REVISION if it moved on.
   */
  proposeCorrection(id: number, input: ArticleInput, baseRevision: number, note: string, ctx: Actx & { actorId: number }): Promise<ProposedCorrection>;
  /** The correction waiting for approval, if any. */
  pendingCorrection(id: number): Promise<ProposedCorrection | null>;
  /**
   * Makes the waiting correction `correctionId` the live text: a new revision by its author and
   * the dated note, in one transaction, audited as approved by `ctx`. WORKFLOW_CONFLICT if that
   * correction is no longer the one waiting or the article is no longer published.
   */
  applyCorrection(id: number, correctionId: number, ctx: Actx): Promise<Article>;
  /**
   * Moves the workflow on when the article is still in `expectedStatus`; throws
   * WORKFLOW_CONFLICT when someone else moved it first.
   */
  transition(id: number, expectedStatus: ArticleStatus, change: TransitionChange, ctx: Actx, audit: AuditNote): Promise<Article>;
  /** Publishes every scheduled article whose time has come; each exactly once across instances. */
  publishDue(now: string): Promise<number[]>;
  byId(id: number): Promise<Article | null>;
  byUri(uri: string): Promise<Article | null>;
  listPublished(options: ListOptions): Promise<ArticleSummary[]>;
  countPublished(options: Omit<ListOptions, 'limit' | 'offset'>): Promise<number>;
  /** Every article id in id order, a page at a time (for export without loading the archive). */
  idsAfter(afterId: number, limit: number): Promise<number[]>;
  count(): Promise<number>;
  /** The newsroom's desk: articles in these states, newest change first. */
  desk(options: { statuses: readonly ArticleStatus[]; createdBy?: number; withCorrection?: boolean; limit: number; offset?: number }): Promise<DeskItem[]>;
  countByStatus(options?: { createdBy?: number; withCorrection?: boolean }): Promise<Partial<Record<ArticleStatus, number>>>;
  revisions(id: number): Promise<RevisionInfo[]>;
  revision(id: number, revision: number): Promise<ArticleInput | null>;
  /** The creator and everyone who saved a revision. */
  authorIds(id: number): Promise<number[]>;
  /** The earliest scheduled publish time still pending, so the scheduler can sleep until then. */
  nextScheduled(): Promise<string | null>;
  /**
   * A licensee's incremental feed: the articles an agreement covers (the domain's scopeRefusal)
   * that were ever public (published, or withdrawn since), in the order they became available
   * by `asOf` (published, or changed after that: kills and corrections as they happen), after
   * the cursor. Read from indexes: a narrow agreement reads only what it covers.
   */
  licensedSince(scope: LicensedScope, cursor: FeedCursor, limit: number, asOf: string): Promise<Array<{ article: Article; availableAt: string }>>;
  /** The public ones among these articles, in the order given. */
  publicSummaries(ids: number[], asOf: string): Promise<ArticleSummary[]>;
  /** Public articles in id order, a page at a time, for sitemaps. */
  publicPage(afterId: number, limit: number, asOf: string): Promise<Array<{ id: number; updatedAt: string; publishedAt: string }>>;
  /**
   * The public articles of `channel` just before (上一篇) and just after (下一篇) this one by
   * publish time, ties by id; null at either end.
   */
  neighbours(article: { id: number; publishedAt: string }, channel: string, asOf: string): Promise<{ previous: ArticleSummary | null; next: ArticleSummary | null }>;
  /** Public articles with any of these tags (as written), newest first. */
  listTagged(options: TaggedOptions): Promise<ArticleSummary[]>;
  countTagged(options: Omit<TaggedOptions, 'limit' | 'offset'>): Promise<number>;
}

export interface TaggedOptions {
  /** The forms one tag is written in (Simplified, Traditional …): each is looked up as it is. */
  tags: string[];
  limit: number;
  offset?: number;
  asOf: string;
}

/** What of an agreement decides which articles it covers. */
export type LicensedScope = Pick<AgreementScope, 'channels' | 'rights' | 'uses' | 'validFrom'>;

/** A place in a licensee's feed: an availability time and the article id after which to go on. */
export interface FeedCursor {
  at: string;
  id: number;
}

export interface User {
  id: number;
  login: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
}

export interface UserRepository {
  /**
   * With `firstAdmin`, only while the site has no admin and none was ever made by setup, decided
   * inside the transaction, so two processes racing cannot both make one (NOT_FOUND for the second).
   */
  create(input: { login: string; displayName: string; passwordHash: string; roles: Role[]; firstAdmin?: { via: string } }, ctx: Actx): Promise<User>;
  byId(id: number): Promise<User | null>;
  byLogin(login: string): Promise<(User & { passwordHash: string }) | null>;
  list(): Promise<User[]>;
  setRoles(id: number, roles: Role[], ctx: Actx): Promise<User>;
  setDisplayName(id: number, displayName: string, ctx: Actx): Promise<User>;
  setPassword(id: number, passwordHash: string, ctx: Actx): Promise<void>;
  setDisabled(id: number, disabled: boolean, ctx: Actx): Promise<User>;
}

export interface SessionRecord {
  id: string;
  userId: number;
  csrf: string;
  createdAt: string;
  expiresAt: string;
}

export interface SessionRepository {
  create(session: SessionRecord & { ip: string | null }): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: number): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}

/** A slot taken in a throttle window: what `release` needs to give it back. */
export interface ThrottleSlot {
  key: string;
  windowStart: string;
}

/**
 * Counters of attempts per key (a login, an address) in fixed windows, kept in the database so
 * that every process sharing it counts together. Taking is atomic: parallel callers never get
 * more than `limit` slots of one key in one window.
 */
export interface ThrottleRepository {
  /**
   * Takes one slot of every key, or none: null when any key has used its `limit` in the window
   * that started after `windowStartsAfter` (a window older than that is restarted at `now`).
   */
  take(keys: Array<{ key: string; limit: number }>, now: string, windowStartsAfter: string): Promise<ThrottleSlot[] | null>;
  /** Gives slots back (an attempt that succeeded), if their window is still the current one. */
  release(slots: ThrottleSlot[]): Promise<void>;
  /** Forgets windows that started at or before `windowStartsAfter`; they would be restarted anyway. */
  prune(windowStartsAfter: string): Promise<void>;
}

export interface SiteTerm {
  id: number;
  hans: string;
  hant: string;
  hk: string | null;
  note: string | null;
  updatedAt: string;
}

/** The site's conversion dictionary; every change is audited and refreshes every page. */
export interface TermRepository {
  list(): Promise<SiteTerm[]>;
  /** Creates, or replaces the entry with the same Simplified form. */
  put(term: { hans: string; hant: string; hk: string | null; note: string | null }, ctx: Actx): Promise<SiteTerm>;
  delete(id: number, ctx: Actx): Promise<void>;
}

export interface SearchQuery {
  /** Words as the search tokeniser writes them (Simplified, lower case). All must match. */
  terms: string[];
  /** Any of these channels (regions are channels too). */
  channels?: string[];
  /** Published at or after / at or before (UTC ISO). */
  from?: string;
  to?: string;
  asOf: string;
  limit: number;
  offset: number;
}

/** What a search result shows of its article, read with the hit so that a search needs no more reads. */
export interface SearchResultArticle {
  language: Script;
  headline: string;
  summary: string | null;
  /** The body as plain text, for the snippet. */
  bodyText: string;
  publishedAt: string;
  channels: string[];
  leadImageId: number | null;
}

export interface SearchHit {
  id: number;
  score: number;
  article: SearchResultArticle;
}

/**
 * Full-text search over published articles, ranked by BM25 and recency. It may run away from
 * the caller's thread, and may refuse when too many are waiting (an error whose code is
 * SQLITE_BUSY or ETIMEDOUT: the database cannot answer just now).
 */
export interface SearchRepository {
  query(q: SearchQuery): Promise<{ hits: SearchHit[]; total: number }>;
  /** Rebuilds the index for articles after `afterId`, a page at a time; returns the last id done, or 0 when finished. */
  reindex(afterId: number, limit: number): Promise<number>;
  /**
   * 相關新聞: public articles holding any of the terms, best BM25 match first, those in
   * `preferChannels` before all others; never `excludeId`. At most `limit`, ids and scores only.
   */
  related(q: RelatedQuery): Promise<Array<{ id: number; score: number }>>;
}

export interface RelatedQuery {
  /** Words as the search tokeniser writes them (Simplified, lower case); any may match. */
  terms: string[];
  excludeId: number;
  /** The article's regions: matches in these come first. */
  preferChannels: string[];
  asOf: string;
  limit: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  articleId: number | null;
  detail: Record<string, unknown>;
  ip: string | null;
}

/** Append-only: there is no way to change or remove an entry, here or in the database. */
export interface AuditRepository {
  append(ctx: Actx, note: AuditNote & { articleId?: number | null }): Promise<void>;
  /** Newest first; `hidePrefixes` leaves out actions starting with any of them (before the limit, so pages stay full). */
  list(options: { articleId?: number; limit: number; beforeId?: number; hidePrefixes?: readonly string[] }): Promise<AuditEntry[]>;
  count(options: { action: string; since: string; actorLogin?: string; ip?: string }): Promise<number>;
}

export interface Licensee {
  id: number;
  name: string;
  contact: string | null;
  certificateNo: string;
  createdAt: string;
}

export interface Agreement {
  id: number;
  licenseeId: number;
  scope: AgreementScope;
  revokedAt: string | null;
  createdAt: string;
}

export interface ApiKeyInfo {
  id: number;
  agreementId: number;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface AccessEntry {
  at: string;
  licenseeId: number;
  agreementId: number;
  articleId: number | null;
  path: string;
  status: number;
  ip: string | null;
}

/** Licensees, their agreements and API keys (stored only as hashes), and every content access. */
export interface RightsRepository {
  createLicensee(input: { name: string; contact: string | null; certificateNo: string }, ctx: Actx): Promise<Licensee>;
  licensees(): Promise<Licensee[]>;
  licensee(id: number): Promise<Licensee | null>;
  /** By certificate number exactly, or by a part of the name. */
  findLicensees(q: string): Promise<Licensee[]>;
  createAgreement(licenseeId: number, scope: AgreementScope, ctx: Actx): Promise<Agreement>;
  agreement(id: number): Promise<Agreement | null>;
  agreementsOf(licenseeId: number): Promise<Agreement[]>;
  /** Ends the agreement and every key of it. */
  revokeAgreement(id: number, ctx: Actx): Promise<void>;
  addKey(agreementId: number, keyHash: string, prefix: string, expiresAt: string | null, ctx: Actx): Promise<ApiKeyInfo>;
  revokeKey(keyId: number, ctx: Actx): Promise<void>;
  keysOf(agreementId: number): Promise<ApiKeyInfo[]>;
  keyByHash(hash: string): Promise<ApiKeyInfo | null>;
  /** One row per item served (or one without an item for a refused or empty request). */
  logAccess(entries: AccessEntry[]): Promise<void>;
  /** Distinct items served under an agreement on a day (YYYY-MM-DD, UTC). */
  itemsServed(agreementId: number, day: string): Promise<number>;
  usage(licenseeId: number): Promise<Array<{ day: string; requests: number; items: number; refused: number }>>;
}

export type { ClaimStatus } from '../domain/rights.ts';

export interface Claim {
  id: number;
  reference: string;
  articleId: number | null;
  articleRef: string;
  claimant: string;
  contact: string;
  claim: string;
  links: string[];
  status: ClaimStatus;
  withinWindow: boolean;
  daysAfterPublication: number | null;
  assigneeId: number | null;
  createdAt: string;
  updatedAt: string;
  files: Array<{ id: number; fileName: string; contentType: string; size: number; storedAs: string }>;
}

export interface ClaimRepository {
  create(input: Omit<Claim, 'id' | 'reference' | 'status' | 'assigneeId' | 'createdAt' | 'updatedAt' | 'files'> & { ip: string | null; files: Array<{ fileName: string; contentType: string; size: number; storedAs: string }> }): Promise<Claim>;
  list(options: { status?: ClaimStatus; limit: number }): Promise<Claim[]>;
  byId(id: number): Promise<Claim | null>;
  /** A step on the desk, audited, conditional on the status it was taken from. */
  update(id: number, from: ClaimStatus, change: { status: ClaimStatus; assigneeId?: number | null }, ctx: Actx, note: string | null): Promise<Claim>;
}

export const TIP_STATUSES = ['new', 'reviewing', 'used', 'dismissed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export interface EvidenceFile {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  storedAs: string;
}

/** A reader's news tip (線索), with any photos or documents sent with it. */
export interface Tip {
  id: number;
  reference: string;
  text: string;
  contact: string | null;
  status: TipStatus;
  createdAt: string;
  updatedAt: string;
  files: EvidenceFile[];
}

export interface TipRepository {
  create(input: { text: string; contact: string | null; ip: string | null; files: Array<Omit<EvidenceFile, 'id'>> }): Promise<Tip>;
  list(options: { status?: TipStatus; limit: number }): Promise<Tip[]>;
  byId(id: number): Promise<Tip | null>;
  setStatus(id: number, status: TipStatus, ctx: Actx): Promise<Tip>;
  counts(): Promise<Partial<Record<TipStatus, number>>>;
}

/** The front page's slots: 頭條 (the lead story) and 推薦 (recommended), by article id. */
export interface FrontPageSlots {
  headlineId: number | null;
  recommendedIds: number[];
}

/** 專題: a special topic that collects articles, in the editors' order. */
export interface Topic {
  id: number;
  slug: string;
  title: string;
  language: 'zh-Hans' | 'zh-Hant';
  description: string | null;
  position: number;
  articleIds: number[];
  updatedAt: string;
}

export interface FrontPageRepository {
  slots(): Promise<FrontPageSlots>;
  setSlots(slots: FrontPageSlots, ctx: Actx): Promise<void>;
  topics(): Promise<Topic[]>;
  topic(slug: string): Promise<Topic | null>;
  /** Creates or replaces by slug. */
  putTopic(topic: Omit<Topic, 'id' | 'updatedAt'>, ctx: Actx): Promise<Topic>;
  deleteTopic(slug: string, ctx: Actx): Promise<void>;
}

/** A new picture as the upload found it; the store assigns id and times. */
export type NewMedia = Omit<MediaItem, 'id' | 'createdAt' | 'updatedAt' | 'takenDownAt' | 'revision' | 'pending'>;

export interface MediaQuery {
  /** Words in the caption, credit or alt text (as written, either script: the caller gives both forms). */
  text?: string[];
  /** Uploaded on or after / before these instants (UTC ISO). */
  from?: string;
  to?: string;
  includeTakenDown?: boolean;
  limit: number;
  offset: number;
}

/** The media library: one row per distinct original file. */
export interface MediaRepository {
  /**
   * Adds the picture, audited, unless one with the same hash exists: then that one is returned,
   * unchanged, with `created: false` (two uploads of one file at once also make one item).
   */
  add(input: NewMedia, ctx: Actx): Promise<{ item: MediaItem; created: boolean }>;
  byId(id: number): Promise<MediaItem | null>;
  byHash(hash: string): Promise<MediaItem | null>;
  /** Those that exist, in the order asked. */
  byIds(ids: readonly number[]): Promise<MediaItem[]>;
  /** Newest first. */
  search(query: MediaQuery): Promise<{ items: MediaItem[]; total: number }>;
  /**
   * Changes what is given if the item is still at `expectedRevision` (else MEDIA_STALE_REVISION,
   * nothing changed), drops any waiting change, audits the old and new values under `action`,
   * and tells the pages and licensees' feeds of the articles showing it.
   */
  update(id: number, patch: MediaPatch, expectedRevision: number, ctx: Actx, action?: string): Promise<MediaItem>;
  /** Keeps (or, with null, drops) a change waiting for approval, if the item is still at `expectedRevision`; audited. */
  setPending(id: number, pending: PendingMediaChange | null, expectedRevision: number, ctx: Actx): Promise<MediaItem>;
  /** Takes the picture off every page, feed and API at once (audited, caches told); NOT_FOUND if unknown. */
  takeDown(id: number, reason: string, ctx: Actx): Promise<MediaItem>;
  /** Articles that show it as their lead picture or in their body (any status). */
  usedBy(id: number): Promise<Array<{ id: number; status: ArticleStatus }>>;
}

/** Readings of one article on one local day (`YYYY-MM-DD` in the site's zone). */
export interface ViewCount {
  articleId: number;
  day: string;
  views: number;
}

/** A most-read article with its readings in the period asked. */
export type MostReadSummary = ArticleSummary & { views: number };

/** 點擊排行: counts of article readings per day, written in batches by every instance. */
export interface ViewRepository {
  /**
   * Adds each count to what is stored, in one transaction: instances writing the same article
   * and day at once add up, and a failed batch adds nothing.
   */
  add(batch: readonly ViewCount[]): Promise<void>;
  /**
   * The public articles (published by `asOf`; never drafts or withdrawn ones) most read from
   * `sinceDay` on, optionally in one channel: most readings first, then the newest id.
   */
  top(query: { sinceDay: string; channel?: string; limit: number; asOf: string }): Promise<MostReadSummary[]>;
  /** Forgets the days before `beforeDay`; returns how many rows went. */
  prune(beforeDay: string): Promise<number>;
}
