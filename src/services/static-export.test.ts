import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { exportSite } from './static-export.ts';
import type { ReaderService } from './reader-service.ts';

/** The parts of the reader that listing the public pages asks for; topic slugs are where a bad name could come in. */
function fakeReader(topics: string[]): ReaderService {
  const reader = {
    frame: async () => ({ channels: [] }),
    home: async () => ({ topics: topics.map((slug) => ({ topic: { slug } })) }),
    sitemapPage: async () => [],
  };
  // Only these three members are used by publicPaths; the rest of the service is not needed.
  return reader as unknown as ReaderService;
}

/** Every file under `dir` with its content, links listed as links (never followed). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) out[relative(dir, p)] = 'link';
      else if (st.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

const segment = fc.constantFrom('..', '.', '', 'out', 'victim.txt', 'zh-hans', 'site', 'sentinel.txt', 'index.html', 'a\0b', '..\\..');
const entry = fc.oneof(
  fc.string(),
  fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('/')),
  fc.constantFrom('../sentinel.txt', 'out/victim.txt', 'out', '../elsewhere/victim.txt', 'zh-hans/../../sentinel.txt', '/', '.', ''),
  // Absolute paths are made per run, once the folder is known.
  fc.constantFrom('ABS:sentinel.txt', 'ABS:elsewhere/victim.txt', 'ABS:site/out/victim.txt'),
);

test('for any manifest entry and any page name, export-site touches nothing outside DIR', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(entry, { maxLength: 5 }), fc.array(fc.oneof(fc.string(), fc.array(segment, { maxLength: 6 }).map((p) => p.join('/'))), { maxLength: 3 }), async (entries, topics) => {
      const root = mkdtempSync(join(tmpdir(), 'heitu-export-prop-'));
      try {
        const dir = join(root, 'site');
        mkdirSync(dir);
        mkdirSync(join(root, 'elsewhere'));
        writeFileSync(join(root, 'sentinel.txt'), 'keep');
        writeFileSync(join(root, 'elsewhere', 'victim.txt'), 'keep');
        symlinkSync(join(root, 'elsewhere'), join(dir, 'out'));
        const manifest = Object.fromEntries(entries.map((e) => [e.startsWith('ABS:') ? join(root, e.slice(4)) : e, 'x']));
        writeFileSync(join(dir, '.heitu-export.json'), JSON.stringify(manifest));
        const before = snapshot(root);
        try {
          await exportSite(dir, fakeReader(topics), async () => ({ status: 200, body: new TextEncoder().encode('page') }));
        } catch {
          // Refusing is a right answer; what matters is what was touched.
        }
        const after = snapshot(root);
        for (const [file, content] of Object.entries(before)) {
          if (!file.startsWith('site/')) assert.equal(after[file], content, `${file} was changed`);
        }
        for (const file of Object.keys(after)) assert.ok(file.startsWith('site/') || file in before, `${file} was written outside`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { numRuns: 60 },
  );
});
