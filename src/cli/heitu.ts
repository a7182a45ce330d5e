import { readFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../config.ts';
import { isDomainError } from '../domain/errors.ts';
import { openAndPrepareStore, startServer, buildApp } from '../main.ts';
import { exportSite, RefusedPathError } from '../services/static-export.ts';
import { importNinjs, splitNinjsText } from '../services/ninjs-import.ts';
import { exportNinjs, writePictureFiles } from '../services/ninjs-export.ts';
import { createMediaService } from '../services/media-service.ts';
import { confinedDir } from '../services/confined-dir.ts';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config.ts';
import type { Store } from '../store/ports.ts';
import { ninjsImportContext, requireSettings } from '../services/site-context.ts';
import { createUserAdminService } from '../services/user-admin-service.ts';
import { ROLES, type Role } from '../domain/roles.ts';
import { createInterface } from 'node:readline';
import { convertText, type Term } from '../text/convert.ts';
import type { Script } from '../domain/variant.ts';
import { detectScript } from '../services/site-context.ts';
import { createRightsService } from '../services/rights-service.ts';
import { ZodError } from 'zod';
import { channelCommand, setupCommand } from './setup-commands.ts';
import { backupCommand, restoreCommand } from './backup-commands.ts';

const HELP = `heitu: the Heitu news platform

  heitu serve                 run the reader site (PORT, HOST, HEITU_DATA_DIR, DATABASE_URL)
  heitu import FILE… [--json] import IPTC ninjs 3.x/2.x: one object, an array, or NDJSON ("-" reads stdin);
                              pictures (associations of type picture) are read from files beside FILE
  heitu export [--out FILE]   write every article as ninjs 3.1 NDJSON (stdout by default); with --out,
                              its pictures' renditions are written beside FILE (media/…), else linked
  heitu user add --name LOGIN --role ROLE[,ROLE…] [--display NAME] [--password-stdin]
                              create a newsroom account; prints a generated password once,
                              or reads the password from stdin
  heitu user list             list accounts and roles
  heitu setup [--site-name NAME] [--admin LOGIN [--display NAME] [--password-stdin]]
                              name the site and create its first admin (refused once an admin
                              exists); prints a generated password once, or reads it from stdin
  heitu channel add --slug SLUG --name NAME [--levels 1-3] [--region] [--position N] [--hidden]
                              add a channel (a region with --region, else a topic; 2 review levels;
                              after the others of its kind in the navigation, unless --position/--hidden)
  heitu channel set --slug SLUG [--position N] [--hidden | --shown]
                              move a channel in the navigation, or hide or show it there
  heitu channel list          list channels in the navigation's order
  heitu licensee add --name NAME [--channels slug,…] [--rights original,exclusive,reprint,licensed-in]
                     [--uses reprint,excerpt,archive] [--pictures own,agency,reader,licensed-in]
                     [--from DATE] [--until DATE] [--attribution TEXT]
                     [--certificate NO] [--contact TEXT] [--items-per-day N] [--territory CN,HK,…] [--json]
                              register a licensee with an agreement; prints its API key once
  heitu licensee revoke ID    revoke every agreement and key of licensee ID
  heitu licensee list         licensees, agreements and their state
  heitu export-site DIR       write the public site as static files (again: only what changed)
  heitu backup FILE           write a consistent snapshot of everything the site holds (while it runs)
  heitu restore FILE          load a backup into an empty database, SQLite or PostgreSQL
                              (DATABASE_URL=postgres://… heitu restore FILE moves a site to PostgreSQL)
  heitu convert --to zh-Hant|zh-Hans|zh-HK [--from auto|zh-Hans|zh-Hant] [--site-terms]
                              convert stdin to stdout line by line with the site's engine;
                              --site-terms adds the site's dictionary from the database
  roles: ${ROLES.join(', ')}
`;

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function serve(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const running = await startServer(config);
  const ms = Math.round(performance.now() - t0);
  console.log(`Heitu is serving ${running.url} (${running.store.dialect}, ready in ${ms} ms)`);
  if (running.publicUrl !== running.url) console.log(`Readers reach it at ${running.publicUrl}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    // A second signal means now: the operator does not want to wait for the drain.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: draining requests in flight (up to ${config.shutdownMs / 1000} s), then stopping`);
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('heitu: the shutdown failed:', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

async function importCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length === 0) {
    console.error('heitu import: name at least one file (or - for stdin)');
    return 2;
  }
  const config = loadConfig();
  const store = await openAndPrepareStore(config);
  try {
    const settings = await requireSettings(store);
    const media = mediaOf(config, store);
    const deps = {
      store,
      context: async () => ninjsImportContext(settings, await store.channels.list()),
      articleUrl: (id: number) => `${config.publicUrl}/articles/${id}`,
    };
    // The library records who uploaded a picture; an import has no newsroom account (0 is no user).
    const importer = { id: null, login: 'import' };
    const items = [];
    let failed = 0;
    for (const file of files) {
      let text: string;
      try {
        text = await readInput(file);
      } catch (e) {
        items.push({ error: `${file}: cannot read: ${(e as Error).message}`, code: 'FILE_UNREADABLE', file });
        failed++;
        continue;
      }
      const pictures = { dir: file === '-' ? null : dirname(resolve(file)), media, actor: importer, maxFileBytes: config.limits.uploadFileBytes };
      for (const outcome of await importNinjs({ ...deps, pictures }, splitNinjsText(text))) {
        items.push({ ...outcome, file });
        if ('error' in outcome) failed++;
      }
    }
    if (json) {
      process.stdout.write(`${JSON.stringify({ items })}\n`);
    } else {
      for (const it of items) {
        if ('error' in it) console.log(`rejected  ${it.file}${'index' in it ? `#${it.index + 1}` : ''}${'uri' in it && it.uri ? ` ${it.uri}` : ''}: [${it.code}] ${it.error}`);
        else console.log(`${it.status.padEnd(9)} ${it.id} ${it.url}`);
      }
      console.log(`${items.length - failed} imported, ${failed} rejected`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** The media library as the server has it (same folder under the data folder), for import and export. */
function mediaOf(config: Config, store: Store) {
  return createMediaService(store, join(config.dataDir, 'uploads', 'media'), { maxFileBytes: config.limits.uploadFileBytes, prepareOnUpload: false });
}

async function exportCommand(args: string[]): Promise<number> {
  const outIndex = args.indexOf('--out');
  const outFile = outIndex >= 0 ? (args[outIndex + 1] ?? 'export.ndjson') : null;
  const config = loadConfig();
  const store = await openAndPrepareStore(config);
  try {
    // Into a file: the pictures' renditions go beside it, named relatively, so the folder moves as one.
    // To stdout there is no folder: renditions are linked where the site serves them.
    const folder = outFile ? await confinedDir(dirname(resolve(outFile))) : null;
    const media = folder ? mediaOf(config, store) : null;
    const out = outFile ? createWriteStream(outFile) : process.stdout;
    const written = new Set<string>();
    let n = 0;
    for await (const item of exportNinjs(store, 200, folder ? {} : { href: (path) => `${config.publicUrl}${path}` })) {
      if (folder && media) await writePictureFiles(item, folder, media, written);
      if (!out.write(`${JSON.stringify(item)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      n++;
    }
    if (out !== process.stdout) await new Promise<void>((r) => (out as NodeJS.WritableStream).end(r));
    console.error(`exported ${n} articles as ninjs 3.1${folder ? ` and ${written.size} picture files` : ''}`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `--flag value` and repeated flags, e.g. `--role editor --role reporter`. */
function flags(args: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) continue;
    const next = args[i + 1];
    const value = next && !next.startsWith('--') ? (i++, next) : 'true';
    out.set(a.slice(2), [...(out.get(a.slice(2)) ?? []), value]);
  }
  return out;
}

async function userCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const f = flags(rest);
  const store = await openAndPrepareStore(loadConfig());
  try {
    const users = createUserAdminService(store);
    if (sub === 'list') {
      for (const u of await users.list()) console.log(`${String(u.id).padStart(4)}  ${u.login.padEnd(20)} ${u.displayName}  [${u.roles.join(', ')}]${u.disabled ? ' (disabled)' : ''}`);
      return 0;
    }
    if (sub !== 'add') {
      console.error('heitu user: use "add" or "list"');
      return 2;
    }
    const login = f.get('name')?.[0];
    const roles = (f.get('role') ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
    const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
    if (!login || login === 'true' || roles.length === 0 || bad.length) {
      console.error(`heitu user add: needs --name LOGIN and --role with one or more of: ${ROLES.join(', ')}${bad.length ? ` (unknown: ${bad.join(', ')})` : ''}`);
      return 2;
    }
    let password: string | undefined;
    if (f.has('password-stdin')) {
      password = (await readInput('-')).split(/\r?\n/)[0] ?? '';
      if (password.length < 10) {
        console.error('heitu user add: the password must have at least 10 characters');
        return 2;
      }
    }
    const created = await users.create(null, { login, displayName: f.get('display')?.[0] ?? login, roles: roles as Role[], password });
    console.log(`created user ${created.user.id} ${created.user.login} [${created.user.roles.join(', ')}]`);
    if (created.password) console.log(`one-time password (shown only now): ${created.password}`);
    return 0;
  } finally {
    await store.close();
  }
}

async function convertCommand(args: string[]): Promise<number> {
  const f = flags(args);
  const to = f.get('to')?.[0];
  const from = f.get('from')?.[0] ?? 'auto';
  if (to !== 'zh-Hant' && to !== 'zh-Hans' && to !== 'zh-HK') {
    console.error('heitu convert: --to must be zh-Hant, zh-Hans or zh-HK');
    return 2;
  }
  if (from !== 'auto' && from !== 'zh-Hans' && from !== 'zh-Hant') {
    console.error('heitu convert: --from must be auto, zh-Hans or zh-Hant');
    return 2;
  }
  let terms: Term[] = [];
  if (f.has('site-terms')) {
    const store = await openAndPrepareStore(loadConfig(), { seed: false });
    try {
      terms = (await store.terms.list()).map((t) => ({ hans: t.hans, hant: t.hant, hk: t.hk }));
    } finally {
      await store.close();
    }
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    // Each line is converted from the script it is written in, unless --from says.
    const source: Script = from === 'auto' ? (detectScript(line) ?? (to === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans')) : from;
    if (!process.stdout.write(`${convertText(line, source, to, terms)}\n`)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  }
  return 0;
}

async function licenseeCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const f = flags(rest);
  const one = (k: string) => f.get(k)?.[0];
  const list = (k: string) => (one(k) ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const store = await openAndPrepareStore(loadConfig());
  const ctx = { actorId: null, actorLogin: 'cli' };
  try {
    const rights = createRightsService(store);
    if (sub === 'add') {
      const name = one('name');
      if (!name || name === 'true') {
        console.error('heitu licensee add: --name is required');
        return 2;
      }
      const date = (k: string) => (one(k) ? new Date(one(k)!).toISOString() : null);
      const r = await rights.addLicensee(
        {
          name, contact: one('contact') ?? null, certificateNo: one('certificate') ?? null,
          scope: {
            channels: list('channels'), rights: f.has('rights') ? list('rights') : ['original'], uses: f.has('uses') ? list('uses') : ['reprint'],
            // Pictures the licensee receives, by their own rights class: our own photographers' only, unless named.
            ...(f.has('pictures') ? { pictures: list('pictures') } : {}),
            validFrom: date('from'), validUntil: date('until'), territory: list('territory'),
            itemsPerDay: one('items-per-day') ? Number(one('items-per-day')) : null,
            attribution: one('attribution') ?? (await requireSettings(store)).creditLine,
          },
        },
        ctx,
      );
      if (f.has('json')) process.stdout.write(`${JSON.stringify(r)}\n`);
      else console.log(`licensee ${r.licenseeId} (certificate ${r.certificateNo}), agreement ${r.agreementId}\nAPI key (shown only now): ${r.apiKey}`);
      return 0;
    }
    if (sub === 'revoke') {
      const id = Number(rest[0]);
      if (!Number.isSafeInteger(id) || id < 1) {
        console.error('heitu licensee revoke: give the licensee id');
        return 2;
      }
      const n = await rights.revokeLicensee(id, ctx);
      console.log(`revoked ${n} agreement(s) of licensee ${id}`);
      return 0;
    }
    if (sub === 'list') {
      for (const l of await rights.overview()) {
        console.log(`${l.id}  ${l.name}  ${l.certificateNo}`);
        for (const a of l.agreements) console.log(`    agreement ${a.id}: ${a.state}  ${a.scope.rights.join(',')}  ${a.scope.channels.join(',') || 'all channels'}  until ${a.scope.validUntil ?? '-'}`);
      }
      return 0;
    }
    console.error('heitu licensee: use add, revoke or list');
    return 2;
  } catch (e) {
    if (e instanceof ZodError) {
      console.error(`heitu licensee: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
}

async function exportSiteCommand(args: string[]): Promise<number> {
  const dir = args[0];
  if (!dir) {
    console.error('heitu export-site: name the folder to write');
    return 2;
  }
  const config = loadConfig();
  const store = await openAndPrepareStore(config);
  try {
    const { app, reader } = buildApp(config, store);
    const t0 = performance.now();
    const report = await exportSite(dir, reader, async (path) => {
      const res = await app.request(path);
      return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
    });
    console.log(`exported ${report.total} files to ${dir}: ${report.written} written, ${report.unchanged} unchanged, ${report.removed} removed (${Math.round(performance.now() - t0)} ms)`);
    return 0;
  } catch (e) {
    if (!(e instanceof RefusedPathError)) throw e;
    console.error(`heitu export-site: ${e.message}`);
    return 1;
  } finally {
    await store.close();
  }
}

export async function main(argv: string[]): Promise<number | null> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      await serve();
      return null;
    case 'import':
      return importCommand(args);
    case 'export':
      return exportCommand(args);
    case 'user':
      return userCommand(args);
    case 'setup':
      return setupCommand(args, { flags, readInput });
    case 'channel':
      return channelCommand(args, { flags, readInput });
    case 'convert':
      return convertCommand(args);
    case 'licensee':
      return licenseeCommand(args);
    case 'export-site':
      return exportSiteCommand(args);
    case 'backup':
      return backupCommand(args);
    case 'restore':
      return restoreCommand(args);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(HELP);
      return 0;
    default:
      console.error(`heitu: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

try {
  const code = await main(process.argv.slice(2));
  if (code !== null) process.exitCode = code;
} catch (e) {
  if (isDomainError(e)) {
    console.error(`heitu: ${e.message}`);
    process.exitCode = e.code === 'CONFIG_INVALID' ? 78 : 1;
  } else {
    console.error('heitu:', e);
    process.exitCode = 1;
  }
}
