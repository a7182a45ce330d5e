import type { Article, RightsClass } from '../article.ts';
import { formatLead } from '../dateline.ts';
import { rebuildBodyHtml } from '../../text/body-html.ts';
import { formatZoned } from '../time.ts';
import { NINJS_CHANNEL_URI, NINJS_RIGHTS_URI, NINJS_SCHEMA_31 } from './ninjs-vocabulary.ts';

export interface NinjsExportContext {
  timeZone: string;
  channelName(slug: string): string;
  rightsLabel(rightsClass: RightsClass): string;
}

/** ninjs 3.1 for one article; the dateline lead goes back into the body, where agencies put it. */
export function articleToNinjs(a: Article, ctx: NinjsExportContext): Record<string, unknown> {
  // Rebuilt like a page's body: the lead goes in as text, and only allowlisted markup goes out.
  const body = String(rebuildBodyHtml(a.bodyHtml, undefined, { text: formatLead(a.dateline, a.language), as: 'text' }));
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
  };
  return item;
}
