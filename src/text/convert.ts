import * as OpenCC from 'opencc-js';
import type { Script } from '../domain/variant.ts';

/**
 * Script conversion at phrase level with OpenCC's dictionaries. Traditional output uses
 * Taiwan-standard characters (為, 群眾), as the seed page does; Simplified uses mainland forms.
 */
type Convert = (s: string) => string;

const identity: Convert = (s) => s;
let hansToHant: Convert | null = null;
let hantToHans: Convert | null = null;

// Building a converter parses several dictionaries (~100 ms); do it once, on first use.
function converter(from: Script, to: Script): Convert {
  if (from === to) return identity;
  if (from === 'zh-Hans') return (hansToHant ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return (hantToHans ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
}

export function convertText(text: string, from: Script, to: Script): string {
  return converter(from, to)(text);
}

/**
 * Converts the text of an HTML fragment and leaves markup alone, so that attribute values
 * (image URLs, links) are never rewritten.
 */
export function convertHtml(html: string, from: Script, to: Script): string {
  if (from === to) return html;
  const convert = converter(from, to);
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : convert(part)))
    .join('');
}
