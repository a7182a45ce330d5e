import type { UiKey } from '../ui-strings.ts';

/** What the server put in the page: the UI's words in the chosen script. */
interface Boot {
  script: 'zh-hans' | 'zh-hant';
  strings: Record<UiKey, string>;
  siteName: string;
}

export const boot = JSON.parse(document.getElementById('boot')!.textContent!) as Boot;

export function t(key: UiKey): string {
  return boot.strings[key] ?? key;
}

export function tOr(key: string, fallback: string): string {
  return (boot.strings as Record<string, string>)[key] ?? fallback;
}
