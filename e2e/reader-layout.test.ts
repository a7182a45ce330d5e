import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startTestSite, importSeed } from '../test/support/test-site.ts';
import { repoRoot } from '../test/support/cli.ts';
import { signIn, writeAndApprove } from '../test/support/newsroom-people.ts';
import { cameraJpeg } from '../test/support/photos.ts';
import { waitFor } from '../test/support/wait.ts';
import { browserMissing, launchBrowser } from './support/browser.ts';
import type { Running } from '../src/main.ts';

/**
 * Every kind of reader page at phone, tablet and desktop widths, in both scripts, checked for
 * what makes a page unusable on a small screen: content wider than the screen, dates and short
 * words broken across lines, labels away from their fields, targets too small for a finger;
 * and on the home page, the lead story shown twice and grid cells left empty.
 */

const missing = browserMissing();
const outDir = join(repoRoot, 'test-output', 'reader-layout');
const WIDTHS = [360, 390, 768, 1024, 1366] as const;
/** Up to this width the page is used with a finger. */
const PHONE = 480;
const VARIANTS = ['zh-hans', 'zh-hant'] as const;
const TAG = '南湖';

let site: Running;
let browser: Browser;
let seedId: number;
let pictureId: number;

before(async () => {
  if (missing) return;
  // Views are written and ranked within a second, so 點擊排行 shows beside the pages it belongs to.
  site = await startTestSite({ HEITU_VIEW_FLUSH_SECONDS: '1', HEITU_RANK_SECONDS: '1' });
  seedId = await importSeed(site.store);
  const reporter = await signIn(site.url, 'reporter');
  const up = await reporter.upload('/media', { bytes: await cameraJpeg(1600, 1200, { seed: 5 }), name: 'lake.jpg', type: 'image/jpeg' }, { caption: '南湖公园的冬日清晨', credit: '王晓梅', alt: '结冰的湖面' });
  assert.equal(up.status, 201, JSON.stringify(up.json));
  const mediaId = (up.json['item'] as { id: number }).id;
  // Long runs of Latin and digits are what a narrow column cannot break on its own.
  const written = await writeAndApprove(site.url, {
    headline: '南湖公园冰面开放 市民排队体验冰上自行车', leadImageId: mediaId, channels: ['changchun'], tags: [TAG],
    bodyHtml: '<p>今天上午九点,南湖公园冰面正式对游客开放。记者在现场看到,冰上自行车、冰滑梯前都排起了长队。</p><p>公园管理处提醒,网址 https://www.example.com/nanhu/winteractivities2025registrationandsafetyinformation 可查看每日开放时间。</p>',
  });
  await written.responsible.ok('POST', `/articles/${written.id}/publish`, {});
  pictureId = written.id;
  browser = await launchBrowser();
  mkdirSync(outDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

/** A few readers' views, once, so 點擊排行 shows on the home and channel pages from then on. */
let ranked: Promise<void> | null = null;
function ranking(): Promise<void> {
  ranked ??= (async () => {
    const reader = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36' };
    for (const id of [pictureId, pictureId, seedId, 1, 2]) await (await fetch(`${site.url}/zh-hans/articles/${id}`, { headers: reader })).text();
    await waitFor(async () => {
      const pages = await Promise.all(['/zh-hant/', '/zh-hant/channels/changchun'].map(async (p) => (await fetch(`${site.url}${p}`)).text()));
      return pages.every((html) => html.includes('class="most-read"'));
    }, 20_000);
  })();
  return ranked;
}

interface ReaderPageCase {
  name: string;
  path: () => string;
  status?: number;
  home?: boolean;
  /** The page shows 點擊排行: beside its content on a wide screen, after it on a narrow one. */
  ranked?: boolean;
}

const PAGES: ReaderPageCase[] = [
  { name: 'home', path: () => '/', home: true, ranked: true },
  { name: 'region-channel', path: () => '/channels/changchun', ranked: true },
  { name: 'topic-channel', path: () => '/channels/economy' },
  { name: 'article-picture', path: () => `/articles/${pictureId}` },
  { name: 'article-seed', path: () => `/articles/${seedId}` },
  { name: 'topic', path: () => '/topics/winter' },
  { name: 'search', path: () => `/search?q=${encodeURIComponent('长春')}` },
  { name: 'verify', path: () => `/licensees/verify?q=${encodeURIComponent('松原晚報')}` },
  { name: 'tip-form', path: () => '/tips/new' },
  { name: 'claim-form', path: () => '/rights/claims/new' },
  { name: 'not-found', path: () => '/no-such-page', status: 404 },
  { name: 'tag', path: () => `/tags/${encodeURIComponent(TAG)}` },
  { name: 'all-news', path: () => '/articles?page=1' },
  // What a browser makes of the feeds with their stylesheet.
  { name: 'feed-rss', path: () => '/feed.xml' },
  { name: 'feed-atom', path: () => '/channels/changchun/atom.xml' },
];

/**
 * The checks, run in the page. Sent as source text: the TypeScript loader adds helpers to
 * compiled functions that do not exist in the page.
 */
const CHECKS = String.raw`(({ phone, home }) => {
  const W = document.documentElement.clientWidth;
  const problems = [];
  const name = (el) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 24);
    return el.tagName.toLowerCase() + cls + (text ? ' "' + text + '"' : '');
  };
  /** Made invisible on purpose (screen-reader text, the robots' trap). */
  const hiddenOnPurpose = (el) => {
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const r = p.getBoundingClientRect();
      const cs = getComputedStyle(p);
      if (cs.overflow === 'hidden' && r.width <= 1 && r.height <= 1) return true;
      if (cs.visibility === 'hidden' || cs.display === 'none') return true;
    }
    return false;
  };
  /** A box may pass the screen's edge inside a container that scrolls sideways and itself fits. */
  const scrollsInside = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') {
        const r = p.getBoundingClientRect();
        return r.left >= -0.5 && r.right <= W + 0.5;
      }
    }
    return false;
  };

  // 1. Nothing wider than the screen.
  if (document.documentElement.scrollWidth > W) problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + 'px in ' + W + 'px');
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > W + 0.5 || r.left < -0.5) && !hiddenOnPurpose(el) && !scrollsInside(el)) {
      problems.push('wider than the screen: ' + name(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' of ' + W);
    }
  }

  // 2. Dates, labels, navigation links and buttons on one line each.
  const lines = (range) => {
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const rows = [];
    for (const r of rects) {
      const mid = (r.top + r.bottom) / 2;
      if (!rows.some((m) => Math.abs(m - mid) < r.height / 2)) rows.push(mid);
    }
    return rows.length;
  };
  const whole = new Set();
  // Menus hold short words; a headline in a list (相關新聞, 上一篇) may wrap like any headline.
  const tokenSelector = [
    'time', 'label', 'button', 'a.button', 'header a', 'header .contact > *', 'nav.switch > *', 'nav.channels a', 'nav.breadcrumb a', 'footer nav a', '.pager > *',
  ].join(',');
  for (const el of document.querySelectorAll(tokenSelector)) {
    if (hiddenOnPurpose(el) || whole.has(el)) continue;
    whole.add(el);
    const range = document.createRange();
    range.selectNodeContents(el);
    if (lines(range) > 1) problems.push('broken across lines: ' + name(el));
  }
  // Dates written out in text, wherever they are.
  const DATE = /\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}-\d{1,2} \d{1,2}:\d{2}|\d{4}年\d{1,2}月\d{1,2}日(?: ?\d{1,2}:\d{2})?|\b\d{1,2}:\d{2}(?::\d{2})?\b/g;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script,style') || hiddenOnPurpose(parent)) continue;
    for (const m of node.data.matchAll(DATE)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      if (lines(range) > 1) problems.push('a date broken across lines: "' + m[0] + '" in ' + name(parent));
    }
  }
  // A label stays with its field: beside it on the same line, or right above it.
  for (const label of document.querySelectorAll('label[for]')) {
    const field = document.getElementById(label.htmlFor);
    if (!field || hiddenOnPurpose(label) || hiddenOnPurpose(field)) continue;
    const a = label.getBoundingClientRect();
    const b = field.getBoundingClientRect();
    const sameLine = a.top < b.bottom && b.top < a.bottom && Math.max(b.left - a.right, a.left - b.right) <= 24;
    const above = b.top - a.bottom >= -1 && b.top - a.bottom <= 12 && a.left < b.right && b.left < a.right;
    if (!sameLine && !above) problems.push('a label away from its field: ' + name(label));
  }

  // 3. Targets a finger can hit.
  if (phone) {
    const targets = 'header a, header button, header input, header select, nav a, .pager a, footer a, main button, main input:not([type=hidden]), main select, main textarea, a.button';
    for (const el of document.querySelectorAll(targets)) {
      if (hiddenOnPurpose(el) || el.getAttribute('aria-hidden') === 'true') continue;
      const r = el.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) problems.push('a target smaller than 44px: ' + name(el) + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
    }
  }

  if (home) {
    // 4. The lead story once in the page's own content (a most-read ranking beside it may name it again).
    const lead = document.querySelector('main .lead-headline a');
    if (!lead) problems.push('no lead story on the home page');
    else {
      const href = lead.getAttribute('href');
      const shown = [...document.querySelectorAll('main a')].filter((a) => a.getAttribute('href') === href && a.getAttribute('aria-hidden') !== 'true' && !a.closest('aside'));
      if (shown.length !== 1) problems.push('the lead story is linked ' + shown.length + ' times in the home page\'s content');
    }
    // 5. No grid with an empty cell.
    for (const grid of document.querySelectorAll('main *')) {
      const cs = getComputedStyle(grid);
      if (cs.display !== 'grid' && cs.display !== 'inline-grid') continue;
      const box = grid.getBoundingClientRect();
      const tracks = (list, gap, start) => {
        const sizes = list === 'none' ? [] : list.split(' ').map(parseFloat);
        const out = [];
        let at = start;
        for (const s of sizes) { out.push([at, at + s]); at += s + (parseFloat(gap) || 0); }
        return out;
      };
      const cols = tracks(cs.gridTemplateColumns, cs.columnGap, box.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft));
      const rows = tracks(cs.gridTemplateRows, cs.rowGap, box.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop));
      const covered = rows.map(() => cols.map(() => false));
      for (const item of grid.children) {
        const r = item.getBoundingClientRect();
        const ics = getComputedStyle(item);
        if (ics.display === 'none' || ics.position === 'absolute' || ics.position === 'fixed') continue;
        rows.forEach(([t, b], i) => cols.forEach(([l, rr], j) => {
          if (r.top < b - 1 && r.bottom > t + 1 && r.left < rr - 1 && r.right > l + 1) covered[i][j] = true;
        }));
      }
      rows.forEach(([t, b], i) => cols.forEach(([l, r], j) => {
        if (!covered[i][j] && r - l > 1 && b - t > 1) problems.push('an empty grid cell in ' + name(grid) + ': row ' + (i + 1) + ', column ' + (j + 1));
      }));
    }
  }
  return [...new Set(problems)];
})`;

async function check(page: Page, width: number, home: boolean): Promise<string[]> {
  return page.evaluate(`${CHECKS}(${JSON.stringify({ phone: width <= PHONE, home })})`);
}

// First, before anyone has read anything: the home page without 點擊排行 has the whole width for its grid.
for (const variant of VARIANTS) {
  test(`home in ${variant} before any views (no 點擊排行) holds at ${WIDTHS.join(', ')} px`, { skip: missing ?? false }, async () => {
    const page = await browser.newPage();
    const found: string[] = [];
    try {
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${site.url}/${variant}/`);
        assert.equal(await page.locator('aside.most-read').count(), 0, 'no ranking yet');
        await page.screenshot({ path: join(outDir, `home-unranked-${variant}-${width}.png`), fullPage: true });
        for (const problem of await check(page, width, true)) found.push(`${width}px: ${problem}`);
      }
    } finally {
      await page.close();
    }
    assert.deepEqual(found, [], found.join('\n'));
  });
}

for (const variant of VARIANTS) {
  for (const p of PAGES) {
    test(`${p.name} in ${variant} holds at ${WIDTHS.join(', ')} px`, { skip: missing ?? false }, async () => {
      if (p.ranked) await ranking();
      const page = await browser.newPage({ locale: variant === 'zh-hans' ? 'zh-CN' : 'zh-TW' });
      const found: string[] = [];
      try {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const res = await page.goto(`${site.url}/${variant}${p.path()}`, { waitUntil: 'load' });
          assert.equal(res?.status(), p.status ?? 200, `${p.name}: status`);
          await page.screenshot({ path: join(outDir, `${p.name}-${variant}-${width}.png`), fullPage: true });
          for (const problem of await check(page, width, p.home ?? false)) found.push(`${width}px: ${problem}`);
          if (p.ranked) {
            const place = await page.evaluate(`(() => {
              const a = document.querySelector('main aside.most-read')?.getBoundingClientRect();
              const c = document.querySelector('main .primary')?.getBoundingClientRect();
              return a && c ? { beside: a.left >= c.right && Math.abs(a.top - c.top) < 2, after: a.top >= c.bottom } : null;
            })()`) as { beside: boolean; after: boolean } | null;
            if (!place) found.push(`${width}px: no 點擊排行 beside the content`);
            else if (width >= 1024 ? !place.beside : !place.after) found.push(`${width}px: 點擊排行 is not ${width >= 1024 ? 'beside' : 'after'} the content`);
          }
        }
      } finally {
        await page.close();
      }
      assert.deepEqual(found, [], `${p.name} in ${variant}:\n${found.join('\n')}`);
    });
  }
}

test('a browser shows the feeds as pages in their script: title, items linking to articles, dates', { skip: missing ?? false }, async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
  try {
    for (const [variant, path, latest, intro] of [
      ['zh-hans', '/zh-hans/feed.xml', '最新文章', '这是本网的订阅源'],
      ['zh-hant', '/zh-hant/atom.xml', '最新文章', '這是本網的訂閱源'],
      ['zh-hk', '/zh-hk/channels/changchun/feed.xml', '最新文章', '這是本網的訂閲源'],
    ] as const) {
      const res = await page.goto(`${site.url}${path}`);
      assert.equal(res?.status(), 200, path);
      // Transformed, not the XML tree or its text.
      assert.equal(await page.locator('h1.headline').textContent(), latest, path);
      assert.match((await page.locator('.feed-about').textContent()) ?? '', new RegExp(intro), path);
      assert.equal(await page.getAttribute('html', 'lang'), { 'zh-hans': 'zh-Hans', 'zh-hant': 'zh-Hant', 'zh-hk': 'zh-HK' }[variant]);
      const items = await page.$$eval('.feed-items li', (lis) => lis.map((li) => ({
        href: li.querySelector('a')?.getAttribute('href') ?? '',
        title: li.querySelector('a')?.textContent ?? '',
        time: li.querySelector('time')?.textContent ?? '',
      })));
      assert.ok(items.length >= 3, `${path}: ${items.length} items`);
      for (const i of items) {
        assert.match(i.href, new RegExp(`^${site.url}/${variant}/articles/\\d+$`), path);
        assert.ok(i.title.length > 4, path);
        assert.match(i.time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, path);
      }
      // Styled by the site's stylesheet.
      assert.equal(await page.locator('header.site').evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(43, 29, 20)');
      // Titles that RSS escapes twice read as the text they are.
      assert.ok(items.every((i) => !/&(amp|lt|gt|quot|#39);/.test(i.title)), path);
    }
  } finally {
    await page.close();
  }
});

test('the tip and claim forms work without JavaScript, labels with their fields', { skip: missing ?? false }, async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${site.url}/zh-hant/tips/new`);
    await page.getByLabel('發生了什麼').fill('南湖公園冰面今早有人圍觀一隻迷路的狍子,工作人員正在引導牠回到林子裡。');
    await page.getByLabel('您的聯繫方式').fill('0431-1234567');
    // The form's signed time must be a few seconds old: a person takes that long.
    await page.waitForTimeout(3200);
    await page.getByRole('button', { name: '發送線索' }).click();
    await page.waitForLoadState('load');
    assert.match((await page.locator('.tip-reference').textContent()) ?? '', /謝謝!我們已收到您的線索,編號 XS-\d{4}-\d{6}。/);

    await page.goto(`${site.url}/zh-hans/rights/claims/new`);
    await page.getByLabel('权利人或联系人').fill('长春光影摄影工作室');
    await page.getByLabel('联系方式').fill('studio@example.com');
    await page.getByLabel('相关文章').fill(`${site.url}/zh-hans/articles/${seedId}`);
    await page.getByLabel('您的主张').fill('文中使用的照片是本工作室拍摄的作品,未经授权,请删除或补签授权。');
    await page.getByRole('button', { name: '提交' }).click();
    await page.waitForLoadState('load');
    assert.match((await page.locator('.claim-reference').textContent()) ?? '', /受理编号 HT-/);
  } finally {
    await context.close();
  }
});
