import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startTestSite, importSeed } from '../test/support/test-site.ts';
import { repoRoot } from '../test/support/cli.ts';
import { browserMissing, launchBrowser } from './support/browser.ts';
import type { Running } from '../src/main.ts';

const missing = browserMissing();
const outDir = join(repoRoot, 'test-output', 'e2e');

let site: Running;
let browser: Browser;
let seedId: number;

before(async () => {
  if (missing) return;
  site = await startTestSite();
  seedId = await importSeed(site.store);
  browser = await launchBrowser();
  mkdirSync(outDir, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

/**
 * Draws characters in the headline's own font and compares the pixels with those of a
 * character no font has (which every browser draws as the same empty box). Real glyphs differ
 * from the box and from each other; missing fonts make them all the same box.
 */
async function glyphCheck(page: import('playwright-core').Page, selector: string): Promise<{ distinct: number; chars: number; tofu: number }> {
  // Sent as source text: the TypeScript loader adds helpers to compiled functions that do not exist in the page.
  return page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    const font = getComputedStyle(el).font;
    const chars = [...new Set([...(el.textContent || '')].filter((c) => /\\p{Script=Han}/u.test(c)))].slice(0, 12);
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const ctx = canvas.getContext('2d');
    const draw = (c) => {
      ctx.clearRect(0, 0, 64, 64);
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.textBaseline = 'top';
      ctx.fillText(c, 4, 4);
      return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
    };
    const box = draw('\\u{E000}');
    const drawn = chars.map(draw);
    return { distinct: new Set(drawn).size, chars: chars.length, tofu: drawn.filter((d) => d === box).length };
  })()`);
}

for (const variant of ['zh-hant', 'zh-hans'] as const) {
  test(`article page in ${variant}: a screenshot with real Chinese glyphs`, { skip: missing ?? false }, async (t) => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, locale: 'zh-CN' });
    const res = await page.goto(`${site.url}/${variant}/articles/${seedId}`);
    assert.equal(res?.status(), 200);
    const headline = await page.textContent('h1.headline');
    assert.equal(headline, variant === 'zh-hant' ? '吉林省全省領導幹部大會在長春召開' : '吉林省全省领导干部大会在长春召开');
    const glyphs = await glyphCheck(page, 'h1.headline');
    assert.ok(glyphs.chars >= 10);
    assert.equal(glyphs.tofu, 0, 'some characters are drawn as empty boxes');
    assert.equal(glyphs.distinct, glyphs.chars, 'different characters are drawn the same (missing font)');
    const file = join(outDir, `seed-article-${variant}.png`);
    await page.screenshot({ path: file, fullPage: false });
    t.diagnostic(`screenshot: ${file}`);
    console.log(`screenshot: ${file}`);
    await page.close();
  });
}
