import { articleInputSchema, RIGHTS_CLASSES, type ArticleInput, type Dateline, type RightsClass } from '../article.ts';
import { scriptOfLanguageTag, type Script } from '../variant.ts';
import { parseLead, formatLead } from '../dateline.ts';
import { localParts } from '../time.ts';
import { paragraphsToHtml } from '../../text/sanitize.ts';
import { cleanBody } from '../article-body.ts';
import { NINJS_CHANNEL_URI, NINJS_RIGHTS_URI } from './ninjs-vocabulary.ts';

/** Why an item that passed the schema still cannot be an article; each code is documented in the README. */
export type NinjsRejection =
  | 'NINJS_NOT_TEXT'
  | 'NINJS_NO_HEADLINE'
  | 'NINJS_NO_BODY'
  | 'NINJS_NOT_CHINESE'
  | 'NINJS_NO_DATE'
  | 'NINJS_FIELD_INVALID';

export class NinjsMappingError extends Error {
  constructor(readonly code: NinjsRejection, message: string) {
    super(message);
    this.name = 'NinjsMappingError';
  }
}

export interface NinjsContext {
  timeZone: string;
  /** Finds a channel slug for a place or channel name in either script. */
  channelForName(name: string): string | null;
  /** The site's own outlet names (both scripts): items from them are originals, not reprints. */
  ownSources: string[];
  /** Tells Simplified from Traditional text when an item does not say. */
  detectScript(text: string): Script | null;
}

type Json = Record<string, unknown>;

/** ninjs 2.x spells every property in lower case; reading both through lower-cased keys maps them at once. */
export function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k.toLowerCase(), lowerKeys(v)]));
  }
  return value;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!x && typeof x === 'object') : []);
const roleIs = (x: Json, ...roles: string[]): boolean => {
  const role = str(x['role'])?.toLowerCase();
  return !!role && roles.some((r) => role === r.toLowerCase() || role.endsWith(`/${r.toLowerCase()}`));
};

function pickBody(bodies: Json[]): string | null {
  const main = bodies.filter((b) => !str(b['role']) || roleIs(b, 'main'));
  const candidates = main.length ? main : bodies;
  const html = candidates.find((b) => (str(b['contenttype']) ?? 'text/html').startsWith('text/html') && str(b['value']));
  if (html) return cleanBody(String(html['value']));
  const plain = candidates.find((b) => str(b['contenttype'])?.startsWith('text/plain') && str(b['value']));
  return plain ? paragraphsToHtml(String(plain['value'])) : null;
}

/**
 * Takes the dateline lead off the first paragraph. A lead that is exactly what the fields would
 * print is stored as fields only, so that Heitu's own exports read back to the same article.
 */
function splitLead(bodyHtml: string, year: number | null, place: string | null, script: Script): { body: string; dateline: Dateline } {
  const none: Dateline = { place, source: null, date: null, kind: null, text: null };
  const m = /^\s*<p>([^<]*)/.exec(bodyHtml);
  if (!m) return { body: bodyHtml, dateline: none };
  const parsed = parseLead(m[1]!, year, place);
  if (!parsed) return { body: bodyHtml, dateline: none };
  const at = bodyHtml.indexOf(m[1]!);
  const body = bodyHtml.slice(0, at) + parsed.rest + bodyHtml.slice(at + m[1]!.length);
  const d = parsed.dateline;
  if (place && d.source?.endsWith(place) && d.source.length > place.length) {
    const fields: Dateline = { ...d, source: d.source.slice(0, -place.length), text: null };
    if (formatLead(fields, script) === d.text) return { body, dateline: fields };
  }
  const fields: Dateline = { ...d, text: null };
  return { body, dateline: formatLead(fields, script) === d.text ? fields : d };
}

/** Maps one schema-valid ninjs 3.x or 2.x item to an article input, or says why it cannot. */
export function articleFromNinjs(raw: Json, ctx: NinjsContext): ArticleInput {
  const item = lowerKeys(raw) as Json;
  const type = str(item['type']);
  if (type && type !== 'text' && type !== 'composite') {
    throw new NinjsMappingError('NINJS_NOT_TEXT', `type "${type}": only text items become articles`);
  }
  const headlines = list(item['headlines']);
  const main = headlines.find((h) => roleIs(h, 'main') && str(h['value'])) ?? headlines.find((h) => !str(h['role']) && str(h['value']));
  const headline = str(main?.['value']) ?? str(item['headline']);
  if (!headline) throw new NinjsMappingError('NINJS_NO_HEADLINE', 'no main headline (headlines[role=main])');
  const original = str(headlines.find((h) => roleIs(h, 'original'))?.['value']);

  const rawBody = pickBody(list(item['bodies']));
  if (!rawBody) throw new NinjsMappingError('NINJS_NO_BODY', 'no text/html or text/plain body');

  const languageTag = str(item['language']);
  const language = languageTag ? scriptOfLanguageTag(languageTag) : ctx.detectScript(headline + rawBody);
  if (!language) {
    throw new NinjsMappingError('NINJS_NOT_CHINESE', `language "${languageTag ?? 'unknown'}": Heitu publishes Chinese text (zh-Hans or zh-Hant)`);
  }

  const pubStatus = str(item['pubstatus']) ?? 'usable';
  const status = pubStatus === 'canceled' ? 'withdrawn' : pubStatus === 'withheld' ? 'draft' : 'published';
  const created = str(item['firstcreated']) ?? str(item['versioncreated']) ?? str(item['contentcreated']);
  const embargo = str(item['embargoeduntil']) ?? str(item['embargoed']);
  let publishedAt = created;
  if (embargo && (!created || Date.parse(embargo) > Date.parse(created))) publishedAt = embargo;
  if (status === 'published' && !publishedAt) {
    throw new NinjsMappingError('NINJS_NO_DATE', 'a usable item needs firstCreated or versionCreated to be published');
  }
  const year = publishedAt ? localParts(publishedAt, ctx.timeZone).year : null;
  const located = str(item['located']);
  const { body, dateline } = splitLead(rawBody, year, located, language);

  const sources = list(item['infosources']);
  const sourceName = str(sources.find((s) => roleIs(s, 'source', 'originatingparty', 'originsource'))?.['name']);
  const editorName = str(sources.find((s) => roleIs(s, 'editor'))?.['name']);
  const responsibleEditorName = str(sources.find((s) => roleIs(s, 'responsibleeditor'))?.['name']);

  const channels: string[] = [];
  const tags: string[] = [];
  for (const s of list(item['subjects'])) {
    const uri = str(s['uri']);
    if (uri?.startsWith(NINJS_CHANNEL_URI)) channels.push(uri.slice(NINJS_CHANNEL_URI.length));
    else if (str(s['name'])) tags.push(str(s['name'])!);
  }
  for (const p of list(item['places'])) {
    const slug = str(p['name']) ? ctx.channelForName(str(p['name'])!) : null;
    if (slug) channels.push(slug);
  }
  if (channels.length === 0 && located) {
    const slug = ctx.channelForName(located);
    if (slug) channels.push(slug);
  }

  const declared = list(item['genres'])
    .map((g) => str(g['uri']))
    .find((u) => u?.startsWith(NINJS_RIGHTS_URI))
    ?.slice(NINJS_RIGHTS_URI.length);
  const rightsClass: RightsClass = (RIGHTS_CLASSES as readonly string[]).includes(declared ?? '')
    ? (declared as RightsClass)
    : sourceName && !ctx.ownSources.includes(sourceName)
      ? 'reprint'
      : 'original';

  const summary = str(list(item['descriptions']).find((d) => roleIs(d, 'summary', 'abstract') || !str(d['role']))?.['value']);
  const parsed = articleInputSchema.safeParse({
    uri: str(item['uri']) ?? undefined,
    language,
    headline,
    originalHeadline: original,
    summary,
    dateline,
    bodyHtml: body,
    byline: str(item['by']),
    sourceName,
    rightsClass,
    editorName,
    responsibleEditorName,
    channels: [...new Set(channels)],
    tags: [...new Set(tags)],
    status,
    publishedAt: publishedAt ? new Date(publishedAt).toISOString() : null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new NinjsMappingError('NINJS_FIELD_INVALID', `${issue.path.join('.') || 'item'}: ${issue.message}`);
  }
  return parsed.data;
}
