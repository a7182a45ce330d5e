import { LOGIN_PATTERN } from '../domain/roles.ts';
import { loadConfig } from '../config.ts';
import { openAndPrepareStore } from '../main.ts';
import { createSiteSetupService } from '../services/site-setup-service.ts';
import { isDomainError } from '../domain/errors.ts';
import { requireSettings } from '../services/site-context.ts';
import { navChannels, type Channel } from '../domain/channel.ts';

/** What the commands borrow from the CLI's entry point, so flags and stdin read the same everywhere. */
export interface CliIo {
  flags(args: string[]): Map<string, string[]>;
  readInput(file: string): Promise<string>;
}

const CLI_ACTOR = { actorId: null, actorLogin: 'cli' };

/** A flag's value, or undefined when it is missing or given without one. */
const value = (f: Map<string, string[]>, name: string) => {
  const v = f.get(name)?.[0];
  return v === undefined || v === 'true' ? undefined : v;
};

/**
 * `heitu setup`: the site's name and its first admin, for a site started without the demo.
 * The admin check comes before any change, so a refused run changes nothing.
 */
export async function setupCommand(args: string[], io: CliIo): Promise<number> {
  const f = io.flags(args);
  const siteName = value(f, 'site-name');
  const login = value(f, 'admin');
  if ((f.has('site-name') && !siteName?.trim()) || (f.has('admin') && !login) || (!siteName && !login)) {
    console.error('heitu setup: needs --site-name NAME, --admin LOGIN, or both');
    return 2;
  }
  if (login && !LOGIN_PATTERN.test(login)) {
    console.error('heitu setup: --admin must be 2 to 40 lower-case letters, digits, . _ or -');
    return 2;
  }
  let password: string | undefined;
  if (login && f.has('password-stdin')) {
    password = (await io.readInput('-')).split(/\r?\n/)[0] ?? '';
    if (password.length < 10) {
      console.error('heitu setup: the password must have at least 10 characters');
      return 2;
    }
  }
  const store = await openAndPrepareStore(loadConfig());
  try {
    const setup = createSiteSetupService(store);
    if (login && (await setup.adminExists())) {
      console.error('heitu setup: the site already has an admin; add accounts with heitu user add or in the newsroom');
      return 1;
    }
    if (siteName) {
      const s = await setup.rename(siteName.trim(), CLI_ACTOR);
      console.log(`site name: ${s.siteName}`);
    }
    if (login) {
      const created = await setup.createFirstAdmin({ login, displayName: value(f, 'display') ?? login, password });
      console.log(`created admin ${created.user.id} ${created.user.login}`);
      if (created.password) console.log(`one-time password (shown only now): ${created.password}`);
    }
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    console.error(`heitu setup: ${e.message}`);
    return 1;
  } finally {
    await store.close();
  }
}

/** A whole number of at most six digits, or undefined for anything else. */
const positionOf = (v: string | undefined) => (v !== undefined && /^\d{1,6}$/.test(v) ? Number(v) : undefined);

/**
 * `heitu channel add|set|list`. `add` makes a channel, `set` moves an existing one in the
 * navigation's order (`--position`) or hides it there (`--hidden`, back with `--shown`).
 */
export async function channelCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const f = io.flags(rest);
  if (sub !== 'add' && sub !== 'list' && sub !== 'set') {
    console.error('heitu channel: use "add", "set" or "list"');
    return 2;
  }
  const slug = value(f, 'slug');
  const name = value(f, 'name')?.trim();
  const levels = Number(value(f, 'levels') ?? '2');
  const position = positionOf(value(f, 'position'));
  if (f.has('position') && position === undefined) {
    console.error(`heitu channel ${sub}: --position must be a whole number from 0 to 999999`);
    return 2;
  }
  if (f.has('hidden') && f.has('shown')) {
    console.error(`heitu channel ${sub}: --hidden and --shown cannot both be given`);
    return 2;
  }
  const navVisible = f.has('hidden') ? false : f.has('shown') ? true : undefined;
  if (sub === 'add') {
    if (!slug || !/^[a-z0-9-]{1,60}$/.test(slug) || !name || name.length > 40) {
      console.error('heitu channel add: needs --slug (lower-case letters, digits and -, up to 60) and --name (up to 40 characters)');
      return 2;
    }
    if (!Number.isInteger(levels) || levels < 1 || levels > 3) {
      console.error('heitu channel add: --levels must be 1, 2 or 3');
      return 2;
    }
  }
  if (sub === 'set' && (!slug || (position === undefined && navVisible === undefined))) {
    console.error('heitu channel set: needs --slug and at least one of --position N, --hidden, --shown');
    return 2;
  }
  const store = await openAndPrepareStore(loadConfig());
  const where = (c: Channel) => `position ${c.position}${c.navVisible ? ' in the navigation' : ', hidden from the navigation'}`;
  try {
    if (sub === 'list') {
      await requireSettings(store);
      // In the navigation's order, hidden ones where they would be.
      const channels = await store.channels.list();
      const ordered = navChannels(channels.map((c) => ({ ...c, navVisible: true })));
      for (const c of ordered) {
        const hidden = channels.find((x) => x.id === c.id)?.navVisible ? '' : '  (hidden)';
        console.log(`${String(c.position).padStart(6)}  ${c.slug.padEnd(24)} ${c.name}  ${c.kind}  ${c.reviewLevels} level${c.reviewLevels > 1 ? 's' : ''}${hidden}`);
      }
      return 0;
    }
    const setup = createSiteSetupService(store);
    if (sub === 'set') {
      const c = await setup.placeChannel(slug!, { ...(position === undefined ? {} : { position }), ...(navVisible === undefined ? {} : { navVisible }) }, CLI_ACTOR);
      console.log(`channel ${c.slug} ${c.name}: ${where(c)}`);
      return 0;
    }
    const c = await setup.addChannel({ slug: slug!, name: name!, reviewLevels: levels, region: f.has('region'), ...(position === undefined ? {} : { position }), ...(navVisible === undefined ? {} : { navVisible }) }, CLI_ACTOR);
    console.log(`created channel ${c.slug} ${c.name} (${c.kind}, ${c.reviewLevels} review level${c.reviewLevels > 1 ? 's' : ''}), ${where(c)}`);
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    console.error(`heitu channel: ${e.message}`);
    return 1;
  } finally {
    await store.close();
  }
}
