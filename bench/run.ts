/**
 * `npm run bench` runs every benchmark, each in a process of its own so they do not share a heap;
 * `npm run bench -- search` runs one. Results print as JSON and go to test-output/bench/.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './support.ts';

const ALL = { 'article-page': 'article-page.ts', search: 'search.ts', 'content-api': 'content-api.ts', pages: 'pages.ts', media: 'media.ts', render: 'render.ts', sanitize: 'sanitize.ts', backup: 'backup.ts', recovery: 'recovery.ts', invalidation: 'invalidation.ts', starvation: 'starvation.ts', 'reader-vitals': 'reader-vitals.ts' } as const;
const asked = process.argv.slice(2);
const names = asked.length ? asked : (Object.keys(ALL) as Array<keyof typeof ALL>);
let failed = false;
for (const name of names) {
  const file = ALL[name as keyof typeof ALL];
  if (!file) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(ALL).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'bench', file)], { stdio: 'inherit', cwd: repoRoot });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
