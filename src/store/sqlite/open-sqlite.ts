import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from '../schema.ts';
import { KyselyStore } from '../kysely-store.ts';
import type { KyselyArticles } from '../kysely-articles.ts';
import { SqliteSearch, SQLITE_SEARCH_SCHEMA } from './sqlite-search.ts';
import { ReaderPool } from './reader-pool.ts';
import { readerSettings, type ReaderSettings } from './reader-settings.ts';

/**
 * Transactions take the write lock when they begin. A deferred one that reads first and writes
 * later fails at once with "database is locked" when another process wrote in between, and the
 * busy timeout cannot help it; an immediate one waits its turn instead (a CLI import while the
 * newsroom saves, two imports at once).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(config: SqliteDialectConfig, private readonly closing: () => Promise<void>) {
    super(config);
  }

  override async destroy(): Promise<void> {
    await this.closing();
    await super.destroy();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #closing: () => Promise<void>;
  constructor(config: SqliteDialectConfig, closing: () => Promise<void>) {
    super(config);
    this.#config = config;
    this.#closing = closing;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#closing);
  }
}

/**
 * The embedded store: one file, WAL so readers never wait for the writer. Searches run in a
 * pool of reader threads on the same file (`readers`, else the HEITU_SEARCH_* settings); a
 * `:memory:` database (tests) cannot be shared between threads, so there they run in this one.
 */
export function openSqliteStore(file: string, options: { readers?: ReaderSettings } = {}): KyselyStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const readers = options.readers ?? readerSettings(process.env);
  const pool = file !== ':memory:' && readers.threads > 0 ? new ReaderPool({ file: resolve(file), ...readers }) : null;
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }, async () => pool?.close()) });
  const store = new KyselyStore(db, 'sqlite', {
    autoIdType: 'integer',
    skipLocked: false,
    searchSchema: SQLITE_SEARCH_SCHEMA,
    appendOnly: (table) =>
      ['UPDATE', 'DELETE'].map(
        (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      ),
  }, new SqliteSearch(db, pool));
  // A licensee's feed is read by the reader threads too: its pages carry whole articles.
  if (pool) (store.articles as KyselyArticles).readFeedWith((scope, cursor, limit, asOf) => pool.run('licensed', { scope, cursor, limit, asOf }));
  return store;
}
