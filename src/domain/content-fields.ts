import type { ArticleInput } from './article.ts';

/** Everything of an article that readers see: all but its identity and its place in the workflow. */
export const READER_FIELDS = [
  'language', 'headline', 'originalHeadline', 'summary', 'dateline', 'bodyHtml', 'byline', 'sourceName',
  'rightsClass', 'editorName', 'responsibleEditorName', 'channels', 'tags', 'lockedTerms', 'leadImageId',
] as const satisfies ReadonlyArray<keyof ArticleInput>;
export type ReaderField = (typeof READER_FIELDS)[number];

/** JSON with keys in order, so that the same value always reads the same whatever built it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The reader-visible fields that differ, exactly (a changed link or tag counts, not only changed words). */
export function changedFields(before: Pick<ArticleInput, ReaderField>, after: ArticleInput): ReaderField[] {
  return READER_FIELDS.filter((f) => canonical(before[f]) !== canonical(after[f]));
}
