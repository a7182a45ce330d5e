import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCliServer } from './support/cli.ts';
import { signIn, draftBody } from './support/newsroom-people.ts';

test('a second process writing to the SQLite file waits its turn: a CLI import while the newsroom saves, and two imports at once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-writers-'));
  const env = { HEITU_DATA_DIR: dir };
  const server = await startCliServer(env);
  try {
    const items = (tag: string) =>
      Array.from({ length: 150 }, (_, i) => JSON.stringify({
        uri: `urn:test:writers:${tag}:${i}`, language: 'zh-Hans', firstCreated: '2026-11-28T08:00:00+08:00',
        headlines: [{ role: 'main', value: `并发导入${tag}${i}` }], bodies: [{ role: 'main', contentType: 'text/plain', value: '第一段。\n第二段。' }],
      })).join('\n');
    const reporter = await signIn(server.url, 'reporter');
    const saves = (async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await reporter.request('POST', '/articles', draftBody({ headline: `并发保存${i}` }))).status);
      return statuses;
    })();
    const [a, b, statuses] = await Promise.all([runCli(['import', '-', '--json'], env, items('a')), runCli(['import', '-', '--json'], env, items('b')), saves]);
    for (const r of [a, b]) {
      assert.equal(r.code, 0, r.stderr + r.stdout.slice(0, 500));
      const report = JSON.parse(r.stdout) as { items: Array<{ status?: string; code?: string }> };
      assert.equal(report.items.filter((x) => x.status === "created").length, 150, JSON.stringify(report.items.filter((x) => !x.status)).slice(0, 300));
    }
    assert.deepEqual([...new Set(statuses)], [201]);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
