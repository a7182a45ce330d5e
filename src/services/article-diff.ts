import { diffChars } from 'diff';
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
    out.push({ field, parts: diffChars(a, b).map((p) => ({ value: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) })) });
  }
  return out;
}
