import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config.ts';
import { openAndPrepareStore } from '../main.ts';
import { openStore } from '../store/open-store.ts';
import { BackupError } from '../store/kysely-backup.ts';
import { BackupFileError, restoreBackup, writeBackup, type BackupSummary } from '../services/backup-service.ts';

function describe(s: BackupSummary): string {
  const r = s.rows;
  const n = (t: string) => r[t] ?? 0;
  return `${n('articles')} articles, ${n('article_revisions')} revisions, ${n('audit_log')} audit entries, ${n('users')} accounts, ${n('licensees')} licensees, ${n('claims')} claims, ${n('tips')} tips, ${s.files} files`;
}

/** `heitu backup FILE`: a consistent snapshot of the running site, written whole or not at all. */
export async function backupCommand(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('heitu backup: name the file to write (or - for stdout)');
    return 2;
  }
  const config = loadConfig();
  const t0 = performance.now();
  const store = await openAndPrepareStore(config, { seed: false });
  // Written beside the target and renamed at the end, so an interrupted backup never leaves a file that looks complete.
  const partial = file === '-' ? null : `${file}.partial`;
  try {
    if (!(await store.settings.get())) {
      console.error('heitu backup: this database holds no site (it has no settings): check HEITU_DATA_DIR or DATABASE_URL');
      return 1;
    }
    let out: NodeJS.WritableStream & Writable = process.stdout;
    if (partial) {
      try {
        out = (await open(partial, 'wx')).createWriteStream();
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw e;
        console.error(`heitu backup: cannot write ${file}: ${code === 'ENOENT' ? 'its folder does not exist' : (e as Error).message}`);
        return 1;
      }
    }
    const summary = await writeBackup(store, join(config.dataDir, 'uploads'), out);
    if (partial) await rename(partial, file);
    const size = partial ? ` (${((await stat(file)).size / 1048576).toFixed(1)} MB)` : '';
    console.error(`backed up ${describe(summary)} in ${((performance.now() - t0) / 1000).toFixed(1)} s${size}`);
    for (const name of summary.missingFiles) console.error(`warning: ${name} is named in the database but missing on disk`);
    return 0;
  } catch (e) {
    if (partial) await rm(partial, { force: true });
    if (e instanceof Error && (e as NodeJS.ErrnoException).code === 'EEXIST') {
      console.error(`heitu backup: ${partial} exists: another backup is running, or one was interrupted (remove it)`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}

/** `heitu restore FILE`: loads a backup into an empty database of either dialect (how a site moves to PostgreSQL). */
export async function restoreCommand(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('heitu restore: name the backup file to read (or - for stdin)');
    return 2;
  }
  if (file !== '-') {
    try {
      await stat(file);
    } catch {
      console.error(`heitu restore: cannot read ${file}`);
      return 2;
    }
  }
  const config = loadConfig();
  const t0 = performance.now();
  // Not opened the usual way: that would create the latest schema and default settings, and the
  // backup must land in an empty database at its own schema.
  const store = openStore(config);
  try {
    const summary = await restoreBackup(store, join(config.dataDir, 'uploads'), file === '-' ? process.stdin : createReadStream(file));
    console.error(`restored ${describe(summary)} (made ${summary.createdAt} on ${summary.from}) into ${store.dialect} in ${((performance.now() - t0) / 1000).toFixed(1)} s (rows ${summary.seconds.load.toFixed(1)} s, search index ${summary.seconds.index.toFixed(1)} s)`);
    for (const name of summary.missingFiles) console.error(`warning: ${name} was already missing when the backup was made`);
    return 0;
  } catch (e) {
    if (e instanceof BackupError || e instanceof BackupFileError) {
      console.error(`heitu restore: ${e.message}`);
      return 1;
    }
    // The database cannot be reached or refused us: the rows go in one transaction, so none went in.
    const code = String((e as { code?: unknown }).code ?? '');
    if (/^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|3D000|28000|28P01|3F000|SQLITE_CANTOPEN)$/.test(code)) {
      console.error(`heitu restore: cannot use the database (${(e as Error).message}): check DATABASE_URL or HEITU_DATA_DIR; nothing was restored`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}
