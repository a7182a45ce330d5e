import { test } from 'node:test';
import pg from 'pg';
import { storeContract } from './store-contract.ts';
import { openSqliteStore } from './sqlite/open-sqlite.ts';
import { openPostgresStore } from './postgres/open-postgres.ts';
import { postgresTestUrl, postgresReachable } from '../../test/support/postgres.ts';

storeContract('sqlite', async () => openSqliteStore(':memory:'), (s) => s.close());

const reachable = await postgresReachable();
if (reachable === true) {
  const schema = `heitu_contract_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  storeContract(
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
  test(`store contract: postgres (skipped: ${reachable})`, { skip: `PostgreSQL at ${postgresTestUrl} is not reachable: ${reachable}` }, () => {});
}
