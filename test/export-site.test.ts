import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync, mkdirSync, symlinkSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli.ts';
import { openAndPrepareStore } from '../src/main.ts';
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
    for (const f of ['zh-hans/index.html', 'zh-hant/articles/1/index.html', 'zh-hk/channels/yanbian/index.html', 'zh-hans/feed.xml', 'feed.json', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'assets/site.css', 'zh-hant/topics/winter/index.html']) {
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
    assert.equal(removed, 3, third.stdout);
    assert.ok(w! > 0 && w! < 60, third.stdout);
    assert.ok(!existsSync(join(out, `zh-hans/articles/${gone.id}/index.html`)));
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
