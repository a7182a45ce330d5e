import { changedFields } from './content-fields.ts';
import { z } from 'zod';
import { SCRIPTS, type Script } from './variant.ts';
import { WORKFLOW_STATUSES, type WorkflowStatus, type ReviewLevel } from './workflow.ts';

/** How the site may use an article; drives attribution, disclaimers and (later) licensing. */
export const RIGHTS_CLASSES = ['original', 'exclusive', 'reprint', 'licensed-in'] as const;
export type RightsClass = (typeof RIGHTS_CLASSES)[number];

export const ARTICLE_STATUSES = WORKFLOW_STATUSES;
export type ArticleStatus = WorkflowStatus;

/** A dateline lead such as `中國吉林網8月26日訊:`: where, who and when the story was filed. */
export interface Dateline {
  place: string | null;
  source: string | null;
  /** Local calendar date of filing, `YYYY-MM-DD`. */
  date: string | null;
  /** 訊 (report) or 電 (wire), in the article's script. */
  kind: string | null;
  /** The lead exactly as written, when it came from text (kept so it renders as its author wrote it). */
  text: string | null;
}

export interface Article {
  id: number;
  uri: string;
  language: Script;
  headline: string;
  originalHeadline: string | null;
  summary: string | null;
  dateline: Dateline;
  /** Sanitised HTML, without the dateline lead. */
  bodyHtml: string;
  byline: string | null;
  sourceName: string | null;
  rightsClass: RightsClass;
  editorName: string | null;
  responsibleEditorName: string | null;
  /** Channel slugs, primary first. */
  channels: string[];
  tags: string[];
  status: ArticleStatus;
  /** UTC ISO-8601; null until published. */
  publishedAt: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
  /** The newsroom member who created it; null for imports and the demo. */
  createdBy: number | null;
  /** Review levels it needs, fixed when it is submitted. */
  reviewLevels: ReviewLevel;
  /** Review levels signed in the current round. */
  signatures: SignatureRecord[];
  /** Why it was last returned or withdrawn. */
  statusReason: string | null;
  corrections: Correction[];
  /** Terms that convert this way in this article only, whatever the site dictionary says. */
  lockedTerms: LockedTerm[];
  /** The 題圖: a picture of the media library shown above the story and beside it in lists. */
  leadImageId: number | null;
}

export interface SignatureRecord {
  level: ReviewLevel;
  userId: number;
  /** The signer's display name when signing (the audit keeps who really signed). */
  name: string;
  signedAt: string;
  revision: number;
}

export interface Correction {
  at: string;
  note: string;
  revision: number;
}

/** Just what a list or a block on the home page needs. */
export interface ArticleSummary {
  id: number;
  language: Script;
  headline: string;
  summary: string | null;
  sourceName: string | null;
  publishedAt: string;
  channels: string[];
  leadImageId: number | null;
}

const text = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: trimmed, and empty is none. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const datelineSchema = z.object({
  place: optionalText(40),
  source: optionalText(60),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullish()
    .transform((v) => v ?? null),
  kind: optionalText(2),
  text: optionalText(80),
});

// A term's forms are words, inserted into text: anything that looks like markup or a control is refused.
const termText = (max: number) => z.string().trim().max(max).regex(/^[^<>&"'`\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/u, 'a term is plain words: no < > & " \' ` or control characters');
/** A term that always converts one way: hans ↔ hant (and hk when Hong Kong writes it otherwise). */
export const termSchema = z.object({
  hans: termText(40).min(1),
  hant: termText(40).min(1),
  hk: termText(40).nullish().transform((v) => v || null),
});

export type LockedTerm = z.output<typeof termSchema>;

/**
 * The shape of a stored term, for reading rows: one written before forms were checked must still
 * load (output treats every form as text), and the check applies when it is next saved.
 */
export const storedTermSchema = z.object({ hans: z.string().min(1), hant: z.string(), hk: z.string().nullish().transform((v) => v || null) });

/** What a writer (or an importer) supplies; the store assigns id, revision and times. */
export const articleInputSchema = z.object({
  uri: z.string().trim().min(1).max(500).optional(),
  language: z.enum(SCRIPTS),
  headline: text(200),
  originalHeadline: optionalText(400),
  summary: optionalText(1000),
  dateline: datelineSchema.default({ place: null, source: null, date: null, kind: null, text: null }),
  bodyHtml: z.string().min(1).max(2_000_000),
  byline: optionalText(200),
  sourceName: optionalText(100),
  rightsClass: z.enum(RIGHTS_CLASSES),
  editorName: optionalText(60),
  responsibleEditorName: optionalText(60),
  channels: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  status: z.enum(ARTICLE_STATUSES).default('draft'),
  publishedAt: z.string().datetime({ offset: true }).nullish().transform((v) => (v ? new Date(v).toISOString() : null)),
  lockedTerms: z.array(termSchema).max(100).default([]),
  leadImageId: z.number().int().positive().max(2 ** 31 - 1).nullish().transform((v) => v ?? null),
});
export type ArticleInput = z.output<typeof articleInputSchema>;

/** The same story as readers see it, at the same place in the workflow. */
export function sameContent(a: ArticleInput, b: Article): boolean {
  return changedFields(b, a).length === 0 && a.status === b.status && a.publishedAt === b.publishedAt;
}
