import { targetOfVariant, type Script, type Target, type Variant } from '../../domain/variant.ts';
import { convertText, type Term } from '../../text/convert.ts';
import type { SiteFrame } from '../../services/reader-service.ts';
import type { SafeHtml } from '../../text/safe-html.ts';
import { rebuildBodyHtml, rebuildBodyHtmlYielding, type BodyLead, type BodyPicture } from '../../text/body-html.ts';

/** Everything a page template needs to write in the reader's script. */
export interface RenderContext {
  variant: Variant;
  target: Target;
  frame: SiteFrame;
  /** Converts text written in `from` to the reader's script (plain text: templates escape it). */
  t(text: string, from?: Script): string;
  /**
   * Body HTML written in `from`, rebuilt from its allowlist with its text in the reader's script;
   * library pictures (`<img data-media-id>`) are rendered by `pictures`, or left out without it.
   */
  h(html: string, from: Script, lead?: BodyLead, pictures?: BodyPicture): SafeHtml;
  /** The same, yielding to the event loop as it converts (for pages rendered while serving). */
  hYielding(html: string, from: Script, lead?: BodyLead, pictures?: BodyPicture): Promise<SafeHtml>;
  /** The path of `path` in this variant, e.g. `/zh-hans/articles/1`. */
  href(path: string): string;
  /** The path of `path` in another variant. */
  hrefIn(variant: Variant, path: string): string;
  /** An absolute URL on the public site. */
  absolute(path: string): string;
}

/** Interface words are written in Traditional (labels.ts). */
const LABELS_SCRIPT: Script = 'zh-Hant';

/** `terms` are the page's own locked terms (an article's), which win over the site's dictionary. */
export function renderContext(frame: SiteFrame, variant: Variant, publicUrl: string, terms: readonly Term[] = []): RenderContext {
  const target = targetOfVariant(variant);
  const all = terms.length ? [...terms, ...frame.terms] : frame.terms;
  // As convertHtml does, with the pictures a page renders (convert.ts's callers have none).
  const bodyText = (from: Script) => (from === target ? undefined : (text: string) => convertText(text, from, target, all));
  const noPictures: BodyPicture = () => null;
  return {
    variant,
    target,
    frame,
    t: (text, from = LABELS_SCRIPT) => convertText(text, from, target, all),
    h: (html, from, lead, pictures = noPictures) => rebuildBodyHtml(html, bodyText(from), lead, pictures),
    hYielding: (html, from, lead, pictures = noPictures) => rebuildBodyHtmlYielding(html, bodyText(from), lead, pictures),
    href: (path) => `/${variant}${path}`,
    hrefIn: (v, path) => `/${v}${path}`,
    absolute: (path) => `${publicUrl}${path}`,
  };
}
