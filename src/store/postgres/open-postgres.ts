import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.ts';
import { KyselyStore } from '../kysely-store.ts';
import { addRankingIndex, PostgresSearch, POSTGRES_SEARCH_SCHEMA } from './postgres-search.ts';
import { log } from '../../logger.ts';
import { CONTENT_CHANNEL } from './postgres-notify.ts';

const pools = new WeakMap<object, pg.Pool>();

/** The connection pool of a PostgreSQL store: its state for metrics, its settings for a listening connection. */
export function poolOf(store: object): pg.Pool | undefined {
  return pools.get(store);
}

/** The scale-out store. `schema` lets tests run in a throwaway namespace of a shared database. */
export function openPostgresStore(url: string, options: { schema?: string; max?: number; applicationName?: string } = {}): KyselyStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // A connection that cannot be made fails the request (503) instead of waiting for ever.
    connectionTimeoutMillis: 5000,
    application_name: options.applicationName ?? 'heitu',
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection ended by the server (a restart, a failover, pg_terminate_backend) is
  // dropped from the pool and replaced on next use; unhandled, the pool's 'error' would end the process.
  pool.on('error', (e) => log.warn({ err: e.message }, 'database: an idle connection was lost; it will be replaced'));
  // The pool listens only to idle connections: one ended while lent out (inside a transaction,
  // between its queries) would raise an 'error' nobody handles. Its current query fails (503) and
  // the pool drops it when it comes back.
  pool.on('connect', (client) => client.on('error', (e) => log.warn({ err: e.message }, 'database: a connection in use was lost; it will be replaced')));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const store = new KyselyStore(db, 'postgres', {
    autoIdType: 'serial',
    skipLocked: true,
    searchSchema: POSTGRES_SEARCH_SCHEMA,
    rankingIndex: addRankingIndex,
    announceChanges: [
      `CREATE FUNCTION content_changes_announce() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('${CONTENT_CHANNEL}', current_schema() || ':' || NEW.version); RETURN NEW; END $$`,
      `CREATE TRIGGER content_changes_announce AFTER INSERT ON content_changes FOR EACH ROW EXECUTE FUNCTION content_changes_announce()`,
    ],
    appendOnly: (table) => [
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`,
    ],
  }, new PostgresSearch(db));
  pools.set(store, pool);
  return store;
}
