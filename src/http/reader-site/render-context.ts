import type { Variant, Script } from '../../domain/variant.ts';
import { scriptOfVariant } from '../../domain/variant.ts';
import { convertText, convertHtml } from '../../text/convert.ts';
import type { SiteFrame } from '../../services/reader-service.ts';
import { esc } from '../html.ts';

/** Everything a page template needs to write in the reader's script. */
export interface RenderContext {
  variant: Variant;
  script: Script;
  /** The variant shown without a prefix (`/articles/1`). */
  defaultVariant: Variant;
  frame: SiteFrame;
  /** Converts text written in `from` to the reader's script and escapes it for HTML. */
  t(text: string, from?: Script): string;
  /** Converts sanitised HTML written in `from` to the reader's script. */
  h(html: string, from: Script): string;
  /** The path of `path` in this variant, e.g. `/zh-hans/articles/1`. */
  href(path: string): string;
  /** The path of `path` in another variant. */
  hrefIn(variant: Variant, path: string): string;
}

export function renderContext(frame: SiteFrame, variant: Variant): RenderContext {
  const script = scriptOfVariant(variant);
  const labelsScript: Script = 'zh-Hant';
  return {
    variant,
    script,
    defaultVariant: frame.settings.defaultScript === 'zh-Hans' ? 'zh-hans' : 'zh-hant',
    frame,
    t: (text, from = labelsScript) => esc(convertText(text, from, script)),
    h: (html, from) => convertHtml(html, from, script),
    href: (path) => `/${variant}${path}`,
    hrefIn: (v, path) => `/${v}${path}`,
  };
}
