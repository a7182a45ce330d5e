import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../schema.ts';
import { KyselyStore } from '../kysely-store.ts';
import { SqliteSearch, SQLITE_SEARCH_SCHEMA } from './sqlite-search.ts';

/** The embedded store: one file, WAL so readers never wait for the writer. `:memory:` for tests. */
export function openSqliteStore(file: string): KyselyStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return new KyselyStore(db, 'sqlite', {
    autoIdType: 'integer',
    skipLocked: false,
    searchSchema: SQLITE_SEARCH_SCHEMA,
    appendOnly: (table) =>
      ['UPDATE', 'DELETE'].map(
        (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      ),
  }, new SqliteSearch(db));
}
