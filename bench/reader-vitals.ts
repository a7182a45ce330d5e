/**
 * What a reader on a phone gets (issue 12): Chromium at 390×844 CSS px (device pixel ratio 3, a
 * phone's user agent, touch), each page loaded in a fresh browser context (nothing cached), on a
 * Heitu server started in this process (SQLite file in a temporary directory, the demo site, plus
 * an article with a lead picture made the 頭條, and a few counted views so 點擊排行 shows).
 *
 * 1. Largest Contentful Paint and Cumulative Layout Shift of the home, a channel and an article
 *    page (with its picture, and the text-only seed-like demo article), read in the page from a
 *    PerformanceObserver registered before anything loads ('largest-contentful-paint' and
 *    'layout-shift', buffered). CLS is the largest session window (shifts less than 1 s apart,
 *    at most 5 s long, none right after input), as the web-vitals library counts it. Two network
 *    profiles: `local` (no throttling) and `mobile` (Lighthouse's mobile preset: 150 ms RTT,
 *    1.6 Mbps down, 750 kbps up, CPU slowed 4×).
 * 2. Bytes of every reader page type: the document as sent (the server does not compress; a proxy
 *    in front would), read over HTTP apart from the browser (a feed's navigation entry describes the
 *    page its stylesheet made, not the XML), and everything a first visit transferred: the document
 *    and what the Resource Timing entries count (CSS, script, icons, pictures, a feed's stylesheet),
 *    with the number of requests.
 *
 * Medians over BENCH_ROUNDS rounds (default 5).
 *
 *   BENCH_ROUNDS=5 npm run bench -- reader-vitals
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/main.ts';
import { signIn, writeAndApprove } from '../test/support/newsroom-people.ts';
import { cameraJpeg } from '../test/support/photos.ts';
import { waitFor } from '../test/support/wait.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { median, report } from './support.ts';

const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const VIEWPORT = { width: 390, height: 844 };
const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const PROFILES = {
  local: null,
  mobile: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 },
} as const;

const dir = mkdtempSync(join(tmpdir(), 'heitu-vitals-'));
const config = loadConfig({
  PORT: '0', HOST: '127.0.0.1', HEITU_DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'heitu.sqlite')}`,
  HEITU_DEMO: '1', HEITU_LOG_LEVEL: 'warn', HEITU_VIEW_FLUSH_SECONDS: '1', HEITU_RANK_SECONDS: '1',
});
const site = await startServer(config);

// The 頭條 with a picture, as an editor would lead the day.
const reporter = await signIn(site.url, 'reporter');
const up = await reporter.upload('/media', { bytes: await cameraJpeg(2400, 1600, { seed: 9 }), name: 'lead.jpg', type: 'image/jpeg' }, { caption: '清晨的南湖公园', credit: '王晓梅', alt: '湖面上的薄雾' });
const mediaId = (up.json['item'] as { id: number }).id;
const written = await writeAndApprove(site.url, {
  headline: '南湖公园晨雾摄影展开幕 百余幅作品记录城市四季', leadImageId: mediaId, channels: ['changchun'], tags: ['摄影'],
  bodyHtml: Array.from({ length: 8 }, (_, i) => `<p>第${i + 1}段:摄影展在南湖公园东门的展厅举行,展出本地摄影爱好者历时三年拍摄的作品,观众可以扫码收听每幅作品背后的故事。</p>`).join(''),
});
await written.responsible.ok('POST', `/articles/${written.id}/publish`, {});
const editor = await signIn(site.url, 'editor');
const { slots } = await editor.ok<{ slots: { recommendedIds: number[] } }>('GET', '/front-page');
await editor.ok('PUT', '/front-page', { headlineId: written.id, recommendedIds: slots.recommendedIds.filter((id) => id !== written.id) });
const textOnly = 1;
for (const id of [written.id, written.id, textOnly, 2, 3]) await (await fetch(`${site.url}/zh-hans/articles/${id}`, { headers: { 'user-agent': PHONE_UA } })).text();
await waitFor(async () => (await (await fetch(`${site.url}/zh-hans/`)).text()).includes('class="most-read"'), 20_000);
await waitFor(async () => (await (await fetch(`${site.url}/zh-hans/`)).text()).includes(`/zh-hans/articles/${written.id}"`), 20_000);

const VITAL_PAGES = {
  home: '/zh-hans/',
  channel: '/zh-hans/channels/changchun',
  'article-picture': `/zh-hans/articles/${written.id}`,
  'article-text': `/zh-hans/articles/${textOnly}`,
} as const;
const BYTE_PAGES = {
  ...VITAL_PAGES,
  topic: '/zh-hans/topics/winter',
  tag: `/zh-hans/tags/${encodeURIComponent('摄影')}`,
  'all-news': '/zh-hans/articles?page=1',
  search: `/zh-hans/search?q=${encodeURIComponent('长春')}`,
  verify: `/zh-hans/licensees/verify?q=${encodeURIComponent('松原晚报')}`,
  'tip-form': '/zh-hans/tips/new',
  'claim-form': '/zh-hans/rights/claims/new',
  'not-found': '/zh-hans/no-such-page',
  'feed-rss': '/zh-hans/feed.xml',
} as const;

/** Registered before the page's own code: every entry since navigation, kept for reading after load. */
const OBSERVE = `(() => {
  const v = (window.__vitals = { lcp: 0, lcpElement: '', shifts: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      v.lcp = e.renderTime || e.loadTime || e.startTime;
      const el = e.element;
      v.lcpElement = el ? el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') : '';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) v.shifts.push({ t: e.startTime, value: e.value });
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

/** The largest session window of layout shifts (web-vitals' CLS). */
function cls(shifts: Array<{ t: number; value: number }>): number {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.t - last > 1000 || s.t - first > 5000) {
      sum = 0;
      first = s.t;
    }
    sum += s.value;
    last = s.t;
    best = Math.max(best, sum);
  }
  return best;
}

interface Load {
  lcpMs: number;
  lcpElement: string;
  cls: number;
  htmlBytes: number;
  transferredBytes: number;
  requests: number;
}

async function load(browser: Browser, path: string, profile: keyof typeof PROFILES): Promise<Load> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 3, isMobile: true, hasTouch: true, userAgent: PHONE_UA, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const p = PROFILES[profile];
    if (p) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: p.latency, downloadThroughput: p.downloadThroughput, uploadThroughput: p.uploadThroughput });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
    }
    await page.addInitScript(OBSERVE);
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    const htmlBytes = Buffer.from(await (await fetch(`${site.url}${path}`, { headers: { 'user-agent': PHONE_UA } })).arrayBuffer()).length;
    // LCP candidates and late shifts settle after load (lazy pictures, fonts).
    await page.waitForTimeout(p ? 2500 : 800);
    const got = (await page.evaluate(`(() => {
      const resources = performance.getEntriesByType('resource');
      return {
        vitals: window.__vitals,
        transferred: resources.reduce((n, r) => n + r.transferSize, 0),
        requests: 1 + resources.length,
      };
    })()`)) as { vitals: { lcp: number; lcpElement: string; shifts: Array<{ t: number; value: number }> }; transferred: number; requests: number };
    return { lcpMs: got.vitals.lcp, lcpElement: got.vitals.lcpElement, cls: cls(got.vitals.shifts), htmlBytes, transferredBytes: htmlBytes + got.transferred, requests: got.requests };
  } finally {
    await context.close();
  }
}

const browser = await launchBrowser();
const r0 = (x: number) => Math.round(x);
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const results: Record<string, unknown> = { viewport: `${VIEWPORT.width}x${VIEWPORT.height} @3x`, rounds, vitals: {}, bytes: {} };
try {
  for (const profile of Object.keys(PROFILES) as Array<keyof typeof PROFILES>) {
    const byPage: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(VITAL_PAGES)) {
      const runs: Load[] = [];
      for (let i = 0; i < rounds; i++) runs.push(await load(browser, path, profile));
      byPage[name] = {
        lcpMs: r0(median(runs.map((r) => r.lcpMs))),
        lcpMsEach: runs.map((r) => r0(r.lcpMs)),
        lcpElement: runs[runs.length - 1]!.lcpElement,
        cls: r3(median(runs.map((r) => r.cls))),
        clsMax: r3(Math.max(...runs.map((r) => r.cls))),
      };
    }
    (results['vitals'] as Record<string, unknown>)[profile] = byPage;
  }
  for (const [name, path] of Object.entries(BYTE_PAGES)) {
    const runs: Load[] = [];
    for (let i = 0; i < rounds; i++) runs.push(await load(browser, path, 'local'));
    (results['bytes'] as Record<string, unknown>)[name] = {
      htmlBytes: r0(median(runs.map((r) => r.htmlBytes))),
      transferredBytes: r0(median(runs.map((r) => r.transferredBytes))),
      requests: r0(median(runs.map((r) => r.requests))),
    };
  }
} finally {
  await browser.close();
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
}
report('reader-vitals', results);
