import { diffChars, diffLines, type ChangeObject } from 'diff';
import type { ArticleInput } from '../domain/article.ts';
import { htmlToText } from '../text/sanitize.ts';

export interface FieldDiff {
  field: string;
  parts: Array<{ value: string; added?: boolean; removed?: boolean }>;
}

/** What a reader of the two versions would see differ, field by field; unchanged fields are left out. */
const FIELDS: Array<[string, (a: ArticleInput) => string]> = [
  ['headline', (a) => a.headline],
  ['originalHeadline', (a) => a.originalHeadline ?? ''],
  ['summary', (a) => a.summary ?? ''],
  ['byline', (a) => a.byline ?? ''],
  ['sourceName', (a) => a.sourceName ?? ''],
  ['editorName', (a) => a.editorName ?? ''],
  ['responsibleEditorName', (a) => a.responsibleEditorName ?? ''],
  ['rightsClass', (a) => a.rightsClass],
  ['channels', (a) => a.channels.join(', ')],
  ['tags', (a) => a.tags.join(', ')],
  ['dateline', (a) => [a.dateline.place, a.dateline.source, a.dateline.kind].filter(Boolean).join(' ')],
  // Paragraph breaks kept as new lines, so a moved paragraph reads as one.
  ['body', (a) => htmlToText(a.bodyHtml.replace(/<\/(p|h2|h3|h4|blockquote|li|figcaption)>/g, '\n'))],
];

export function diffArticles(from: ArticleInput, to: ArticleInput): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const [field, get] of FIELDS) {
    const a = get(from);
    const b = get(to);
    if (a === b) continue;
    out.push({ field, parts: boundedDiff(a, b).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) })) });
  }
  return out;
}

/** Milliseconds a comparison may take, character by character and then line by line. */
const DIFF_BUDGET_MS = 10;

/**
 * Character differences cost time growing with the square of how much changed: two long, wholly
 * different bodies took seconds and held every request. Within a budget, characters; then lines;
 * past both, the field is shown as replaced.
 */
function boundedDiff(a: string, b: string): Array<ChangeObject<string>> {
  return diffChars(a, b, { timeout: DIFF_BUDGET_MS })
    ?? diffLines(a, b, { timeout: DIFF_BUDGET_MS })
    ?? [{ value: a, removed: true, added: false, count: 1 }, { value: b, added: true, removed: false, count: 1 }];
}
