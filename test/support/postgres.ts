import pg from 'pg';

/** The PostgreSQL the tests use; CI provides one at this address. */
export const postgresTestUrl = process.env['HEITU_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** true, or why not. */
export async function postgresReachable(): Promise<true | string> {
  const client = new pg.Client({ connectionString: postgresTestUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await client.end().catch(() => {});
  }
}
