import { PHOTO_RIGHTS, type PhotoRights } from '../media.ts';
import { rebuildBodyHtml } from '../../text/body-html.ts';
import { html } from '../../text/safe-html.ts';
import { scriptOfLanguageTag, type Script } from '../variant.ts';
import { lowerKeys } from './from-ninjs.ts';
import { NINJS_MEDIA_ID_ROLE, NINJS_PICTURE_RIGHTS_URI } from './ninjs-vocabulary.ts';

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!x && typeof x === 'object') : []);

/** A picture an item brings along, as its association describes it. */
export interface NinjsPictureRef {
  /** The library id the item's body names it by (`<img data-media-id>`), where the item says. */
  sourceId: number | null;
  lead: boolean;
  /** The rendition to take in, as written: a file name relative to the imported file. */
  href: string;
  fields: {
    caption: string | null;
    credit: string | null;
    alt: string | null;
    rightsClass: PhotoRights;
    copyrightHolder: string | null;
    usageTerms: string | null;
    language?: Script;
  };
}

/** Whether an href names a resource by scheme (http:, file:, data:…) rather than a file beside the item. */
export const hasScheme = (href: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(href);

/**
 * The rendition that carries the most of a picture: one its provider calls the original, else
 * the whole frame (Heitu's `full-…`), else the largest.
 */
function bestRendition(renditions: Json[]): Json | null {
  const withHref = renditions.filter((r) => str(r['href']));
  const named = withHref.find((r) => ['original', 'baseimage', 'highres'].includes((str(r['name']) ?? '').toLowerCase()));
  if (named) return named;
  const area = (r: Json) => (typeof r['width'] === 'number' ? r['width'] : 0) * (typeof r['height'] === 'number' ? r['height'] : 0);
  const byArea = (a: Json, b: Json) => area(b) - area(a);
  return withHref.filter((r) => str(r['name'])?.startsWith('full-')).sort(byArea)[0] ?? withHref.sort(byArea)[0] ?? null;
}

/**
 * The pictures among an item's associations (3.x or 2.x), in order. The lead is the one marked
 * rel lead, else the first not marked as a body picture (rel inline); a picture with no rendition
 * to fetch brings nothing.
 * A class not declared is taken as an agency's: a picture from elsewhere is never passed on as our own.
 */
export function picturesFromNinjs(raw: Json): NinjsPictureRef[] {
  const item = lowerKeys(raw) as Json;
  const out: Array<NinjsPictureRef & { rel: string | null }> = [];
  for (const a of list(item['associations'])) {
    if (str(a['type']) !== 'picture') continue;
    const rendition = bestRendition(list(a['renditions']));
    if (!rendition) continue;
    const descriptions = list(a['descriptions']);
    const described = (role: string) => str(descriptions.find((d) => str(d['role'])?.toLowerCase() === role)?.['value']);
    const declared = list(a['genres']).map((g) => str(g['uri'])).find((u) => u?.startsWith(NINJS_PICTURE_RIGHTS_URI))?.slice(NINJS_PICTURE_RIGHTS_URI.length);
    const idText = str(list(a['altids']).find((x) => str(x['role']) === NINJS_MEDIA_ID_ROLE)?.['value']) ?? /^media-(\d+)$/.exec(str(a['name']) ?? '')?.[1] ?? null;
    const language = str(a['language']) ? scriptOfLanguageTag(str(a['language'])!) : null;
    const caption = described('caption') ?? described('text') ?? str(list(a['headlines'])[0]?.['value']);
    const credit = described('creditline') ?? str(a['by']);
    const fields: NinjsPictureRef['fields'] = {
      caption: caption && caption.slice(0, 500), credit: credit && credit.slice(0, 100), alt: described('alt')?.slice(0, 300) ?? null,
      rightsClass: (PHOTO_RIGHTS as readonly string[]).includes(declared ?? '') ? (declared as PhotoRights) : 'agency',
      copyrightHolder: str(a['copyrightholder'])?.slice(0, 200) ?? null, usageTerms: str(a['usageterms'])?.slice(0, 1000) ?? null,
      ...(language ? { language } : {}),
    };
    out.push({ sourceId: idText && /^[1-9]\d{0,11}$/.test(idText) ? Number(idText) : null, lead: false, href: str(rendition['href'])!, fields, rel: str(a['rel'])?.toLowerCase() ?? null });
  }
  const lead = out.find((p) => p.rel === 'lead') ?? out.find((p) => p.rel !== 'inline');
  return out.map(({ rel: _rel, ...p }, i) => ({ ...p, lead: out[i] === lead }));
}

/**
 * A copy of the item for the schema check in which the relative hrefs of picture renditions read
 * as URIs: the ninjs schemas declare href as an absolute URI, and a file beside the imported file
 * is the one place a relative one is meant. Everything else is checked as sent.
 */
export function withFileHrefsAsUris(raw: Json): Json {
  const associations = raw['associations'];
  if (!Array.isArray(associations)) return raw;
  const fix = (a: unknown): unknown => {
    if (!a || typeof a !== 'object' || (a as Json)['type'] !== 'picture' || !Array.isArray((a as Json)['renditions'])) return a;
    const renditions = ((a as Json)['renditions'] as unknown[]).map((r) => {
      const href = r && typeof r === 'object' ? (r as Json)['href'] : undefined;
      return typeof href === 'string' && href && !hasScheme(href) ? { ...(r as Json), href: `urn:heitu:import-file:${encodeURIComponent(href)}` } : r;
    });
    return { ...(a as Json), renditions };
  };
  return { ...raw, associations: associations.map(fix) };
}

/**
 * The body with its library pictures renamed to the ids they have here. A picture the body names
 * that did not come with the item is taken out: on this site that id is some other picture.
 */
export function remapBodyPictures(bodyHtml: string, ids: ReadonlyMap<number, number>): string {
  return String(rebuildBodyHtml(bodyHtml, undefined, undefined, (id, alt) => {
    const to = ids.get(id);
    return to === undefined ? null : html`<img alt="${alt ?? ''}" data-media-id="${to}">`;
  }));
}
