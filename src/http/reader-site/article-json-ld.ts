import type { RenderContext } from './render-context.ts';
import type { ArticleData } from '../../services/reader-service.ts';
import { formatZoned } from '../../domain/time.ts';
import { convertText } from '../../text/convert.ts';
import { convertName } from '../../text/convert-name.ts';
import { joinHtml, jsonScript, type SafeHtml } from '../../text/safe-html.ts';
import { articleTrail, breadcrumbList } from './breadcrumb.ts';
import { absoluteImage, leadPictureOf, SHARED_CROPS } from './pictures.ts';

/**
 * schema.org NewsArticle for an article page, with the rights it is published under: who holds
 * the copyright, the notice, the credit to show, and where the licensing terms are; then the
 * page's BreadcrumbList.
 */
export function articleJsonLd(ctx: RenderContext, data: ArticleData): SafeHtml {
  const a = data.article;
  const s = data.settings;
  const t = (text: string | null, from = a.language) => (text ? convertText(text, from, ctx.target) : undefined);
  // People and outlets by the script their names are written in (see convertName).
  const name = (text: string | null) => (text ? convertName(text, a.language, ctx.target) : undefined);
  const own = a.rightsClass === 'original' || a.rightsClass === 'exclusive';
  const holder = own ? t(s.operator, s.language) : name(a.sourceName);
  const year = new Date(a.publishedAt!).getUTCFullYear();
  const picture = leadPictureOf(data.pictures, a);
  // One picture in the crops search engines lay out (16:9, 4:3, 1:1), each its largest JPEG.
  const image = picture
    ? SHARED_CROPS.map((crop) => {
        const i = absoluteImage(ctx, picture, crop);
        return {
          '@type': 'ImageObject', url: i.url, contentUrl: i.url, width: i.width, height: i.height,
          ...(picture.caption ? { caption: t(picture.caption, picture.language) } : {}),
          ...(picture.credit ? { creditText: t(picture.credit, picture.language) } : {}),
        };
      })
    : null;
  const doc = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: t(a.headline),
    ...(a.originalHeadline ? { alternativeHeadline: t(a.originalHeadline) } : {}),
    datePublished: formatZoned(a.publishedAt!, s.timeZone),
    dateModified: formatZoned(a.updatedAt, s.timeZone),
    inLanguage: ctx.target,
    ...(a.dateline.place ? { dateline: t(a.dateline.place) } : {}),
    ...(a.byline ? { author: { '@type': 'Person', name: name(a.byline) } } : {}),
    ...(a.editorName ? { editor: { '@type': 'Person', name: name(a.editorName) } } : {}),
    publisher: { '@type': 'NewsMediaOrganization', name: t(s.siteName, s.language), url: ctx.absolute(ctx.href('/')) },
    mainEntityOfPage: ctx.absolute(ctx.href(`/articles/${a.id}`)),
    ...(image ? { image } : {}),
    copyrightHolder: { '@type': 'Organization', name: holder },
    copyrightYear: year,
    copyrightNotice: `© ${year} ${holder ?? ''}`.trim(),
    creditText: own ? t(s.creditLine, s.language) : `${convertText('來源', 'zh-Hant', ctx.target)}:${name(a.sourceName) ?? ''}`,
    license: ctx.absolute(ctx.href('/licensees/verify')),
    isAccessibleForFree: true,
    ...(a.tags.length ? { keywords: a.tags.map((tag) => t(tag)) } : {}),
  };
  // The page's 當前位置 as a second item, so search results can show the path to the story.
  return joinHtml([jsonScript('application/ld+json', doc), jsonScript('application/ld+json', breadcrumbList(ctx, articleTrail(ctx, a)))], '\n');
}
