import { test } from 'node:test';
import pg from 'pg';
import type { Store } from '../../src/store/ports.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres.ts';
import { postgresReachable, postgresTestUrl } from './postgres.ts';

export type StoreSuite = (name: string, open: () => Promise<Store>, close: (s: Store) => Promise<void>) => void;

/**
 * Runs a store suite on an in-memory SQLite database and on PostgreSQL in a schema of its own,
 * dropped afterwards. Without PostgreSQL the second is skipped, except in CI, where that fails.
 */
export async function onEachStore(label: string, schemaPrefix: string, suite: StoreSuite): Promise<void> {
  suite('sqlite', async () => openSqliteStore(':memory:'), (s) => s.close());
  const reachable = await postgresReachable();
  if (reachable === true) {
    const schema = `${schemaPrefix}_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgresTestUrl });
    suite(
      'postgres',
      async () => {
        await admin.connect();
        await admin.query(`CREATE SCHEMA ${schema}`);
        return openPostgresStore(postgresTestUrl, { schema, max: 4 });
      },
      async (s) => {
        await s.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    );
  } else if (process.env['CI'] === 'true') {
    test('postgres is reachable in CI', () => {
      throw new Error(`PostgreSQL at ${postgresTestUrl} is not reachable in CI: ${reachable}`);
    });
  } else {
    test(`${label}: postgres (skipped: ${reachable})`, { skip: `PostgreSQL at ${postgresTestUrl} is not reachable: ${reachable}` }, () => {});
  }
}
