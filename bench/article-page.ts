/**
 * `npm run bench`: start-up, memory and article-page throughput of Heitu, each next to a
 * baseline measured in the same run. Throughput is given as a ratio against a bare node:http
 * server sending the same bytes, because this machine is shared and absolute numbers drift.
 *
 *   BENCH_SECONDS=10 BENCH_ROUNDS=3 npm run bench -- article-page
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { spawnServer, rssMb, haveWrk, wrk, median, report, repoRoot } from './support.ts';

const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const heitu = [join(repoRoot, 'bin/heitu.mjs'), 'serve'];

const dir = mkdtempSync(join(tmpdir(), 'heitu-bench-'));
const env = { HEITU_DATA_DIR: join(dir, 'data') };
const results: Record<string, unknown> = {};
try {
  // Cold start on an empty data folder (creates the database and the demo), then on the existing one.
  const first = await spawnServer(heitu, env);
  results['coldStartEmptyMs'] = Math.round(first.startMs);
  await first.stop();
  const imported = spawnSync(process.execPath, [join(repoRoot, 'bin/heitu.mjs'), 'import', '--json', join(repoRoot, '../shared/seed/seed-article.ninjs.json')], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const seedId = (JSON.parse(imported.stdout) as { items: Array<{ id: number }> }).items[0]?.id ?? 1;
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = await spawnServer(heitu, env);
    starts.push(s.startMs);
    await s.stop();
  }
  results['coldStartExistingMs'] = Math.round(median(starts));
  const nodeOnly = await spawnServer([join(repoRoot, 'bench/bare-server.mjs'), join(repoRoot, 'package.json'), '{}']);
  results['bareNodeStartMs'] = Math.round(nodeOnly.startMs);
  await nodeOnly.stop();

  const server = await spawnServer(heitu, env);
  await new Promise((r) => setTimeout(r, 1500));
  results['rssAtRestMb'] = rssMb(server.child.pid!);

  const path = `/zh-hant/articles/${seedId}`;
  const res = await fetch(server.url + path);
  const body = Buffer.from(await res.arrayBuffer());
  const headers = Object.fromEntries(['content-type', 'content-length', 'etag', 'cache-control'].map((h) => [h, res.headers.get(h) ?? '']));
  results['articleBytes'] = body.length;
  const bodyFile = join(dir, 'page.html');
  writeFileSync(bodyFile, body);
  const bare = await spawnServer([join(repoRoot, 'bench/bare-server.mjs'), bodyFile, JSON.stringify(headers)]);

  if (haveWrk()) {
    wrk(server.url + path, 2);
    wrk(bare.url + '/', 2);
    const h: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < rounds; i++) {
      h.push(wrk(server.url + path, seconds));
      b.push(wrk(bare.url + '/', seconds));
    }
    results['articleRps'] = Math.round(median(h));
    results['bareRps'] = Math.round(median(b));
    results['articleToBare'] = Math.round((median(h) / median(b)) * 100) / 100;
    results['wrk'] = `wrk -t1 -c50 -d${seconds}s, ${rounds} alternating rounds, medians`;
    results['rssAfterLoadMb'] = rssMb(server.child.pid!);
  } else {
    results['wrk'] = 'wrk not installed (apt-get install wrk): throughput not measured';
  }
  await bare.stop();
  await server.stop();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

report('article-page', results);
