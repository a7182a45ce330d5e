import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCliServer } from './support/cli.ts';
import { seedNinjsPath } from './support/test-site.ts';

test('a first start builds the database with demo content; a second start keeps what is there', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-start-'));
  const dataDir = join(dir, 'data');
  try {
    assert.equal(existsSync(dataDir), false);
    const first = await startCliServer({ HEITU_DATA_DIR: dataDir });
    const home = await fetch(`${first.url}/`);
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /黑土網/);
    assert.ok((html.match(/<li><a href="\/zh-hant\/articles\//g) ?? []).length >= 12);
    await first.stop();
    assert.ok(existsSync(join(dataDir, 'heitu.sqlite')));

    const imported = await runCli(['import', '--json', seedNinjsPath], { HEITU_DATA_DIR: dataDir });
    assert.equal(imported.code, 0, imported.stderr);
    const report = JSON.parse(imported.stdout) as { items: Array<{ id: number; url: string }> };
    assert.equal(report.items.length, 1);
    const seedId = report.items[0]!.id;
    assert.match(report.items[0]!.url, new RegExp(`/articles/${seedId}$`));

    const second = await startCliServer({ HEITU_DATA_DIR: dataDir });
    const page = await fetch(`${second.url}/zh-hans/articles/${seedId}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /吉林省全省领导干部大会在长春召开/);
    // The demo was not seeded again: the seed article is still the last one.
    assert.equal((await fetch(`${second.url}/zh-hans/articles/${seedId + 1}`)).status, 404);
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad setting stops the start with a message naming it', async () => {
  const r = await runCli(['serve'], { PORT: 'eighty', HEITU_DATA_DIR: join(tmpdir(), 'heitu-never') });
  assert.equal(r.code, 78);
  assert.match(r.stderr, /PORT="eighty" must be a number/);
  const pg = await runCli(['serve'], { DATABASE_URL: 'mysql://localhost/x' });
  assert.equal(pg.code, 78);
  assert.match(pg.stderr, /DATABASE_URL/);
});

test('import reports each item; --json gives {items:[{id,url}|{error}]}; a bad file exits non-zero', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-import-'));
  try {
    const env = { HEITU_DATA_DIR: dir };
    const ndjson = [
      JSON.stringify({ uri: 'urn:test:cli:1', language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00', headlines: [{ role: 'main', value: '命令行导入' }], bodies: [{ role: 'main', contentType: 'text/html', value: '<p>内容</p>' }] }),
      JSON.stringify({ uri: 'urn:test:cli:2', type: 'picture' }),
    ].join('\n');
    const r = await runCli(['import', '--json', '-'], env, ndjson);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as { items: Array<Record<string, unknown>> };
    assert.equal(report.items.length, 2);
    assert.equal(typeof report.items[0]!['id'], 'number');
    assert.equal(typeof report.items[0]!['url'], 'string');
    assert.match(String(report.items[1]!['error']), /only text items/);
    const plain = await runCli(['import', '/no/such/file.json'], env);
    assert.equal(plain.code, 1);
    assert.match(plain.stdout, /cannot read/);
    const exported = await runCli(['export'], env);
    assert.equal(exported.code, 0);
    const lines = exported.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 31);
    assert.ok(lines.some((l) => l['uri'] === 'urn:test:cli:1'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('heitu user add creates an account that can sign in; bad roles are refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-user-'));
  try {
    const env = { HEITU_DATA_DIR: dir };
    const generated = await runCli(['user', 'add', '--name', 'zhangsan', '--role', 'reporter,editor', '--display', '张三'], env);
    assert.equal(generated.code, 0, generated.stderr);
    const pw = /one-time password \(shown only now\): (\S+)/.exec(generated.stdout)?.[1];
    assert.ok(pw && pw.length >= 12);
    const piped = await runCli(['user', 'add', '--name', 'lisi', '--role', 'admin', '--password-stdin'], env, 'a-long-password-1\n');
    assert.equal(piped.code, 0, piped.stderr);
    assert.doesNotMatch(piped.stdout, /password/);
    const bad = await runCli(['user', 'add', '--name', 'x', '--role', 'boss'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown: boss/);
    const dup = await runCli(['user', 'add', '--name', 'zhangsan', '--role', 'reporter'], env);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /taken/);
    const list = await runCli(['user', 'list'], env);
    assert.match(list.stdout, /zhangsan\s+张三\s+\[editor, reporter\]/);

    const server = await startCliServer(env);
    try {
      const { NewsroomClient } = await import('./support/newsroom-client.ts');
      const c = new NewsroomClient(server.url);
      assert.equal((await c.login('zhangsan', pw)).status, 200);
      assert.equal((await c.login('lisi', 'a-long-password-1')).status, 200);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('heitu convert: stdin to stdout, line by line, the same engine as the site', async () => {
  const input = '为做好案件处置指明了方向\n吉林省全省領導幹部大會\n\n参与制造的企业\n';
  const hant = await runCli(['convert', '--to', 'zh-Hant'], {}, input);
  assert.equal(hant.code, 0, hant.stderr);
  assert.equal(hant.stdout, '為做好案件處置指明了方向\n吉林省全省領導幹部大會\n\n參與製造的企業\n');
  const hans = await runCli(['convert', '--to', 'zh-Hans'], {}, input);
  assert.equal(hans.stdout, '为做好案件处置指明了方向\n吉林省全省领导干部大会\n\n参与制造的企业\n');
  const hk = await runCli(['convert', '--to', 'zh-HK', '--from', 'zh-Hans'], {}, '里面\n');
  assert.equal(hk.stdout, '裏面\n');
  const bad = await runCli(['convert', '--to', 'klingon'], {}, '');
  assert.equal(bad.code, 2);
});
