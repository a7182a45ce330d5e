import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync, mkdirSync, symlinkSync, readdirSync, linkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli.ts';
import { openAndPrepareStore, buildApp } from '../src/main.ts';
import { exportSite } from '../src/services/static-export.ts';
import { loadConfig } from '../src/config.ts';
import { createNewsroomService } from '../src/services/newsroom-service.ts';

test('export-site writes the public site as files, then on later runs only what changed, and removes what is gone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-export-'));
  const out = join(dir, 'site');
  const env = { HEITU_DATA_DIR: join(dir, 'data') };
  try {
    const first = await runCli(['export-site', out], env);
    assert.equal(first.code, 0, first.stderr);
    const [, total, written] = /exported (\d+) files .*: (\d+) written/.exec(first.stdout)!.map(Number);
    assert.ok(total! > 250 && written === total);
    for (const f of ['zh-hans/index.html', 'zh-hant/articles/1/index.html', 'zh-hk/channels/yanbian/index.html', 'zh-hans/feed.xml', 'feed.json', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'assets/site.css', 'assets/reader.js', 'zh-hant/articles/1/qr.svg', 'zh-hans/articles/index.html', 'zh-hant/topics/winter/index.html']) {
      assert.ok(existsSync(join(out, f)), f);
    }
    assert.match(readFileSync(join(out, 'zh-hant/articles/1/index.html'), 'utf8'), /<h1 class="headline">/);

    const again = await runCli(['export-site', out], env);
    assert.match(again.stdout, / 0 written, \d+ unchanged, 0 removed/);

    // Withdraw one article: its pages go, the lists that showed it are rewritten, nothing else.
    const config = loadConfig({ ...env, HEITU_DEMO: '0' });
    const store = await openAndPrepareStore(config);
    const gone = (await store.articles.listPublished({ channel: 'baishan', limit: 1, asOf: new Date().toISOString() }))[0]!;
    await createNewsroomService(store).act({ id: 1, login: 'chief', displayName: '總編', roles: ['chief_editor'] }, gone.id, { type: 'withdraw', reason: '导出测试' }, null);
    await store.close();
    const third = await runCli(['export-site', out], env);
    const [, , w, , removed] = /exported (\d+) files .*: (\d+) written, (\d+) unchanged, (\d+) removed/.exec(third.stdout)!.map(Number);
    assert.equal(removed, 6, `its page and its QR code in each variant: ${third.stdout}`);
    // The lists that showed it, and the pages that linked it (上一篇/下一篇, 相關新聞), in each variant.
    assert.ok(w! > 0 && w! < 100, third.stdout);
    assert.ok(!existsSync(join(out, `zh-hans/articles/${gone.id}/index.html`)));
    assert.ok(!existsSync(join(out, `zh-hans/articles/${gone.id}/qr.svg`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export-site never deletes outside DIR when the manifest names ../', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-export-'));
  const out = join(dir, 'site');
  const env = { HEITU_DATA_DIR: join(dir, 'data') };
  const outside = join(dir, 'outside.txt');
  const elsewhere = join(dir, 'elsewhere');
  try {
    writeFileSync(outside, 'keep me');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'victim.txt'), 'keep me too');
    mkdirSync(out);
    // A link inside DIR that leads out of it: removing or writing through it would reach outside.
    symlinkSync(elsewhere, join(out, 'zh-hans'));
    for (const entry of ['../outside.txt', outside, 'zh-hans/victim.txt', `zh-hant/../../outside.txt`]) {
      writeFileSync(join(out, '.heitu-export.json'), JSON.stringify({ [entry]: 'tampered' }));
      const r = await runCli(['export-site', out], env);
      assert.notEqual(r.code, 0, `${entry}: ${r.stdout}`);
      assert.match(r.stderr, /heitu export-site: .*outside/, entry);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(readFileSync(outside, 'utf8'), 'keep me', entry);
      assert.equal(readFileSync(join(elsewhere, 'victim.txt'), 'utf8'), 'keep me too', entry);
      assert.deepEqual(readdirSync(elsewhere), ['victim.txt'], entry);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export-site writes through hard links: a page that is a hard link to a file outside DIR gets a file of its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-export-link-'));
  const out = join(dir, 'site');
  const victim = join(dir, 'outside.txt');
  writeFileSync(victim, 'not the site');
  const config = loadConfig({ HEITU_DATA_DIR: join(dir, 'data') });
  const store = await openAndPrepareStore(config);
  try {
    const { app, reader } = buildApp(config, store);
    const fetchPage = async (path: string) => {
      const res = await app.request(path);
      return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
    };
    await exportSite(out, reader, fetchPage);
    const page = join(out, 'zh-hans/articles/2/index.html');
    rmSync(page);
    linkSync(victim, page);
    // The manifest no longer matches, so the page is written again.
    const manifestFile = '.heitu-export.json';
    const manifest = JSON.parse(readFileSync(join(out, manifestFile), 'utf8')) as Record<string, string>;
    manifest['zh-hans/articles/2/index.html'] = 'changed';
    writeFileSync(join(out, manifestFile), JSON.stringify(manifest));
    await exportSite(out, reader, fetchPage);
    assert.equal(readFileSync(victim, 'utf8'), 'not the site');
    assert.match(readFileSync(page, 'utf8'), /<h1 class="headline">/);
    assert.deepEqual(readdirSync(join(out, 'zh-hans/articles/2')).sort(), ['index.html', 'qr.svg'], 'no temporary file is left');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
