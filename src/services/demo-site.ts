import type { Store } from '../store/ports.ts';
import type { SiteSettings } from '../domain/site-settings.ts';
import type { ChannelInput } from '../domain/channel.ts';
import { articleInputSchema } from '../domain/article.ts';
import { cleanBody } from '../domain/article-body.ts';
import { demoArticles } from '../demo/demo-articles.ts';

const DEMO_ACTOR = { actorId: null, actorLogin: 'demo' };

/** The demo site: a Jilin regional portal, written in Traditional like the page Heitu is modelled on. */
export const demoSettings: SiteSettings = {
  language: 'zh-Hant',
  siteName: '黑土網',
  tagline: '吉林各地新聞,一站讀懂',
  operator: '黑土網示範編輯部',
  marketingAgent: '黑土網內容授權中心',
  claimWindowDays: 30,
  feedFullText: true,
  hotline: '0431-8000-0000',
  email: 'news@heitu.example',
  timeZone: 'Asia/Shanghai',
  defaultScript: 'zh-Hant',
  creditLine: '來源:黑土網',
  statementTitle: '黑土網版權與內容授權聲明',
  copyrightClauses: [
    '「黑土網」由黑土網示範編輯部主辦並負責運營。',
    '凡本網註明「來源:黑土網專稿」的作品,版權均屬黑土網所有,未經本網書面授權不得轉載、摘編、複製或以其他方式使用。已獲授權者應在授權範圍內使用,並註明「來源:黑土網」。',
    '本網自有內容的授權與銷售由黑土網統一管理,任何未與本網簽訂協議並持有授權書的機構和個人均無權銷售或使用本網自有內容。',
    '本網公開授權機構名單,讀者可在「授權查詢」頁面核實;冒充本網代理者,本網將依法追究。',
    '本網轉載的其他來源作品,目的在於傳遞更多信息,不代表本網觀點。',
    '如因作品內容、版權或其他問題需與本網聯繫,請在事由發生之日起30日內提出。',
  ],
  reprintDisclaimer: '本文轉載自其他媒體,轉載目的在於傳遞更多信息,不代表本網觀點。',
};

/** The regions in the order of the seed page's row, then topic channels. */
export const demoChannels: ChannelInput[] = [
  ['changchun', '長春'], ['jiangcheng', '江城'], ['siping', '四平'], ['liaoyuan', '遼源'], ['tonghua', '通化'],
  ['baicheng', '白城'], ['baishan', '白山'], ['songyuan', '松原'], ['yanbian', '延邊'], ['changbaishan', '長白山保護開發區'],
].map(([slug, name], i): ChannelInput => ({ slug: slug!, name: name!, language: 'zh-Hant', kind: 'region', parentSlug: null, position: i + 1, reviewLevels: 2 }))
  .concat(
    // Economy news goes through all three levels (三審); sports results need only the first.
    ([['economy', '經濟', 3], ['society', '民生', 2], ['culture', '文旅', 2], ['sports', '體育', 1]] as const).map(([slug, name, levels], i): ChannelInput => ({
      slug, name, language: 'zh-Hant', kind: 'topic', parentSlug: null, position: 100 + i, reviewLevels: levels,
    })),
  );

/**
 * Fills an empty database with the demo site. Returns false, touching nothing, when the site
 * already has settings: a second start keeps what is there.
 */
export async function seedDemoSite(store: Store, now = new Date()): Promise<boolean> {
  if (await store.settings.get()) return false;
  for (const c of demoChannels) await store.channels.upsert(c);
  for (const d of demoArticles) {
    if (await store.articles.byUri(`urn:heitu:demo:${d.key}`)) continue;
    // Whole minutes and seconds make the demo look like real filing times, not round numbers.
    const published = new Date(Math.floor(now.getTime() / 1000) * 1000 - d.hoursAgo * 3_600_000 - ((d.hoursAgo * 7919) % 3_600) * 1000);
    await store.articles.create(
      articleInputSchema.parse({
        uri: `urn:heitu:demo:${d.key}`,
        language: d.language,
        headline: d.headline,
        originalHeadline: d.originalHeadline ?? null,
        summary: d.summary,
        dateline: { place: d.dateline.place, source: d.dateline.source, kind: d.dateline.kind, text: null, date: localDate(published) },
        bodyHtml: cleanBody(d.bodyHtml),
        byline: d.byline,
        sourceName: d.source,
        rightsClass: d.rightsClass,
        editorName: d.editor,
        responsibleEditorName: d.responsibleEditor,
        channels: d.channels,
        tags: d.tags,
        status: 'published',
        publishedAt: published.toISOString(),
      }),
      DEMO_ACTOR,
    );
  }
  // The front page: the newest exclusive as 頭條, the other exclusives as 推薦, a winter 專題.
  const byKey = async (key: string) => (await store.articles.byUri(`urn:heitu:demo:${key}`))?.id;
  const sorted = [...demoArticles].sort((a, b) => a.hoursAgo - b.hoursAgo);
  const exclusives = (await Promise.all(sorted.filter((d) => d.rightsClass === 'exclusive').map((d) => byKey(d.key)))).filter((x): x is number => !!x);
  await store.frontPage.setSlots({ headlineId: exclusives[0] ?? null, recommendedIds: exclusives.slice(1, 5) }, DEMO_ACTOR);
  const winter = (await Promise.all(sorted.filter((d) => d.channels.includes('culture') || d.channels.includes('sports')).map((d) => byKey(d.key)))).filter((x): x is number => !!x);
  await store.frontPage.putTopic({ slug: 'winter', title: '冬遊吉林', language: 'zh-Hant', description: '冰雪、溫泉與年味:吉林各地的冬天。', position: 0, articleIds: winter.slice(0, 8) }, DEMO_ACTOR);
  // Settings last: their presence is what marks the site as set up, so a start that died half-way seeds again.
  await store.settings.put(demoSettings);
  return true;
}

function localDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: demoSettings.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
