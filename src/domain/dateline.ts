import type { Dateline } from './article.ts';
import type { Script } from './variant.ts';
import { localParts } from './time.ts';
import { convertName } from '../text/convert-name.ts';

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

/** What a lead built from fields needs besides them: when the article went out, and who "we" are. */
export interface LeadContext {
  /** The publication time (UTC ISO), dating a lead whose fields name no date. */
  publishedAt: string | null;
  /** The site's zone: the date is the local one there. */
  timeZone: string;
  /** Who filed a story the fields name only a place for: the site itself (`黑土網長春11月28日訊：`). */
  siteName?: string | null;
}

/** A wire service (新華社, 中新社, 東北新聞通訊社) files 電; anyone else 訊. */
const AGENCY = /社$/u;

/**
 * The lead to print before the body, in the article's script; empty when the article has none.
 *
 * A lead kept as written (`text`, from an import) is printed as it is, unless it is a lead that
 * names another source than the fields: then an editor has changed them since, and the fields
 * win. Otherwise the lead is built as Chinese papers print it — source, place, month and day,
 * 訊 or 電, colon (`黑土网长春11月28日电：`) — dated by the publication in the site's zone when
 * the fields give no date. Without a date there is no lead: a lead is where and when.
 */
export function formatLead(d: Dateline, script: Script, at?: LeadContext): string {
  if (d.text && !staleText(d)) return d.text;
  const source = d.source ?? (d.place ? (at?.siteName ?? null) : null);
  if (!source) return '';
  let month: number;
  let day: number;
  if (d.date) [, month, day] = d.date.split('-').map(Number) as [number, number, number];
  else if (at?.publishedAt) ({ month, day } = localParts(at.publishedAt, at.timeZone));
  else return '';
  const kind = d.kind ?? (AGENCY.test(source) ? (script === 'zh-Hans' ? '电' : '電') : script === 'zh-Hans' ? '讯' : '訊');
  const place = d.place && !source.endsWith(d.place) ? d.place : '';
  // Fields typed in the other script (a Traditional source on a Simplified story) are brought
  // into the article's, so the lead converts for readers with the body.
  return convertName(`${source}${place}${month}月${day}日${kind}：`, script, script);
}

/** A kept lead that names a source the fields no longer do (with or without their place). */
function staleText(d: Dateline): boolean {
  if (!d.source) return false;
  const parsed = LEAD.exec(d.text ?? '');
  if (!parsed || parsed[0] !== d.text) return false;
  const written = parsed[1]!;
  return written !== d.source && written !== d.source + (d.place ?? '');
}
