import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { cameraJpeg } from '../test/support/photos.ts';
import { signIn as apiSignIn } from '../test/support/newsroom-people.ts';
import { signInNewsroom, siteWithBrowser, e2eOutDir } from './support/newsroom-session.ts';

const env = siteWithBrowser();
const missing = env.missing;
const site = { get url() { return env.site().url; }, get store() { return env.site().store; } };
const files = mkdtempSync(join(tmpdir(), 'heitu-e2e-media-'));

const signIn = (login: string): Promise<Page> => signInNewsroom(env.browser(), site.url, login);

async function openMedia(page: Page): Promise<void> {
  await page.click('a[data-action="media"]');
  await page.waitForSelector('.media-grid');
}

/** Uploads a file through the page's file picker and waits until its line says how it went. */
async function uploadThroughPicker(page: Page, path: string): Promise<void> {
  await page.setInputFiles('#ml-file', path);
  await page.waitForSelector('#ml-upload-status li[data-uploaded], #ml-upload-status li[data-error]');
}

/** Any element reaching past the right edge of the viewport, by tag and class (none expected). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && (r.right > w + 0.5 || r.width > w + 0.5);
    }).map((el) => `${el.tagName.toLowerCase()}.${el.className || ''}#${el.id || ''}`);
    if (document.documentElement.scrollWidth > w) wide.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${w}`);
    return wide;
  });
}

test('a reporter uploads a phone photo, describes it, leads an article with it; readers get it as AVIF or WebP without the GPS', { skip: missing ?? false }, async (t) => {
  const photoPath = join(files, 'IMG_2041.JPG');
  writeFileSync(photoPath, await cameraJpeg(1600, 1200, { seed: 7 }));
  assert.ok(await exifr.gps(photoPath), 'the photo as uploaded has GPS');

  const reporter = await signIn('reporter');
  await openMedia(reporter);

  // A file that is no picture is refused beside the picker, in the UI's words.
  const textPath = join(files, 'notes.jpg');
  writeFileSync(textPath, 'just some words, named like a photo');
  await uploadThroughPicker(reporter, textPath);
  assert.equal(await reporter.getAttribute('#ml-upload-status li', 'data-error'), 'MEDIA_UNSUPPORTED');
  assert.match((await reporter.textContent('#ml-upload-status li')) ?? '', /这不是能用的图片文件/);

  await uploadThroughPicker(reporter, photoPath);
  const detail = await reporter.waitForSelector('.media-detail[data-media]');
  const mediaId = Number(await detail.getAttribute('data-media'));
  assert.ok(mediaId > 0);
  assert.match((await reporter.textContent('.media-detail')) ?? '', /发布前必须填写/, 'the alt text is said to be required before publishing');
  await reporter.fill('#md-caption', '长春南湖公园冰雪嘉年华开幕当天,游客在冰滑梯前排队');
  await reporter.fill('#md-credit', '王晓梅');
  await reporter.fill('#md-alt', '冬日湖边,游客排队等候滑冰滑梯');
  // The focal point on the white circle of the photo (70% across, 35% down).
  const box = (await reporter.locator('#md-focal img').boundingBox())!;
  await reporter.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.35);
  assert.equal(await reporter.getAttribute('#md-focal', 'data-focal'), '70,35');
  await reporter.click('[data-action="save-media"]');
  await reporter.waitForSelector('.media-detail .notice.ok');
  const saved = (await site.store.media.byId(mediaId))!;
  assert.deepEqual([saved.caption, saved.credit, saved.alt, saved.focalX, saved.focalY],
    ['长春南湖公园冰雪嘉年华开幕当天,游客在冰滑梯前排队', '王晓梅', '冬日湖边,游客排队等候滑冰滑梯', 70, 35]);
  await reporter.screenshot({ path: join(e2eOutDir, 'media-1-detail.png'), fullPage: true });

  // The grid finds it by a word of its caption, and by today's date.
  await reporter.fill('#ml-q', '冰滑梯');
  await reporter.click('[data-action="media-search"]');
  await reporter.waitForSelector(`.media-grid .thumb[data-media="${mediaId}"]`);
  await reporter.fill('#ml-q', '没有这样的说明');
  await reporter.click('[data-action="media-search"]');
  await reporter.waitForSelector('.media-grid li.hint');

  // A new article led by the picture, chosen in the picker, and the same picture in the body.
  await reporter.click('[data-action="new-article"]');
  await reporter.waitForSelector('.ProseMirror');
  await reporter.fill('#f-headline', '长春南湖公园冰雪嘉年华开幕');
  await reporter.locator('.ProseMirror').fill('南湖公园今天开放冰雪乐园,市民可以免费滑冰。');
  await reporter.check('#ch-changchun');
  await reporter.click('[data-action="choose-lead"]');
  await reporter.waitForSelector(`dialog.media-picker .thumb[data-media="${mediaId}"]`);
  await reporter.click(`dialog.media-picker .thumb[data-media="${mediaId}"]`);
  await reporter.waitForSelector(`[data-lead-image="${mediaId}"] figure img`);
  assert.match((await reporter.textContent('[data-lead-image] figcaption')) ?? '', /冰滑梯前排队/);
  await reporter.click('.ProseMirror p');
  await reporter.keyboard.press('End');
  await reporter.click('[data-action="insert-picture"]');
  await reporter.click(`dialog.media-picker .thumb[data-media="${mediaId}"]`);
  await reporter.waitForSelector(`.ProseMirror img[data-media-id="${mediaId}"]`);
  await reporter.click('[data-action="save"]');
  await reporter.waitForURL(/#\/articles\/\d+$/);
  const id = Number(/articles\/(\d+)/.exec(reporter.url())![1]);
  await reporter.waitForSelector(`[data-status="draft"]`);
  const draft = (await site.store.articles.byId(id))!;
  assert.equal(draft.leadImageId, mediaId);
  assert.match(draft.bodyHtml, new RegExp(`<img[^>]*data-media-id="${mediaId}"`), 'the body names the library picture');
  await reporter.screenshot({ path: join(e2eOutDir, 'media-2-editor.png'), fullPage: true });
  await reporter.click('[data-action="submit"]');
  await reporter.waitForSelector('[data-status="submitted"]');

  // 初审 and 复审 through the API (the workflow test covers them in the UI); then published.
  await (await apiSignIn(site.url, 'editor')).ok('POST', `/articles/${id}/approve`);
  const responsible = await apiSignIn(site.url, 'responsible');
  await responsible.ok('POST', `/articles/${id}/approve`);
  await responsible.ok('POST', `/articles/${id}/publish`, {});

  // The reader page: the lead picture with its caption and credit, loaded as AVIF or WebP.
  const reader = await env.browser().newPage();
  await reader.goto(`${site.url}/zh-hans/articles/${id}`);
  const figure = reader.locator('figure.lead-image');
  await figure.waitFor();
  const caption = (await figure.locator('figcaption').textContent()) ?? '';
  assert.match(caption, /冰滑梯前排队/);
  assert.match((await figure.locator('.credit').textContent()) ?? '', /王晓梅/);
  await reader.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('figure.lead-image img');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  const shown = await reader.$eval('figure.lead-image img', (img) => ({ src: (img as HTMLImageElement).currentSrc, width: (img as HTMLImageElement).naturalWidth, alt: img.getAttribute('alt') }));
  t.diagnostic(`lead picture loaded: ${shown.src} (${shown.width} px wide)`);
  assert.match(shown.src, /\.(avif|webp)$/);
  assert.ok(shown.width > 0);
  assert.equal(shown.alt, '冬日湖边,游客排队等候滑冰滑梯');
  assert.match(shown.src, /-70-35\.(avif|webp)$/, 'the rendition follows the focal point');
  await reader.screenshot({ path: join(e2eOutDir, 'media-3-reader.png') });

  // What was served carries nothing of the camera: no GPS, no serial number, no EXIF at all.
  const res = await fetch(shown.src);
  assert.equal(res.status, 200);
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(await exifr.gps(bytes).catch(() => undefined), undefined);
  assert.ok(!bytes.includes('SN-99887766'), 'no camera serial number');
  assert.equal((await sharp(bytes).metadata()).exif, undefined);

  // Published now: the reporter's new caption waits for an editor, and readers keep the old one meanwhile.
  const oldCaption = '长春南湖公园冰雪嘉年华开幕当天,游客在冰滑梯前排队';
  const newCaption = '长春南湖公园冰雪嘉年华开幕,游客在冰滑梯前排队等候';
  await reporter.goto(`${site.url}/newsroom#/media/${mediaId}`);
  await reporter.waitForSelector(`.media-detail[data-media="${mediaId}"] [data-live]`);
  assert.equal(await reporter.isDisabled('#md-rightsClass'), true, 'rights are the rights desk\'s: a reporter sees them read-only');
  assert.equal(await reporter.getAttribute('#md-copyrightHolder', 'readonly'), '');
  await reporter.fill('#md-caption', newCaption);
  await reporter.click('[data-action="save-media"]');
  const waitingNote = await reporter.waitForSelector('.media-detail [data-pending-saved]');
  assert.match((await waitingNote.textContent()) ?? '', /要等编辑批准.*已发布的稿件正在使用这张图片/);
  await reporter.waitForSelector('.media-pending [data-to]');
  assert.match((await reporter.textContent('.media-pending')) ?? '', new RegExp(`${oldCaption}.*${newCaption}`), 'the waiting change is shown as current → proposed');
  assert.equal(await reporter.locator('[data-action="approve-media-change"]').count(), 0, 'its author does not approve it');
  assert.equal(await reporter.locator('[data-action="discard-media-change"]').count(), 1, 'its author may discard it');
  const waiting = (await site.store.media.byId(mediaId))!;
  assert.equal(waiting.caption, oldCaption);
  assert.equal(waiting.pending?.patch.caption, newCaption);
  assert.deepEqual(Object.keys(waiting.pending?.patch ?? {}), ['caption'], 'only the field changed was sent');
  await reporter.screenshot({ path: join(e2eOutDir, 'media-5-pending.png'), fullPage: true });
  await reader.reload();
  const stillShown = (await reader.locator('figure.lead-image figcaption').textContent()) ?? '';
  assert.match(stillShown, /开幕当天/, 'readers still see the old caption');
  assert.doesNotMatch(stillShown, /排队等候/);

  // Another person, an editor, approves it in the media page; readers then get the new caption.
  const editor = await signIn('editor');
  await editor.goto(`${site.url}/newsroom#/media/${mediaId}`);
  await editor.waitForSelector('.media-pending [data-action="approve-media-change"]');
  assert.match((await editor.textContent('.media-pending')) ?? '', /reporter/, 'the editor sees who proposed it');
  // While it waits, the editor's own change of what readers see is refused, and said so.
  await editor.fill('#md-credit', '杜文杰');
  await editor.click('[data-action="save-media"]');
  await editor.waitForSelector('#md-form-error:not(:empty)');
  assert.match((await editor.textContent('#md-form-error')) ?? '', /正在等待批准/);
  assert.equal((await site.store.media.byId(mediaId))!.credit, '王晓梅');
  await editor.click('[data-action="approve-media-change"]');
  await editor.waitForSelector('.media-detail .notice.ok');
  assert.equal(await editor.locator('.media-pending').count(), 0);
  assert.equal((await site.store.media.byId(mediaId))!.caption, newCaption);
  let shownCaption = '';
  for (const started = Date.now(); Date.now() - started < 5000; await new Promise((r) => setTimeout(r, 250))) {
    await reader.reload();
    shownCaption = (await reader.locator('figure.lead-image figcaption').textContent()) ?? '';
    if (shownCaption.includes('排队等候')) break;
  }
  assert.match(shownCaption, /排队等候/, 'the reader page shows the approved caption');

  // A published picture keeps its alt text: removing it is refused beside the field.
  await editor.fill('#md-alt', '');
  await editor.click('[data-action="save-media"]');
  await editor.waitForSelector('#md-alt-error:not(:empty)');
  assert.match((await editor.textContent('#md-alt-error')) ?? '', /不能删去替代文字/);
  assert.equal((await site.store.media.byId(mediaId))!.alt, '冬日湖边,游客排队等候滑冰滑梯');
  await editor.context().close();

  // The reporter's page still holds the picture as it was before the approval: a save from it is refused, not applied over it.
  await reporter.fill('#md-credit', '王晓梅/黑土网');
  await reporter.click('[data-action="save-media"]');
  const stale = await reporter.waitForSelector('.media-detail [data-stale]');
  assert.match((await stale.textContent()) ?? '', /有人先修改了这张图片.*排队等候/);
  assert.equal((await site.store.media.byId(mediaId))!.credit, '王晓梅');
  await reporter.click('[data-action="reload-media"]');
  await reporter.waitForSelector('.media-detail:not(:has([data-stale]))');
  assert.equal(await reporter.inputValue('#md-caption'), newCaption);
  assert.equal(await reporter.locator('.media-pending').count(), 0);
  await reader.close();
});

test('pasted and dropped pictures are uploaded; the media page fits a 390 px phone; the rights desk takes a picture down', { skip: missing ?? false }, async () => {
  const reporter = await signIn('reporter');
  await reporter.setViewportSize({ width: 390, height: 844 });
  await openMedia(reporter);

  // A paste as Word makes it: the passage as HTML, and each picture in it as a file.
  const pasted = async (kind: 'paste' | 'drop', colours: string[]) =>
    reporter.evaluate(async ({ kind, colours }) => {
      const dt = new DataTransfer();
      dt.setData('text/html', '<p>第一段</p><img src="file:///C:/Users/x/image001.png">');
      for (const [i, colour] of colours.entries()) {
        const canvas = document.createElement('canvas');
        canvas.width = 320;
        canvas.height = 240;
        const g = canvas.getContext('2d')!;
        g.fillStyle = colour;
        g.fillRect(0, 0, 320, 240);
        g.fillStyle = '#fff';
        g.fillRect(40 + i * 30, 40, 80, 80);
        const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
        dt.items.add(new File([blob], `image00${i + 1}.png`, { type: 'image/png' }));
      }
      const target = document.querySelector('main')!;
      if (kind === 'paste') document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      else {
        target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, { kind, colours });
  const before = (await site.store.media.search({ text: [], includeTakenDown: true, limit: 100, offset: 0 })).total;
  await pasted('paste', ['#2a6', '#a26']);
  await reporter.waitForFunction(() => document.querySelectorAll('#ml-upload-status li[data-uploaded]').length === 2);
  await pasted('drop', ['#26a']);
  await reporter.waitForSelector('.media-detail[data-media]');
  const after = (await site.store.media.search({ text: [], includeTakenDown: true, limit: 100, offset: 0 })).total;
  assert.equal(after - before, 3, 'two pasted and one dropped picture are in the library');

  // At 390 px nothing reaches past the screen: not the grid, not the detail with its picture and fields.
  await reporter.waitForSelector('.media-grid .thumb img');
  assert.deepEqual(await overflowing(reporter), []);
  const labelAbove = await reporter.evaluate(() => {
    const label = document.querySelector('label[for="md-caption"]')!.getBoundingClientRect();
    const field = document.getElementById('md-caption')!.getBoundingClientRect();
    return label.bottom <= field.top + 1;
  });
  assert.ok(labelAbove, 'labels sit above their fields');
  await reporter.screenshot({ path: join(e2eOutDir, 'media-4-phone.png'), fullPage: true });

  // The rights manager takes the dropped picture down, with a reason; its renditions are gone.
  const dropped = Number(await reporter.getAttribute('.media-detail[data-media]', 'data-media'));
  const item = (await site.store.media.byId(dropped))!;
  const rights = await signIn('rights');
  await rights.goto(`${site.url}/newsroom#/media/${dropped}`);
  await rights.waitForSelector(`.media-detail[data-media="${dropped}"]`);
  assert.equal(await rights.locator('#ml-file').count(), 0, 'the rights desk does not upload');
  await rights.click('[data-action="take-down"]');
  assert.match((await rights.textContent('#md-reason-error')) ?? '', /理由/, 'a take-down without a reason is refused beside the field');
  await rights.fill('#md-reason', '权利人来函,证明这张图片未获授权');
  await rights.click('[data-action="take-down"]');
  await rights.waitForSelector('.media-detail strong.taken-down');
  assert.ok((await site.store.media.byId(dropped))!.takenDownAt);
  const gone = await fetch(`${site.url}/media/${item.hash}/1x1-160-${item.focalX}-${item.focalY}.webp`);
  assert.equal(gone.status, 404);
});
