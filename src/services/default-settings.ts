import type { Store } from '../store/ports.ts';
import type { SiteSettings } from '../domain/site-settings.ts';

/**
 * What a site without the demo starts with: neutral placeholders an operator replaces (with
 * `heitu setup` or in the newsroom), complete enough that every reader page renders at once.
 */
export const defaultSettings: SiteSettings = {
  language: 'zh-Hant',
  siteName: '新聞網',
  tagline: '',
  operator: '本網編輯部',
  marketingAgent: '',
  claimWindowDays: 30,
  feedFullText: true,
  hotline: '',
  email: 'news@example.invalid',
  timeZone: 'Asia/Shanghai',
  defaultScript: 'zh-Hant',
  creditLine: '來源:本網',
  statementTitle: '版權與內容授權聲明',
  copyrightClauses: [
    '本網由本網編輯部主辦並負責運營。',
    '凡本網註明「來源:本網」的原創及專稿作品,版權均屬本網所有,未經本網書面授權,任何機構和個人不得轉載、摘編、複製或以其他方式使用。',
    '已獲本網授權者應在授權範圍內使用,並註明「來源:本網」;違反上述聲明者,本網將依法追究其法律責任。',
    '本網自有內容的授權與銷售由本網統一管理,獲授權機構的名單可在「授權查詢」頁面核實。',
    '本網轉載的其他來源作品,目的在於傳遞更多信息,不代表本網觀點,版權歸原作者或原機構所有。',
    '如因作品內容、版權或其他問題需與本網聯繫,請在作品發布之日起30日內提出。',
  ],
  reprintDisclaimer: '本文轉載自其他媒體,轉載目的在於傳遞更多信息,不代表本網觀點。',
};

/**
 * Writes the default settings when the site has none. Without settings no page can render, so a
 * site started without the demo would otherwise answer nothing but errors. Returns whether it wrote.
 */
export async function ensureDefaultSettings(store: Store): Promise<boolean> {
  if (await store.settings.get()) return false;
  await store.settings.put(defaultSettings);
  return true;
}
