import type { Article, RightsClass } from '../article.ts';
import { formatLead } from '../dateline.ts';
import { rebuildBodyHtml, type BodyPicture } from '../../text/body-html.ts';
import { formatZoned } from '../time.ts';
import type { MediaItem } from '../media.ts';
import { html } from '../../text/safe-html.ts';
import { NINJS_CHANNEL_URI, NINJS_RIGHTS_URI, NINJS_SCHEMA_31 } from './ninjs-vocabulary.ts';
import { bodyRendition, pictureToNinjs } from './picture-to-ninjs.ts';

export interface NinjsExportContext {
  timeZone: string;
  /** Files a story whose 電頭 names only a place (the lead then reads `黑土網長春11月28日訊：`). */
  siteName?: string;
  channelName(slug: string): string;
  rightsLabel(rightsClass: RightsClass): string;
}

export interface NinjsPictures {
  /**
   * The pictures that may go out with the article, lead first, then the body's in order. A picture
   * the body names that is not among them is taken out of the body too: it must not leak there.
   */
  items: readonly MediaItem[];
  /** A rendition's link from its site path: absolute for licensees, a file name beside an export. */
  href(path: string): string;
  /**
   * Licensees get `src` on the body's pictures so they show as they are; an export keeps only the
   * library id, which its import maps to the pictures it brings in.
   */
  srcInBody: boolean;
}

/**
 * ninjs 3.1 for one article; the dateline lead goes back into the body, where agencies put it.
 * With `pictures`, they go as associations of type picture and the body keeps only those.
 */
export function articleToNinjs(a: Article, ctx: NinjsExportContext, pictures?: NinjsPictures): Record<string, unknown> {
  const byId = new Map((pictures?.items ?? []).map((p) => [p.id, p]));
  const bodyPicture: BodyPicture | undefined = pictures && ((id, alt) => {
    const p = byId.get(id);
    if (!p) return null;
    // The library's rendition, not whatever src the body had: the licensee shows what the association describes.
    return pictures.srcInBody
      ? // A body picture with no alt text of its own is described by the library's, as on the reader pages.
        html`<img src="${pictures.href(bodyRendition(p).path)}" alt="${alt ?? p.alt ?? ''}" data-media-id="${id}">`
      : html`<img alt="${alt ?? ''}" data-media-id="${id}">`;
  });
  // Rebuilt like a page's body: the lead goes in as text, and only allowlisted markup goes out.
  const body = String(rebuildBodyHtml(a.bodyHtml, undefined, { text: formatLead(a.dateline, a.language, { publishedAt: a.publishedAt, timeZone: ctx.timeZone, siteName: ctx.siteName ?? null }), as: 'text' }, bodyPicture));
  const associations = (pictures?.items ?? []).map((p) => pictureToNinjs(p, p.id === a.leadImageId ? 'lead' : 'inline', ctx.timeZone, pictures!.href));
  const infoSources = [
    a.sourceName && { name: a.sourceName, role: 'source' },
    a.editorName && { name: a.editorName, role: 'editor' },
    a.responsibleEditorName && { name: a.responsibleEditorName, role: 'responsibleEditor' },
  ].filter(Boolean);
  const item: Record<string, unknown> = {
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_31 },
    uri: a.uri,
    type: 'text',
    representationType: 'full',
    pubStatus: a.status === 'published' ? 'usable' : a.status === 'withdrawn' ? 'canceled' : 'withheld',
    language: a.language,
    version: String(a.revision),
    firstCreated: formatZoned(a.publishedAt ?? a.createdAt, ctx.timeZone),
    versionCreated: formatZoned(a.updatedAt, ctx.timeZone),
    headlines: [
      { role: 'main', value: a.headline },
      ...(a.originalHeadline ? [{ role: 'original', value: a.originalHeadline }] : []),
    ],
    ...(a.summary ? { descriptions: [{ role: 'summary', value: a.summary }] } : {}),
    ...(a.byline ? { by: a.byline } : {}),
    ...(a.dateline.place ? { located: a.dateline.place } : {}),
    ...(infoSources.length ? { infoSources } : {}),
    subjects: [
      ...a.channels.map((slug) => ({ name: ctx.channelName(slug), uri: `${NINJS_CHANNEL_URI}${slug}` })),
      ...a.tags.map((name) => ({ name })),
    ],
    genres: [{ name: ctx.rightsLabel(a.rightsClass), uri: `${NINJS_RIGHTS_URI}${a.rightsClass}` }],
    bodies: [{ role: 'main', contentType: 'text/html', value: body, charCount: [...body.replace(/<[^>]*>/g, '')].length }],
    ...(associations.length ? { associations } : {}),
  };
  return item;
}
