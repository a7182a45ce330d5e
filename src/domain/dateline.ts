import type { Dateline } from './article.ts';
import type { Script } from './variant.ts';

/**
 * A dateline lead opens the first paragraph: source, month and day, then 訊 (report) or 電 (wire),
 * then a colon, e.g. `中國吉林網8月26日訊:` or `黑土网长春11月28日电：`.
 */
const LEAD = /^(\S{1,30}?)(\d{1,2})月(\d{1,2})日(訊|讯|電|电)([:：])/u;

export interface ParsedLead {
  dateline: Dateline;
  /** The paragraph text after the lead. */
  rest: string;
}

/**
 * Reads a lead off the start of a paragraph's text. `year` comes from the publication date,
 * since a lead only names month and day.
 */
export function parseLead(paragraphText: string, year: number | null, place: string | null): ParsedLead | null {
  const m = LEAD.exec(paragraphText);
  if (!m) return null;
  const [whole, source, month, day, kind] = m as unknown as [string, string, string, string, string];
  const date = year === null ? null : `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return {
    dateline: { place, source, date, kind, text: whole },
    rest: paragraphText.slice(whole.length),
  };
}

/** The lead to print before the body; empty when the article has none. */
export function formatLead(d: Dateline, script: Script): string {
  if (d.text) return d.text;
  if (!d.source || !d.date) return '';
  const [, month, day] = d.date.split('-').map(Number);
  const kind = d.kind ?? (script === 'zh-Hans' ? '讯' : '訊');
  const place = d.place && !d.source.endsWith(d.place) ? d.place : '';
  return `${d.source}${place}${month}月${day}日${kind}：`;
}
