import { loadConfig, type Config } from '../../src/config.ts';
import { openAndPrepareStore, startServer, type Running } from '../../src/main.ts';
import { importNinjs, splitNinjsText, type ImportOutcome } from '../../src/services/ninjs-import.ts';
import { ninjsImportContext, requireSettings } from '../../src/services/site-context.ts';
import type { Store } from '../../src/store/ports.ts';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared folder beside the repository: fixtures and standard test suites. */
export const sharedDir = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const seedNinjsPath = `${sharedDir}seed/seed-article.ninjs.json`;
export const seedPagePath = `${sharedDir}seed/seed-page.txt`;

/** An in-memory database, and a data folder of its own for uploads. */
export function testConfig(over: Record<string, string> = {}): Config {
  // Request lines would fill the test report; a test about logs asks for a level.
  return loadConfig({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: 'sqlite::memory:', HEITU_DATA_DIR: mkdtempSync(join(tmpdir(), 'heitu-test-')), HEITU_LOG_LEVEL: 'silent', ...over });
}

/** A demo site on an in-memory SQLite database, served on a free port. */
export async function startTestSite(over: Record<string, string> = {}): Promise<Running> {
  const config = testConfig(over);
  return startServer(config, await openAndPrepareStore(config));
}

export async function importText(store: Store, text: string): Promise<ImportOutcome[]> {
  const settings = await requireSettings(store);
  return importNinjs(
    { store, context: async () => ninjsImportContext(settings, await store.channels.list()), articleUrl: (id) => `/articles/${id}` },
    splitNinjsText(text),
  );
}

export async function importSeed(store: Store): Promise<number> {
  const [outcome] = await importText(store, readFileSync(seedNinjsPath, 'utf8'));
  if (!outcome || 'error' in outcome) throw new Error(`seed did not import: ${JSON.stringify(outcome)}`);
  return outcome.id;
}

/** Text of an HTML fragment as a reader sees it (tags out, entities decoded, white space folded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The inner HTML of the first element with this class. */
export function byClass(html: string, cls: string): string | null {
  const m = new RegExp(`<(\\w+)[^>]*class="${cls}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html);
  return m ? m[2]! : null;
}

export function paragraphsOf(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]!));
}
