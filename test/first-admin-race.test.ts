import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli } from './support/cli.ts';
import { postgresReachable, postgresTestUrl } from './support/postgres.ts';
import { openPostgresStore } from '../src/store/postgres/open-postgres.ts';
import { ensureDefaultSettings } from '../src/services/default-settings.ts';
import { createUserAdminService } from '../src/services/user-admin-service.ts';

test('several heitu setup processes at once on one SQLite file make exactly one admin', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heitu-first-admin-'));
  const env = { HEITU_DATA_DIR: dir, HEITU_DEMO: '0' };
  assert.equal((await runCli(['channel', 'list'], env)).code, 0);
  const runs = await Promise.all(['one', 'two', 'three', 'four'].map((login) => runCli(['setup', '--admin', login, '--password-stdin'], env, 'a-long-password-1\n')));
  assert.deepEqual(runs.map((r) => r.code).sort(), [0, 1, 1, 1], runs.map((r) => r.stderr).join('\n'));
  for (const r of runs.filter((x) => x.code === 1)) assert.match(r.stderr, /already has an admin/);
  const users = await runCli(['user', 'list'], env);
  assert.equal(users.stdout.match(/\[admin\]/g)?.length, 1, users.stdout);
});

test('first-admin setup from two instances on one PostgreSQL makes exactly one admin', async (t) => {
  const reachable = await postgresReachable();
  if (reachable !== true) return t.skip(reachable);
  const schema = `heitu_first_admin_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  // Separate pools, as separate processes would have: nothing in one process orders them.
  const stores = [openPostgresStore(postgresTestUrl, { schema, max: 2 }), openPostgresStore(postgresTestUrl, { schema, max: 2 })];
  try {
    await stores[0]!.migrate();
    await ensureDefaultSettings(stores[0]!);
    for (let round = 0; round < 3; round++) {
      const attempts = await Promise.allSettled(
        stores.flatMap((s, i) => [0, 1].map((j) => createUserAdminService(s).createFirstAdmin({ login: `r${round}i${i}n${j}`, displayName: '管理員', password: 'a-long-password-1' }, 'web'))),
      );
      const made = attempts.filter((a) => a.status === 'fulfilled').length;
      assert.equal(made, round === 0 ? 1 : 0, `round ${round}`);
      for (const a of attempts) if (a.status === 'rejected') assert.match(String(a.reason), /already has an admin/);
    }
    const admins = (await stores[1]!.users.list()).filter((u) => u.roles.includes('admin'));
    assert.equal(admins.length, 1);
    const setups = (await stores[1]!.audit.list({ limit: 50 })).filter((e) => e.action === 'site.setup');
    assert.deepEqual(setups.map((e) => e.detail['login']), [admins[0]!.login]);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
});
