import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { BackupRow, Store } from '../store/ports.ts';

/**
 * The backup format, version 1: gzip-compressed lines of JSON, in this order.
 *   {"format":"heitu-backup","version":1,"schema":MIGRATION,"dialect":…,"createdAt":…}
 *   {"table":NAME,"rows":[{column: value, …}, …]}      a page of one table, tables parents first
 *   {"file":"claims/NAME"|"tips/NAME"|"media/originals/HH/HASH","size":N,"sha256":HEX,"data":BASE64}   uploaded files
 *   {"end":true,"rows":{NAME: count, …},"files":N,"missingFiles":[…]}
 * A file without the end line is incomplete and is refused whole.
 */
export const BACKUP_FORMAT = 'heitu-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Folders under the uploads folder whose files the database names (claim_files, tip_files). */
const FILE_TABLES = { claim_files: 'claims', tip_files: 'tips' } as const;
const FILE_NAME = /^(?:(claims|tips)\/[A-Za-z0-9_-]{1,100}|media\/originals\/[0-9a-f]{2}\/[0-9a-f]{64})$/;
/** A picture's original, named by its hash (renditions are made again from it, so they are not kept). */
const mediaOriginal = (hash: string) => `media/originals/${hash.slice(0, 2)}/${hash}`;

export interface BackupSummary {
  schema: string;
  rows: Record<string, number>;
  files: number;
  /** Files the database names that were not on disk: they were already lost, the backup says so. */
  missingFiles: string[];
}

export interface RestoreSummary extends BackupSummary {
  /** When the backup was made, and from which dialect. */
  createdAt: string;
  from: string;
  /** Articles put back into the search index. */
  indexed: number;
  /** Where the time went: loading the rows, and rebuilding the search index (most of it on a large site). */
  seconds: { load: number; index: number };
}

/** Raised for a file that is not a complete Heitu backup this version can read; nothing was restored. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

/** What a reader of a damaged, cut or foreign file is told, whatever layer noticed. */
function unreadable(e: unknown): BackupFileError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  const why = code === 'Z_BUF_ERROR' ? 'it ends early: it is incomplete' : code === 'Z_DATA_ERROR' ? 'it is not a gzip file: not a Heitu backup, or damaged' : e instanceof Error ? e.message : String(e);
  return new BackupFileError(`the file cannot be read as a Heitu backup (${why}); nothing was restored`);
}

/** Both dialects' refusals of a row: SQLite's SQLITE_CONSTRAINT_*, PostgreSQL's class 23. */
function isConstraintError(e: unknown): boolean {
  const code = String((e as { code?: unknown } | undefined)?.code ?? '');
  return code.startsWith('SQLITE_CONSTRAINT') || /^23\d{3}$/.test(code);
}

async function put(out: Writable, line: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

/** Writes a consistent snapshot of everything the site holds to `out` (gzip is applied here). */
export async function writeBackup(store: Store, uploadsDir: string, out: Writable): Promise<BackupSummary> {
  const gzip = createGzip();
  const done = new Promise<void>((resolve, reject) => {
    gzip.pipe(out).on('finish', resolve).on('error', reject);
    gzip.on('error', reject);
  });
  const schema = await store.backup.schemaVersion();
  if (!schema) throw new BackupFileError('the database has no schema yet: there is nothing to back up');
  await put(gzip, { format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION, schema, dialect: store.dialect, createdAt: new Date().toISOString() });
  const rows: Record<string, number> = {};
  const named: string[] = [];
  await store.backup.read(async (table, page) => {
    rows[table] = (rows[table] ?? 0) + page.length;
    if (table in FILE_TABLES) for (const r of page) named.push(`${FILE_TABLES[table as keyof typeof FILE_TABLES]}/${String(r['stored_as'])}`);
    if (table === 'media') for (const r of page) named.push(mediaOriginal(String(r['hash'])));
    await put(gzip, { table, rows: page });
  });
  // Evidence files are written once and never changed, so reading them after the snapshot is consistent with it.
  const missingFiles: string[] = [];
  let files = 0;
  for (const name of named) {
    let data: Buffer;
    try {
      data = await readFile(join(uploadsDir, name));
    } catch {
      missingFiles.push(name);
      continue;
    }
    await put(gzip, { file: name, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data: data.toString('base64') });
    files++;
  }
  await put(gzip, { end: true, rows, files, missingFiles });
  gzip.end();
  await done;
  return { schema, rows, files, missingFiles };
}

type Line = Record<string, unknown>;

function isRow(value: unknown): value is BackupRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((v) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
}

/**
 * Loads a backup into an empty database of either dialect: all of it or nothing. The schema is
 * brought to the backup's version first and upgraded after, so an older backup restores into a
 * newer Heitu; the search index is rebuilt in the target's own form.
 */
export async function restoreBackup(store: Store, uploadsDir: string, input: Readable): Promise<RestoreSummary> {
  const gunzip = createGunzip();
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const failed = new Promise<never>((_, reject) => {
    const refuse = (e: Error) => reject(unreadable(e));
    gunzip.on('error', refuse);
    input.on('error', refuse);
  });
  failed.catch(() => {});
  const next = async (): Promise<Line | null> => {
    const r = await Promise.race([lines.next(), failed]).catch((e: unknown) => {
      throw e instanceof BackupFileError ? e : unreadable(e);
    });
    if (r.done) return null;
    try {
      const parsed: unknown = JSON.parse(r.value);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Line;
    } catch {
      // Reported below, with the same message as any other line that is not an object.
    }
    throw new BackupFileError('the backup has a line that is not a JSON object: it is damaged; nothing was restored');
  };

  const header = await next();
  if (!header || header['format'] !== BACKUP_FORMAT) throw new BackupFileError('the file is not a Heitu backup (no heitu-backup header); nothing was restored');
  if (typeof header['version'] !== 'number' || header['version'] > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(`the backup has format version ${String(header['version'])}; this Heitu reads up to ${BACKUP_FORMAT_VERSION}: restore it with a newer Heitu`);
  }
  const schema = String(header['schema']);
  await store.backup.prepareEmpty(schema);

  const staging = join(uploadsDir, `.restore-${randomBytes(6).toString('hex')}`);
  const staged: string[] = [];
  const seen: Record<string, number> = {};
  let trailer: Line | null = null;
  async function* batches(): AsyncGenerator<{ table: string; rows: BackupRow[] }> {
    for (let line = await next(); line; line = await next()) {
      if (trailer) throw new BackupFileError('the backup has lines after its end line: it is damaged; nothing was restored');
      if (typeof line['table'] === 'string' && Array.isArray(line['rows'])) {
        const rows = line['rows'] as unknown[];
        if (!rows.every(isRow)) throw new BackupFileError(`the backup's ${line['table']} rows hold values that are not text or numbers; nothing was restored`);
        seen[line['table']] = (seen[line['table']] ?? 0) + rows.length;
        yield { table: line['table'], rows };
      } else if (typeof line['file'] === 'string') {
        await stage(line);
      } else if (line['end'] === true) {
        trailer = line;
      } else {
        throw new BackupFileError('the backup has a line of an unknown kind: it is damaged or from a newer Heitu; nothing was restored');
      }
    }
    // Checked before the rows commit: a file cut short restores nothing rather than part of a site.
    if (!trailer) throw new BackupFileError('the backup ends early (it has no end line): it is incomplete; nothing was restored');
    const expected = (trailer['rows'] ?? {}) as Record<string, unknown>;
    for (const table of new Set([...Object.keys(expected), ...Object.keys(seen)])) {
      if (Number(expected[table] ?? 0) !== (seen[table] ?? 0)) {
        throw new BackupFileError(`the backup's end line counts ${String(expected[table] ?? 0)} rows of ${table} but it holds ${seen[table] ?? 0}: it is damaged; nothing was restored`);
      }
    }
    if (Number(trailer['files']) !== staged.length) throw new BackupFileError(`the backup's end line counts ${String(trailer['files'])} files but it holds ${staged.length}; nothing was restored`);
  }
  async function stage(line: Line): Promise<void> {
    const name = String(line['file']);
    if (!FILE_NAME.test(name)) throw new BackupFileError(`the backup names a file outside the uploads folders: ${JSON.stringify(name).slice(0, 80)}; nothing was restored`);
    const data = Buffer.from(String(line['data'] ?? ''), 'base64');
    if (data.length !== line['size'] || createHash('sha256').update(data).digest('hex') !== line['sha256']) {
      throw new BackupFileError(`the backup's copy of ${name} does not match its checksum; nothing was restored`);
    }
    // A picture's original is named by its hash: the renditions made from it are served under that name.
    if (name.startsWith('media/') && !name.endsWith(`/${line['sha256']}`)) {
      throw new BackupFileError(`the backup's ${name} holds another picture than its name says; nothing was restored`);
    }
    await mkdir(join(staging, name, '..'), { recursive: true });
    await writeFile(join(staging, name), data);
    staged.push(name);
  }

  let rows: Record<string, number>;
  const t0 = performance.now();
  try {
    rows = await store.backup.load(batches()).catch((e: unknown) => {
      // A row the database refuses (a foreign key, a unique key) means the file was edited or damaged.
      if (e instanceof BackupFileError || !isConstraintError(e)) throw e;
      throw new BackupFileError(`the backup's rows do not fit together (${(e as Error).message}): it is damaged; nothing was restored`);
    });
    // The rows are in; the files go where the services look for them only now.
    for (const name of staged) {
      await mkdir(join(uploadsDir, name, '..'), { recursive: true });
      await rename(join(staging, name), join(uploadsDir, name));
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    lines.return?.();
  }
  await store.migrate();
  const t1 = performance.now();
  let after = 0;
  do after = await store.search.reindex(after, 200);
  while (after > 0);
  const end = trailer as Line | null;
  const missingFiles = Array.isArray(end?.['missingFiles']) ? (end['missingFiles'] as unknown[]).map(String) : [];
  const summary = { schema, rows, files: staged.length, missingFiles, createdAt: String(header['createdAt']), from: String(header['dialect']), indexed: rows['articles'] ?? 0, seconds: { load: (t1 - t0) / 1000, index: (performance.now() - t1) / 1000 } };
  await store.audit.append({ actorId: null, actorLogin: null }, { action: 'site.restore', detail: { createdAt: summary.createdAt, from: summary.from, schema, rows, files: summary.files } });
  return summary;
}
