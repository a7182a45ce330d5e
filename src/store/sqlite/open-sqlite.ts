import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../schema.ts';
import { KyselyStore } from '../kysely-store.ts';
import { SqliteSearch, SQLITE_SEARCH_SCHEMA } from './sqlite-search.ts';

/**
 * Transactions take the write lock when they begin. A deferred one that reads first and writes
 * later fails at once with "database is locked" when another process wrote in between, and the
 * busy timeout cannot help it; an immediate one waits its turn instead (a CLI import while the
 * newsroom saves, two imports at once).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** The embedded store: one file, WAL so readers never wait for the writer. `:memory:` for tests. */
export function openSqliteStore(file: string): KyselyStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
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
