import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCliServer } from './support/cli.ts';
import { NewsroomClient } from './support/newsroom-client.ts';

test('heitu setup names the site and makes the first admin once; channel add/list build the channels', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-setup-'));
  try {
    const env = { HEITU_DATA_DIR: dir, HEITU_DEMO: '0' };
    const none = await runCli(['setup'], env);
    assert.equal(none.code, 2);
    const badLogin = await runCli(['setup', '--admin', 'Boss Man'], env);
    assert.equal(badLogin.code, 2);

    const setup = await runCli(['setup', '--site-name', '松花江網', '--admin', 'chief', '--display', '王總'], env);
    assert.equal(setup.code, 0, setup.stderr);
    assert.match(setup.stdout, /site name: 松花江網/);
    const pw = /one-time password \(shown only now\): (\S+)/.exec(setup.stdout)?.[1];
    assert.ok(pw && pw.length >= 12);

    // A second admin is refused, and the refused run changes nothing, not even the name.
    const again = await runCli(['setup', '--site-name', '別的網', '--admin', 'other', '--password-stdin'], env, 'a-long-password-1\n');
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already has an admin/);
    const renamed = await runCli(['setup', '--site-name', '松江網'], env);
    assert.equal(renamed.code, 0, renamed.stderr);
    const users = await runCli(['user', 'list'], env);
    assert.match(users.stdout, /chief\s+王總\s+\[admin\]/);
    assert.doesNotMatch(users.stdout, /other/);

    const region = await runCli(['channel', 'add', '--slug', 'harbin', '--name', '哈爾濱', '--region'], env);
    assert.equal(region.code, 0, region.stderr);
    assert.match(region.stdout, /created channel harbin 哈爾濱 \(region, 2 review levels\)/);
    const topic = await runCli(['channel', 'add', '--slug', 'economy', '--name', '经济', '--levels', '3'], env);
    assert.equal(topic.code, 0, topic.stderr);
    assert.equal((await runCli(['channel', 'add', '--slug', 'harbin', '--name', '重複'], env)).code, 1);
    assert.equal((await runCli(['channel', 'add', '--slug', 'Bad Slug', '--name', '壞'], env)).code, 2);
    assert.equal((await runCli(['channel', 'add', '--slug', 'x', '--name', '壞', '--levels', '4'], env)).code, 2);
    const list = await runCli(['channel', 'list'], env);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /harbin\s+哈爾濱\s+region\s+2 levels\n/);
    assert.match(list.stdout, /economy\s+经济\s+topic\s+3 levels\n/);

    const server = await startCliServer(env);
    try {
      const home = await (await fetch(`${server.url}/zh-hant/`)).text();
      assert.match(home, /松江網/);
      assert.match(home, /哈爾濱/);
      assert.doesNotMatch(home, /熱線/, 'no hotline is shown until one is set');
      assert.match(home, /<title>松江網<\/title>/);
      assert.equal((await fetch(`${server.url}/zh-hans/channels/harbin`)).status, 200);
      // A name written in Simplified is converted for readers of Traditional.
      assert.match(await (await fetch(`${server.url}/zh-hant/channels/economy`)).text(), /經濟/);
      const c = new NewsroomClient(server.url);
      assert.equal((await c.login('chief', pw)).status, 200);
      const audit = await c.ok<{ entries?: Array<{ action: string }> } | Array<{ action: string }>>('GET', '/audit?limit=50');
      const actions = (Array.isArray(audit) ? audit : (audit.entries ?? [])).map((e) => e.action);
      for (const a of ['site.setup', 'user.create', 'settings.update', 'channel.create']) assert.ok(actions.includes(a), `${a} in ${actions.join(',')}`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
